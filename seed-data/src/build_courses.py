#!/usr/bin/env python3
"""Builds seed-data/courses.json: the training catalogue's seed courses.

Sources: V.E.N.P.M.G., Aanbevelingen perinatale mentale gezondheid (chapter on education and permanent
education): the three-day 'Basiskennis Perinatale Psychiatrie en Infant Mental Health' (RINO Vlaanderen with the
Flemish psychiatric associations, WAIMH Vlaanderen and the network), online learning material for childcare workers
with the learning goals as the report states them, the training for mobile crisis teams, the 'Born in Belgium Pro'
psychosocial assessment training, postgraduaat perinatale coaching. Dates, prices, seats, hours and accreditation
references are invented examples and say so ("voorbeeld"). Ids are deterministic (UUIDv5).
"""
import json
import pathlib
import uuid

NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://nestkaart.be/seed/courses")
UPC_LEUVEN = "21affd2f-d397-5c88-ae26-3e4f5e95f942"
UZ_GENT = "4aa2db7b-bc2a-5e58-8058-8acfd3f099bc"
BAKERMAT = "ed22b4e8-be97-5bae-9f67-d5298884b4ef"
EXAMPLE = "Voorbeelddatum: de echte data volgen van de organisator."


def uid(*key):
    return str(uuid.uuid5(NS, "/".join(key)))


def session(course, n, start, end, place=None, postal_code=None, online=False, capacity=24, taken=0):
    return {"id": uid(course, "session", str(n)), "starts_at": start, "ends_at": end, "online": online,
            "place": place, "postal_code": postal_code, "capacity": capacity, "seats_taken": taken,
            "registration_url": "https://www.rino.be/", "note": EXAMPLE}


