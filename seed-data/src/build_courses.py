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


def session(course, n, start, end, place=None, postal_code=None, online=False, capacity=24, taken=0, days=None,
            opens=None, closes=None, waiting_list=False):
    """A course instance; a course of several days lists them in days ([start, end] pairs) as one instance."""
    if days:
        start, end = days[0][0], days[-1][1]
    return {"id": uid(course, "session", str(n)), "starts_at": start, "ends_at": end, "online": online,
            "place": place, "postal_code": postal_code, "capacity": capacity, "seats_taken": taken,
            "registration_url": "https://www.rino.be/", "note": EXAMPLE,
            "days": [{"starts_at": a, "ends_at": b} for a, b in (days or [(start, end)])],
            "enrolment_opens": opens, "enrolment_closes": closes, "waiting_list": waiting_list}


def three_days(first, second, third):
    return [(d + "T09:00", d + "T17:00") for d in (first, second, third)]


# The online module of the childcare course: lessons written for Nestkaart from the learning goals the report gives
# for childcare workers (impact of childcare on parents, part of the supporting network, picking up signals, talking
# about them, guiding parents to a basic care provider), and a check of those goals.
CHILDCARE_LESSONS = [
    {"title": "Waarom de kinderopvang ertoe doet",
     "body": "In de eerste 1000 dagen zien begeleiders in de kinderopvang een kind en zijn ouders bijna elke dag. "
             "Dat maakt je tot een belangrijk deel van het **steunend netwerk** van ouders.\n\n"
             "![Het kind en de ouders in het midden, met rondom hen het steunend netwerk: familie, kinderopvang, "
             "Kind en Gezin, huisarts en vroedvrouw.](/static/lessen/steunend-netwerk.svg)\n\n"
             "De kinderopvang zelf raakt aan het welzijn van ouders: de zoektocht naar een plaats, het loslaten bij "
             "de werkhervatting, twijfel of schuldgevoel. Eén op vijf ouders krijgt in deze periode psychische "
             "problemen; de meesten zoeken geen hulp uit zichzelf.\n\n"
             "Je hoeft geen expert te worden. Wel kan je signalen opmerken, ze bespreekbaar maken en ouders de weg "
             "wijzen."},
    {"title": "Signalen bij het kind",
     "body": "Een baby of peuter toont via zijn lichaam en gedrag hoe het gaat. Let op signalen die **aanhouden** of "
             "die je bij dit kind niet gewoon bent:\n\n"
             "- veel en ontroostbaar huilen, moeilijk te kalmeren;\n"
             "- slaap- of voedingsproblemen;\n"
             "- stil, teruggetrokken, weinig oogcontact of weinig plezier in contact;\n"
             "- erg angstig of gespannen bij het afscheid of net helemaal niet reageren op de ouder.\n\n"
             "Eén signaal zegt weinig. Kijk naar het geheel en naar wat verandert."},
    {"title": "Signalen bij de ouder",
     "body": "Ouders tonen hun zorgen zelden rechtstreeks. Mogelijke signalen:\n\n"
             "- de ouder oogt uitgeput, somber of prikkelbaar, huilt snel;\n"
             "- veel piekeren, angst dat er iets met het kind gebeurt;\n"
             "- weinig plezier in het kind, of het gevoel tekort te schieten als ouder;\n"
             "- verwardheid of vreemd gedrag vlak na de bevalling: dat is **dringend**.\n\n"
             "Ook vaders en meemoeders kunnen het moeilijk hebben. Denk aan hen."},
    {"title": "Bespreekbaar maken",
     "body": "Bespreek wat je ziet eerst **in je team**: beschrijf wat je ziet, zonder oordeel, en spreek af wie het "
             "gesprek met de ouder voert.\n\n"
             "Met de ouder: benoem wat je ziet en vraag hoe het gaat. Bijvoorbeeld: *\"Ik merk dat je de laatste "
             "tijd moe lijkt. Hoe gaat het met jou?\"* Luister, normaliseer (veel ouders hebben het moeilijk) en "
             "zeg dat hulp vragen sterk is. Beloof geen geheimhouding als een kind in gevaar is."},
    {"title": "Ouders de weg wijzen",
     "body": "Je geleidt ouders door naar een **basiszorgverlener**: de huisarts, de vroedvrouw, Kind en Gezin. Zoek "
             "eventueel samen aanbod in de buurt op Nestkaart en bel samen.\n\n"
             "Bij **acuut gevaar** voor ouder of kind: bel 112. Bij gedachten aan zelfdoding: Zelfmoordlijn 1813 "
             "(gratis, dag en nacht).\n\n"
             "Download het handvat onderaan de opleidingspagina als geheugensteun."},
]

CHILDCARE_QUESTIONS = [
    {"question": "Wat is de rol van een begeleider in de kinderopvang bij psychische problemen van ouders?",
     "right_answer": "Signalen opmerken, ze bespreekbaar maken en ouders naar een basiszorgverlener leiden",
     "wrong_answers": "Zelf een behandeling starten met de ouder\nNiets doen: dit hoort niet bij de kinderopvang\n"
                      "De ouder doorverwijzen naar een psychiater zonder het te bespreken",
     "explanation": "Je bent een deel van het steunend netwerk: opmerken, bespreken, doorgeleiden."},
    {"question": "Welk signaal bij een ouder vraagt dringend hulp?",
     "right_answer": "Verwardheid of vreemd gedrag vlak na de bevalling",
     "wrong_answers": "Eén keer te laat komen bij het ophalen\nVragen stellen over het eten van het kind",
     "explanation": "Verwardheid kort na de bevalling kan op een psychose wijzen: dat is dringend."},
    {"question": "Hoe maak je een zorg best bespreekbaar met een ouder?",
     "right_answer": "Benoemen wat je ziet en vragen hoe het met de ouder gaat",
     "wrong_answers": "Zeggen dat de ouder het niet goed doet\nWachten tot de ouder er zelf over begint",
     "explanation": "Beschrijf zonder oordeel en vraag open hoe het gaat."},
    {"question": "Naar wie geleid je een ouder in de eerste plaats door?",
     "right_answer": "Een basiszorgverlener zoals de huisarts, de vroedvrouw of Kind en Gezin",
     "wrong_answers": "Een residentiële opname\nDe politie",
     "explanation": "De basiszorgverlener bekijkt samen met de ouder welke hulp nodig is."},
    {"question": "Wat doe je bij acuut gevaar voor ouder of kind?",
     "right_answer": "112 bellen",
     "wrong_answers": "Een e-mail sturen naar Kind en Gezin\nHet bespreken op het volgende teamoverleg",
     "explanation": "Bij acuut gevaar bel je meteen 112; bij gedachten aan zelfdoding de Zelfmoordlijn 1813."},
]


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
        "provider_name": "RINO Vlaanderen",
        "price_eur": 450, "price_note": "(voorbeeldprijs)", "language": "nl",
        "url": "https://www.rino.be/",
        "co_organizers": [{"name": "Vlaamse Vereniging voor Psychiatrie (VVP)"},
                          {"name": "Vlaamse Vereniging voor Kinder- en Jeugdpsychiatrie (VVKJP)"},
                          {"name": "WAIMH Vlaanderen"}, {"name": "V.E.N.P.M.G."}],
        "downloads": [{"title": "Handvat: het gesprek over psychisch welzijn (A4, pdf)",
                       "url": "/static/handvatten/gesprek-zwangerschap.pdf",
                       "description": "Vragen om bij elk contact te stellen, en wanneer je doorverwijst"}]},
     "goals": [{"profession": "vroedkunde", "goal": "Psychisch welzijn bevragen bij elk prenataal en postnataal "
                                                    "contact en warm doorverwijzen in het zorgpad."},
               {"profession": "huisarts", "goal": "Perinatale depressie, angst en psychose herkennen, de ernst "
                                                  "inschatten en gepast behandelen of doorverwijzen."},
               {"profession": "klinische_psychologie", "goal": "De ouder-kindrelatie mee in de behandeling nemen: "
                                                               "hechting, mentaliseren en sensitiviteit."}],
     "professions": ["vroedkunde", "verpleegkunde", "klinische_psychologie", "klinische_orthopedagogie",
                     "toegepaste_psychologie", "huisarts", "gynaecologie", "pediatrie", "psychiatrie"],
     "topics": ["ppd", "anxiety", "psychosis", "bonding"],
     "sessions": [session("basiskennis", 1, None, None, "Gent", "9000", taken=24, waiting_list=True,
                          days=three_days("2027-02-04", "2027-02-11", "2027-02-18"), closes="2027-01-21"),
                  session("basiskennis", 2, None, None, "Leuven", "3000", taken=20,
                          days=three_days("2027-05-06", "2027-05-13", "2027-05-20"), opens="2027-01-15",
                          closes="2027-04-22")]},
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
        "accreditation_body": "V.E.N.P.M.G.", "accreditation_points": 4,
        "accreditation_reference": "VOORBEELD-VENPMG-KINDEROPVANG",
        "provider_name": "V.E.N.P.M.G.", "price_eur": 0, "price_note": "gratis", "language": "nl",
        "lessons": CHILDCARE_LESSONS, "questions": CHILDCARE_QUESTIONS,
        "downloads": [{"title": "Handvat: signalen opvangen in de kinderopvang (A4, pdf)",
                       "url": "/static/handvatten/signalen-kinderopvang.pdf",
                       "description": "Geheugensteun bij de module: kijken, bespreekbaar maken, doorgeleiden"}]},
     "goals": [{"profession": "pedagogie_jonge_kind", "goal": "Signalen van verstoord emotioneel welzijn bij kind "
                                                              "en ouder(s) oppikken, in team bespreken en ouders "
                                                              "doorgeleiden naar een basiszorgverlener."},
               {"profession": "zorgkundige", "goal": "Als kinderverzorgende de impact van de opvang op ouders "
                                                     "begrijpen en deel zijn van hun steunend netwerk."}],
     "professions": ["pedagogie_jonge_kind", "zorgkundige"], "topics": ["bonding", "regulation"],
     "sessions": [session("kinderopvang", 1, "2027-01-11T00:00", "2027-06-30T23:59", online=True, capacity=500)]},
    # The intervision comes first: the course before it names it as its follow-up.
    {"id": uid("crisisteams-intervisie"), "fields": {
        "name": "Intervisie perinatale casussen voor mobiele crisisteams",
        "summary": "Intervisie na 3 en na 6 maanden, aansluitend op de opleiding voor mobiele crisisteams: "
                   "interdisciplinaire casusbespreking met perinatale psychiaters.",
        "level": "gespecialiseerd", "format": "blended", "hours": 6, "counts_as": "intervision",
        "accreditation_body": "V.E.N.P.M.G.", "accreditation_reference": "VOORBEELD-VENPMG-INTERVISIE",
        "provider_organization_id": UZ_GENT, "language": "nl"},
     "professions": ["ggz", "klinische_psychologie", "verpleegkunde", "psychiatrie"], "topics": ["smi"],
     "sessions": [session("crisisteams-intervisie", 1, "2027-06-15T13:00", "2027-06-15T16:00", "Gent", "9000", capacity=12)]},
    {"id": uid("crisisteams"), "fields": {
        "name": "Perinatale mentale gezondheid voor mobiele crisisteams",
        "summary": "Opleiding op locatie voor de mobiele crisisteams (2A-teams): een halve dag voor het hele team, "
                   "drie dagen verdieping voor een derde van het team, en intervisie na 3 en na 6 maanden. Daarna "
                   "'train de trainer' zodat teams nieuwe collega's zelf opleiden.",
        "level": "gespecialiseerd", "format": "klassikaal", "hours": 25.5, "counts_as": "continuing_education",
        "accreditation_body": "V.E.N.P.M.G.", "accreditation_points": 25,
        "accreditation_reference": "VOORBEELD-VENPMG-2A-2027",
        "provider_organization_id": UPC_LEUVEN, "language": "nl",
        "follow_up_course_id": uid("crisisteams-intervisie"),
        "prerequisites": "Voor medewerkers van een mobiel crisisteam of een team voor langdurige zorg (2A/2B)."},
     "professions": ["ggz", "klinische_psychologie", "verpleegkunde", "psychiatrie"],
     "topics": ["psychosis", "ppd", "smi"],
     "sessions": [session("crisisteams", 1, "2027-03-15T13:00", "2027-03-15T17:00", "Kortenberg", "3070", capacity=30)]},
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