COURSES = [
    {"id": uid("basiskennis"), "fields": {
        "name": "Basiskennis Perinatale Psychiatrie en Infant Mental Health",
        "summary": "Driedaagse opleiding die inzet op het verwerven van specifieke kennis en vaardigheden rond "
                   "perinatale en infant mentale gezondheid (P.I.M.H.): herkennen, bespreekbaar maken, eerste "
                   "opvang en doorverwijzen.",
        "learning_goals": "Perinatale psychische problemen bij ouders herkennen (depressie, angst, psychose, trauma).\n"
                          "De ontwikkeling van baby en jong kind begrijpen: hechting, mentaliseren, sensitiviteit en "
                          "vroege interactie.\nSignalen bespreekbaar maken en warm doorverwijzen in het zorgpad.",
        "level": "basis", "format": "klassikaal", "hours": 18, "counts_as": "continuing_education",
        "accreditation_body": "RINO Vlaanderen", "accreditation_points": 18,
        "accreditation_reference": "VOORBEELD-RINO-PIMH-2027",
        "provider_name": "RINO Vlaanderen, VVP, VVKJP, WAIMH Vlaanderen en V.E.N.P.M.G.",
        "price_eur": 450, "price_note": "(voorbeeldprijs)", "language": "nl",
        "url": "https://www.rino.be/"},
     "professions": ["vroedkunde", "verpleegkunde", "klinische_psychologie", "klinische_orthopedagogie",
                     "toegepaste_psychologie", "huisarts", "gynaecologie", "pediatrie", "psychiatrie"],
     "topics": ["ppd", "anxiety", "psychosis", "bonding"],
     "sessions": [session("basiskennis", 1, "2027-02-04T09:00", "2027-02-04T17:00", "Gent", "9000"),
                  session("basiskennis", 2, "2027-05-06T09:00", "2027-05-06T17:00", "Leuven", "3000", taken=20)]},
    {"id": uid("kinderopvang"), "fields": {
        "name": "P.I.M.H. in de kinderopvang (online leermateriaal)",
        "summary": "Online leermateriaal voor begeleiders in de kinderopvang: zij zien als eersten hoe een kind het "
                   "doet. Geen opleiding tot expert, wel kennis en vaardigheden om signalen op te pikken en ouders "
                   "te steunen.",
        "learning_goals": "Inzicht hebben in de impact van kinderopvang op het emotioneel welzijn van ouder(s) "
                          "(de zoektocht naar kinderopvang, loslaten bij werkhervatting, ...).\n"
                          "Empowered worden als essentieel onderdeel van het steunend netwerk van ouder(s).\n"
                          "Signalen van verstoord emotioneel welzijn oppikken bij kind en ouder(s).\n"
                          "Deze signalen bespreekbaar maken in team en met ouder(s).\n"
                          "Ouder(s) doorgeleiden naar een basiszorgverlener.",
        "level": "basis", "format": "online", "hours": 4, "counts_as": "continuing_education",
        "provider_name": "V.E.N.P.M.G.", "price_eur": 0, "price_note": "gratis", "language": "nl"},
     "professions": ["pedagogie_jonge_kind", "zorgkundige"], "topics": ["bonding", "regulation"],
     "sessions": [session("kinderopvang", 1, "2027-01-11T00:00", "2027-06-30T23:59", online=True, capacity=500)]},
    {"id": uid("crisisteams"), "fields": {
        "name": "Perinatale mentale gezondheid voor mobiele crisisteams",
        "summary": "Opleiding op locatie voor de mobiele crisisteams (2A-teams): een halve dag voor het hele team, "
                   "drie dagen verdieping voor een derde van het team, en intervisie na 3 en na 6 maanden. Daarna "
                   "'train de trainer' zodat teams nieuwe collega's zelf opleiden.",
        "level": "gespecialiseerd", "format": "klassikaal", "hours": 25.5, "counts_as": "continuing_education",
        "accreditation_body": "V.E.N.P.M.G.", "accreditation_points": 25,
        "accreditation_reference": "VOORBEELD-VENPMG-2A-2027",
        "provider_organization_id": UPC_LEUVEN, "language": "nl",
        "prerequisites": "Voor medewerkers van een mobiel crisisteam of een team voor langdurige zorg (2A/2B)."},
     "professions": ["ggz", "klinische_psychologie", "verpleegkunde", "psychiatrie"],
     "topics": ["psychosis", "ppd", "smi"],
     "sessions": [session("crisisteams", 1, "2027-03-15T13:00", "2027-03-15T17:00", "Kortenberg", "3070", capacity=30)]},
    {"id": uid("crisisteams-intervisie"), "fields": {
        "name": "Intervisie perinatale casussen voor mobiele crisisteams",
        "summary": "Intervisie na 3 en na 6 maanden, aansluitend op de opleiding voor mobiele crisisteams: "
                   "interdisciplinaire casusbespreking met perinatale psychiaters.",
        "level": "gespecialiseerd", "format": "blended", "hours": 6, "counts_as": "intervision",
        "accreditation_body": "V.E.N.P.M.G.", "accreditation_reference": "VOORBEELD-VENPMG-INTERVISIE",
        "provider_organization_id": UZ_GENT, "language": "nl"},
     "professions": ["ggz", "klinische_psychologie", "verpleegkunde", "psychiatrie"], "topics": ["smi"],
     "sessions": [session("crisisteams-intervisie", 1, "2027-06-15T13:00", "2027-06-15T16:00", "Gent", "9000", capacity=12)]},
    {"id": uid("bibpro"), "fields": {
        "name": "Born in Belgium Pro: psychosociaal assessment in de zwangerschap",
        "summary": "Training in het gebruik van de tool 'Born in Belgium Pro' om samen met de zwangere vrouw "
                   "psychosociale kwetsbaarheden te identificeren en zorg op maat voor te stellen: "
                   "gesprekstechnieken en de technische implementatie van de tool.",
        "level": "basis", "format": "blended", "hours": 7, "counts_as": "continuing_education",
        "accreditation_body": "R.I.Z.I.V.", "accreditation_reference": "VOORBEELD-BIBPRO-2027",
        "provider_name": "Born in Belgium Professionals", "price_eur": 0, "price_note": "gratis",
        "language": "nl"},
     "professions": ["vroedkunde", "gynaecologie", "verpleegkunde", "huisarts"],
     "topics": ["vulnerable", "antenatal"],
     "sessions": [session("bibpro", 1, "2027-01-21T13:30", "2027-01-21T17:00", online=True, capacity=40),
                  session("bibpro", 2, "2027-03-04T09:00", "2027-03-04T12:30", "Brussel", "1000", capacity=20)]},
    {"id": uid("perinatale-coaching"), "fields": {
        "name": "Postgraduaat Perinatale Coaching",
        "summary": "Voortgezette opleiding (bachelor na bachelor) voor vroedvrouwen en verpleegkundigen die ouders "
                   "rond zwangerschap en geboorte psychosociaal begeleiden.",
        "level": "gespecialiseerd", "format": "blended", "hours": 120, "counts_as": "continuing_education",
        "accreditation_body": "Vlaamse hogescholen", "accreditation_points": 20,
        "accreditation_reference": "VOORBEELD-POSTGRADUAAT-PC",
        "provider_organization_id": BAKERMAT, "price_eur": 1800, "price_note": "(voorbeeldprijs)", "language": "nl"},
     "professions": ["vroedkunde", "verpleegkunde", "perinatale_coaching"],
     "topics": ["ppd", "anxiety", "bonding"], "sessions": []},
    {"id": uid("imh-themadag"), "fields": {
        "name": "Themadag Infant Mental Health: hechting, mentaliseren en sensitiviteit",
        "summary": "Themadag over de eerste 1000 dagen: hechting, mentaliseren, sensitiviteit en vroege "
                   "interactie tussen ouder en baby, met casussen uit de praktijk.",
        "level": "basis", "format": "klassikaal", "hours": 6, "counts_as": "continuing_education",
        "accreditation_body": "WAIMH Vlaanderen", "accreditation_reference": "VOORBEELD-WAIMH-2027",
        "provider_name": "WAIMH Vlaanderen", "price_eur": 95, "price_note": "(voorbeeldprijs)", "language": "nl"},
     "professions": [], "topics": ["bonding", "regulation"],
     "sessions": [session("imh-themadag", 1, "2027-04-22T09:30", "2027-04-22T16:30", "Antwerpen", "2000", capacity=80)]},
]

if __name__ == "__main__":
    out = pathlib.Path(__file__).resolve().parent.parent / "courses.json"
    out.write_text(json.dumps({"courses": COURSES}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(COURSES)} courses)")
