#!/usr/bin/env python3
"""Builds seed-data/nestkaart-seed.json: Nestkaart's seed dataset in HSDS 3.0 tabular JSON.

Sources: the V.E.N.P.M.G. policy report on perinatal mental health (2021) for the care structure, the
organisations it names and the two education tables; the parliamentary answers on parental burn-out and the
Kindreflex; the gezinsenquête 2021 for the helpline it names. Real organisations get honest descriptions drawn
from the report and no contact details (an editor adds verified ones); locations of real organisations are the
municipality only, with the postal code's centroid as coordinates. Practices and persons marked "fictief" are
invented examples. Ids are UUIDv5 of a stable key, so rebuilding gives the same ids.

Run: python3 seed-data/src/build_seed.py  (writes seed-data/nestkaart-seed.json)
"""
import json
import uuid
from pathlib import Path

NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://nestkaart.be/seed")
OUT = Path(__file__).resolve().parent.parent / "nestkaart-seed.json"


def uid(*key):
    return str(uuid.uuid5(NS, "/".join(key)))


# --- taxonomies -------------------------------------------------------------------------------------------
# (code, label, [(synonym, kind)]) per taxonomy. Names and codes of problem, module, format, careline and
# organization-type match the Nestkaart evaluation vocabulary so datasets can share terms.
TAXONOMIES = {
    "nestkaart-careline": ("Zorglijn", [
        ("0", "0de lijn", [("nulde lijn", "professional"), ("laagdrempelig", "lay"), ("zelfhulp", "lay")]),
        ("1", "1ste lijn", [("eerste lijn", "professional"), ("eerstelijn", "variant"), ("basiszorg", "professional")]),
        ("2", "2de lijn", [("tweede lijn", "professional"), ("tweedelijn", "variant"), ("gespecialiseerde zorg", "professional")]),
        ("3", "3de lijn", [("derde lijn", "professional"), ("derdelijn", "variant"), ("expertisecentrum", "professional")]),
    ]),
    "nestkaart-module": ("Zorgmodule gespecialiseerde perinatale zorg", [
        ("m1", "Module 1: ambulant", [("poliklinische module", "professional"), ("ambulante module", "professional"), ("polikliniek", "professional"), ("consultatie", "lay")]),
        ("m2", "Module 2: thuisbehandeling", [("outreachende module", "professional"), ("outreach", "professional"), ("hulp aan huis", "lay"), ("thuisbegeleiding", "lay"), ("mobiel team", "professional")]),
        ("m3", "Module 3: liaison", [("verbindende en versterkende module", "professional"), ("liaisonpsychiatrie", "professional"), ("consult op de materniteit", "lay")]),
        ("m4", "Module 4: dagbehandeling", [("daghospitalisatie", "professional"), ("dagziekenhuis", "lay"), ("dagbehandelingsmodule", "professional")]),
        ("m5", "Module 5: residentieel", [("moeder-baby-opname", "professional"), ("moeder-baby-eenheid", "professional"), ("M.B.E.", "abbreviation"), ("MBE", "abbreviation"), ("opname met baby", "lay")]),
    ]),
    "nestkaart-intervention": ("Interventie", [
        ("i1", "Consultatieve functie", [("triage", "professional"), ("advies voor hulpverleners", "lay"), ("casusoverleg", "professional")]),
        ("i2", "Participatie aan multidisciplinair casusoverleg", [("multidisciplinair overleg", "professional")]),
        ("i3", "Klinisch specialistische inschatting", [("diagnostiek", "professional"), ("assessment", "professional")]),
        ("i4", "(Verplaatste) kortdurende klinische interventie", [("kortdurende behandeling", "professional")]),
        ("i5", "Focusgerichte ouder-kind behandeling", [("ouder-kindtherapie", "professional"), ("moeder-babytherapie", "professional")]),
        ("i6", "Intensieve ambulante groepsbehandeling", [("groepstherapie", "professional")]),
        ("i7", "Combipoli psychiatrie en kinder- en jeugdpsychiatrie", [("combipoli", "professional")]),
        ("i8", "Psychiatrisch kraambed", [("kraambed op psychiatrische indicatie", "professional")]),
        ("i9", "Psychotherapeutische behandeling P.I.M.H.", [("psychotherapie", "professional"), ("therapie", "lay")]),
        ("i10", "Systeemtherapeutische behandeling", [("gezinstherapie", "professional"), ("relatietherapie", "lay")]),
    ]),
    "nestkaart-phase": ("Perinatale fase", [
        ("preconception", "Kinderwens en preconceptie", [("kinderwens", "lay"), ("zwanger willen worden", "lay")]),
        ("pregnancy", "Zwangerschap", [("zwanger", "lay"), ("prenataal", "professional"), ("antenataal", "professional")]),
        ("birth", "Bevalling", [("geboorte", "lay"), ("partus", "professional")]),
        ("postpartum", "Postpartum (0-6 weken)", [("kraamtijd", "lay"), ("na de bevalling", "lay"), ("postnataal", "variant"), ("post-partum", "variant")]),
        ("first_year", "Tot 1 jaar", [("eerste levensjaar", "lay")]),
        ("second_year", "Tot 2 jaar", [("eerste 1000 dagen", "professional"), ("peuter", "lay")]),
        ("loss", "Zwangerschapsverlies", [("miskraam", "lay"), ("doodgeboorte", "lay"), ("perinataal overlijden", "professional")]),
    ]),
    "nestkaart-problem": ("Probleem", [
        ("ppd", "Postpartumdepressie", [("somber na de bevalling", "lay"), ("depressie na de bevalling", "lay"), ("postnatale depressie", "variant"), ("PPD", "abbreviation")]),
        ("antenatal", "Depressie tijdens de zwangerschap", [("somber tijdens de zwangerschap", "lay"), ("antenatale depressie", "professional"), ("prenatale depressie", "variant")]),
        ("anxiety", "Angst", [("bang", "lay"), ("paniekaanvallen", "lay"), ("piekeren", "lay"), ("bevallingsangst", "lay")]),
        ("psychosis", "Postpartumpsychose", [("kraambedpsychose", "professional"), ("psychose na de bevalling", "lay")]),
        ("trauma", "Bevallingstrauma", [("nare bevallingservaring", "lay"), ("traumatische bevalling", "lay"), ("PTSS na de bevalling", "professional")]),
        ("loss", "Perinataal verlies", [("miskraam", "lay"), ("baby verloren", "lay"), ("rouw", "lay"), ("zwangerschapsverlies", "professional")]),
        ("substance", "Middelengebruik", [("verslaving", "lay"), ("alcohol tijdens de zwangerschap", "lay"), ("drugs", "lay"), ("F.A.S.D.", "abbreviation"), ("N.A.S.", "abbreviation")]),
        ("burnout", "Parentale burn-out", [("uitgeput als ouder", "lay"), ("ouderschapsburn-out", "variant"), ("opgebrand", "lay")]),
        ("regulation", "Regulatieproblemen baby", [("huilbaby", "lay"), ("baby huilt veel", "lay"), ("slaapproblemen", "lay"), ("voedingsproblemen", "lay")]),
        ("bonding", "Ouder-kindrelatie en hechting", [("band met mijn baby", "lay"), ("hechtingsproblemen", "professional"), ("bonding", "professional")]),
        ("fertility", "Kinderwens en fertiliteit", [("zwanger worden lukt niet", "lay"), ("vruchtbaarheidsbehandeling", "lay"), ("IVF", "abbreviation")]),
        ("smi", "Ernstige psychiatrische aandoening", [("E.P.A.", "abbreviation"), ("bipolaire stoornis", "professional"), ("schizofrenie", "professional")]),
        ("vulnerable", "Psychosociale kwetsbaarheid", [("geen netwerk", "lay"), ("alleen staan", "lay"), ("armoede", "lay"), ("kwetsbare gezinnen", "professional")]),
    ]),
    "nestkaart-target-group": ("Doelgroep", [
        ("expecting", "Aanstaande ouders", [("zwangeren", "lay")]),
        ("mother", "Moeder", [("mama", "lay")]),
        ("father", "Vader of meeouder", [("papa", "lay"), ("partner", "lay"), ("medeouder", "variant")]),
        ("infant", "Baby of jong kind", [("baby", "lay"), ("zuigeling", "professional"), ("peuter", "lay")]),
        ("dyad", "Ouder-kind dyade", [("moeder en baby", "lay"), ("ouder en kind samen", "lay")]),
        ("family", "Gezin", [("het hele gezin", "lay")]),
        ("vulnerable_families", "Kwetsbare gezinnen", [("gezinnen in armoede", "lay")]),
        ("professionals", "Professionals (consultatie)", [("hulpverleners", "lay"), ("verwijzers", "professional")]),
        # The specific target groups of the report (p. 46, "Aandacht voor specifieke doelgroepen"; wensouders p. 22).
        ("premature", "Ouders van een te vroeg geboren baby", [("prematuur", "lay"), ("te vroeg geboren", "lay"), ("couveuse", "lay"), ("neonatologie", "professional")]),
        ("single_mothers", "Alleenstaande moeders", [("alleenstaande mama", "lay"), ("alleen met mijn baby", "lay"), ("eenoudergezin", "professional")]),
        ("congenital", "Ouders van een baby met aangeboren afwijkingen", [("aangeboren aandoening", "lay"), ("handicap bij de baby", "lay"), ("zorgenkind", "lay")]),
        ("intellectual_disability", "Ouders met een verstandelijke beperking", [("verstandelijke handicap", "lay"), ("mentale beperking", "lay"), ("licht verstandelijke beperking", "professional")]),
        ("teenage_parents", "Tienerouders", [("tienermoeder", "lay"), ("tienermama", "lay"), ("jonge moeder", "lay"), ("zwanger als tiener", "lay")]),
        ("undocumented", "Ouders zonder papieren", [("zonder verblijfsvergunning", "lay"), ("mensen zonder papieren", "lay"), ("asielzoekers", "lay")]),
        ("placement_risk", "Gezinnen met een dreigende uithuisplaatsing", [("uithuisplaatsing", "professional"), ("kind geplaatst", "lay"), ("pleegzorg", "lay")]),
        ("wensouders", "Wensouders", [("wensouder", "variant"), ("wensmoeder", "lay")]),
    ]),
    # Programmes and projects the report names, which listings take part in (editors attach them).
    "nestkaart-programme": ("Programma of project", [
        ("1g1p", "1 Gezin 1 Plan (1G1P)", [("1G1P", "abbreviation"), ("één gezin één plan", "variant")]),
        ("zorggarantie", "Zorggarantie", [("zorggarantie jonge kind", "professional")]),
        ("pondo", "PONDO", []),
        ("kindreflex", "Kindreflex", [("meldcode kindermishandeling", "professional")]),
        ("centering_pregnancy", "Centering Pregnancy", [("groepszorg tijdens de zwangerschap", "lay"), ("groepsconsultaties zwangerschap", "lay")]),
        ("centering_parenting", "Centering Parenting", [("groepsconsultaties na de geboorte", "lay")]),
        ("born_in_belgium_pro", "Born in Belgium Pro", [("psychosociaal assessment", "professional")]),
        ("perinatal_care_path", "Regionaal zorgpad perinatale mentale gezondheid", [("zorgpad", "professional"), ("perinataal zorgpad", "professional")]),
    ]),
    "nestkaart-format": ("Vorm", [
        ("individual", "Individueel", [("alleen", "lay")]),
        ("group", "Groep", [("praatgroep", "lay"), ("lotgenotengroep", "lay")]),
        ("home_visit", "Huisbezoek", [("aan huis", "lay"), ("thuis", "lay")]),
        ("online", "Online", [("videoconsult", "lay"), ("chat", "lay")]),
        ("phone", "Telefonisch", [("telefoon", "lay"), ("bellen", "lay")]),
    ]),
    "nestkaart-organization-type": ("Organisatietype", [
        ("cgg", "Centrum voor geestelijke gezondheidszorg", [("C.G.G.", "abbreviation"), ("CGG", "abbreviation")]),
        ("mbe", "Moeder-baby-eenheid", [("M.B.E.", "abbreviation"), ("MBE", "abbreviation")]),
        ("pmgt", "Perinataal mentaal gezondheidsteam", [("P.M.G.T.", "abbreviation")]),
        ("paaz", "Psychiatrische afdeling van een algemeen ziekenhuis", [("P.A.A.Z.", "abbreviation"), ("PAAZ", "abbreviation")]),
        ("perinatal_psychiatry", "Centrum perinatale psychiatrie", [("perinatale psychiatrie", "professional")]),
        ("hospital", "Ziekenhuis", [("algemeen ziekenhuis", "professional"), ("universitair ziekenhuis", "professional")]),
        ("huis_van_het_kind", "Huis van het Kind", [("HvhK", "abbreviation")]),
        ("opgroeien", "Opgroeien (Kind & Gezin)", [("Kind en Gezin", "variant"), ("consultatiebureau", "lay")]),
        ("caw", "Centrum Algemeen Welzijnswerk", [("C.A.W.", "abbreviation"), ("CAW", "abbreviation")]),
        ("ckg", "Centrum voor Kinderzorg en Gezinsondersteuning", [("C.K.G.", "abbreviation")]),
        ("cig", "Centrum voor Integrale Gezinszorg", [("C.I.G.", "abbreviation")]),
        ("kraamzorg", "Expertisecentrum Kraamzorg", [("kraamzorg", "lay")]),
        ("ocj", "Ondersteuningscentrum Jeugdzorg", [("O.C.J.", "abbreviation")]),
        ("vk", "Vertrouwenscentrum Kindermishandeling", [("V.K.", "abbreviation")]),
        ("crisis_team", "Mobiel crisisteam", [("crisisteam", "professional")]),
        ("private_psychologist", "Zelfstandige praktijk psycholoog", [("eerstelijnspsycholoog", "professional"), ("E.L.P.", "abbreviation")]),
        ("private_midwife", "Zelfstandige praktijk vroedvrouw", [("vroedvrouw", "lay")]),
        ("helpline", "Hulplijn", [("telefonische hulp", "lay")]),
        ("peer_support", "Lotgenotenorganisatie", [("ervaringsdeskundigen", "professional")]),
        ("training_provider", "Opleidingsverstrekker", []),
    ]),
    # Urgent help, in the order a crisis answer shows it (index-config/urgent-help.txt); editors can set it on any
    # listing. The numbers are the public Belgian emergency and help lines.
    "nestkaart-urgency": ("Dringende hulp", [
        ("emergency", "Acuut gevaar (112)", []),
        ("suicide_line", "Zelfmoordlijn (1813)", [("zelfmoordlijn", "variant")]),
        ("listening_line", "Luisterlijn voor volwassenen (106)", [("tele-onthaal", "variant")]),
        ("youth_line", "Luisterlijn voor jongeren (102)", [("awel", "variant")]),
        ("gp_on_call", "Huisarts van wacht (1733)", [("huisartsenwachtpost", "variant"), ("wachtdienst", "lay")]),
        ("parenting_line", "Lijn voor vragen over je baby", [("kind en gezin-lijn", "variant")]),
        ("crisis_team", "Mobiel crisisteam", [("crisisteam", "professional")]),
        ("crisis_care", "Crisishulp van een centrum", [("crisisopvang", "lay")]),
    ]),
    # The two education tables of the report (p. 81): priority list first, second list after.
    "nestkaart-profession": ("Basisopleiding (beroep)", [
        ("vroedkunde", "Vroedkunde (bachelor)", [("vroedvrouw", "lay")]),
        ("verpleegkunde", "Verpleegkunde (bachelor en graduaat)", [("verpleegkundige", "lay")]),
        ("gynaecologie", "Geneeskunde: gynaecoloog", []),
        ("pediatrie", "Geneeskunde: pediater", [("kinderarts", "lay")]),
        ("huisarts", "Geneeskunde: huisarts", []),
        ("psychiatrie", "Geneeskunde: psychiater", []),
        ("neonatologie", "Geneeskunde: neonatoloog", []),
        ("fertiliteit", "Geneeskunde: fertiliteitsarts", []),
        ("zorgkundige", "Zorgkundige (kraamverzorgende, kinderverzorgende)", [("kraamverzorgende", "lay")]),
        ("klinische_psychologie", "Klinische psychologie (master)", [("psycholoog", "lay")]),
        ("klinische_orthopedagogie", "Klinische orthopedagogie (master)", []),
        ("toegepaste_psychologie", "Toegepaste psychologie (bachelor)", []),
        ("verpleeg_vroedkunde_master", "Verpleeg- en vroedkunde (master)", []),
        ("gezinswetenschappen", "Gezinswetenschappen (bachelor)", []),
        ("orthopedagogie", "Orthopedagogie (bachelor)", []),
        ("pedagogie_jonge_kind", "Pedagogie van het jonge kind (bachelor)", []),
        ("sociale_readaptatie", "Sociale readaptatiewetenschappen (bachelor)", []),
        ("ergotherapie", "Ergotherapie (bachelor)", []),
        ("toegepaste_gezondheid", "Toegepaste gezondheidswetenschappen (bachelor)", []),
        ("logopedie", "Logopedie en audiologie, preverbale logopedie (bachelor)", []),
        ("sociaal_werk", "Sociaal werk (bachelor)", []),
        ("sociale_gezondheidszorg", "Sociale gezondheidszorg (bachelor)", []),
        ("eerstelijnszorg", "Eerstelijnszorg (bachelor na bachelor)", []),
        ("ggz", "Geestelijke gezondheidszorg (bachelor na bachelor)", []),
        ("pediatrie_neonatologie", "Pediatrie en neonatologie (bachelor na bachelor)", []),
        ("kader_verpleegkunde", "Kaderopleiding verpleegkunde (bachelor na bachelor)", []),
        ("ortho_management", "Orthopedagogisch management (bachelor na bachelor)", []),
        ("zorgmanagement", "Zorgmanagement (bachelor na bachelor)", []),
        ("perinatale_coaching", "Perinatale coaching (bachelor na bachelor)", []),
        ("kinesitherapie", "Revalidatiewetenschappen en kinesitherapie, kinderen en psychomotoriek", []),
        ("pedagogie", "Pedagogie (master)", []),
        ("seksuologie", "Seksuologie (master)", []),
        ("public_health", "Public health (master)", []),
    ]),
}
PRIORITY_PROFESSIONS = {"vroedkunde", "verpleegkunde", "gynaecologie", "pediatrie", "huisarts", "psychiatrie",
                        "neonatologie", "fertiliteit", "zorgkundige", "klinische_psychologie",
                        "klinische_orthopedagogie", "toegepaste_psychologie", "verpleeg_vroedkunde_master"}

REPORT = "V.E.N.P.M.G.-rapport perinatale mentale gezondheid (2021)"


def term_id(taxonomy, code):
    return uid("term", taxonomy, code)


data = {"hsds_version": "3.0", "profile": "nestkaart-seed-1",
        "taxonomies": [], "taxonomy_terms": [], "nestkaart_taxonomy_term_synonyms": [],
        "organizations": [], "locations": [], "addresses": [], "services": [], "service_at_locations": [],
        "cost_options": [], "nestkaart_professionals": [], "nestkaart_professional_affiliations": [],
        "languages": [], "phones": [], "attributes": []}

for name, (label, terms) in TAXONOMIES.items():
    tax_id = uid("taxonomy", name)
    data["taxonomies"].append({"id": tax_id, "name": name, "description": label, "version": "1"})
    for code, term_label, synonyms in terms:
        description = term_label
        if name == "nestkaart-profession":
            description += " — " + ("prioritaire basisopleiding" if code in PRIORITY_PROFESSIONS
                                    else "basisopleiding tweede lijst") + " (" + REPORT + ", p. 81)"
        data["taxonomy_terms"].append({"id": term_id(name, code), "code": code, "name": term_label,
                                       "description": description, "taxonomy": name, "taxonomy_id": tax_id,
                                       "language": "nl"})
        for synonym, kind in synonyms:
            data["nestkaart_taxonomy_term_synonyms"].append({"term_id": term_id(name, code), "synonym": synonym,
                                                             "kind": kind, "source": "seed: " + REPORT})


def attribute(link_entity, link_id, taxonomy, code):
    data["attributes"].append({"id": uid("attribute", link_id, taxonomy, code), "link_id": link_id,
                               "link_type": taxonomy, "link_entity": link_entity,
                               "taxonomy_term_id": term_id(taxonomy, code)})


# Postal code → (city, province) for the places used below; coordinates come from the postal code on import.
PLACES = {
    "9051": ("Sint-Denijs-Westrem", "Oost-Vlaanderen"), "2980": ("Zoersel", "Antwerpen"),
    "9000": ("Gent", "Oost-Vlaanderen"), "3000": ("Leuven", "Vlaams-Brabant"),
    "1000": ("Brussel", "Brussels Hoofdstedelijk Gewest"), "9230": ("Wetteren", "Oost-Vlaanderen"),
    "2300": ("Turnhout", "Antwerpen"), "2440": ("Geel", "Antwerpen"), "2800": ("Mechelen", "Antwerpen"),
    "8500": ("Kortrijk", "West-Vlaanderen"), "2000": ("Antwerpen", "Antwerpen"),
    "3200": ("Aarschot", "Vlaams-Brabant"), "8000": ("Brugge", "West-Vlaanderen"),
    "3500": ("Hasselt", "Limburg"), "3600": ("Genk", "Limburg"), "8400": ("Oostende", "West-Vlaanderen"),
    "9300": ("Aalst", "Oost-Vlaanderen"), "9100": ("Sint-Niklaas", "Oost-Vlaanderen"),
    "3800": ("Sint-Truiden", "Limburg"), "1500": ("Halle", "Vlaams-Brabant"),
}


def organization(key, name, description, org_type, places=(), website=None):
    org_id = uid("organization", key)
    record = {"id": org_id, "name": name, "description": description}
    if website:
        record["website"] = website
    data["organizations"].append(record)
    attribute("organization", org_id, "nestkaart-organization-type", org_type)
    locations = []
    for postal_code in places:
        city, province = PLACES[postal_code]
        loc_id = uid("location", key, postal_code)
        data["locations"].append({"id": loc_id, "organization_id": org_id, "location_type": "physical",
                                  "name": f"{name} – {city}"})
        # Real organisations: municipality only, no street (an editor adds the verified address).
        data["addresses"].append({"id": uid("address", key, postal_code), "location_id": loc_id,
                                  "address_1": "", "city": city,
                                  "state_province": province, "postal_code": postal_code, "country": "BE",
                                  "address_type": "physical"})
        locations.append(loc_id)
    return org_id, locations


def service(org, key, name, description, *, line, modules=(), interventions=(), problems=(), targets=(),
            phases=(), formats=(), languages=("nl",), referral=None, reimbursement=None, locations=None,
            waiting_weeks=None, waiting_reported_on=None, application=None, urgency=()):
    org_id, org_locations = org
    svc_id = uid("service", key)
    record = {"id": svc_id, "organization_id": org_id, "name": name, "description": description,
              "status": "active"}
    if referral is not None:
        record["nestkaart_referral_required"] = referral
    if application:
        record["application_process"] = application
    if waiting_weeks is not None:
        record["nestkaart_waiting_weeks"] = waiting_weeks
        record["nestkaart_waiting_reported_on"] = waiting_reported_on
        record["wait_time"] = f"{waiting_weeks} weken (gemeld op {waiting_reported_on})"
    data["services"].append(record)
    for loc_id in (org_locations if locations is None else locations):
        data["service_at_locations"].append({"id": uid("sal", key, loc_id), "service_id": svc_id,
                                             "location_id": loc_id})
    for code in languages:
        data["languages"].append({"id": uid("language", key, code), "service_id": svc_id, "code": code})
    if reimbursement:
        data["cost_options"].append({"id": uid("cost", key), "service_id": svc_id, "option": {
            "gratis": "Gratis", "terugbetaald": "Terugbetaald door het ziekenfonds",
            "remgeld": "Persoonlijke bijdrage (remgeld), rest terugbetaald",
            "niet_terugbetaald": "Niet terugbetaald"}[reimbursement], "currency": "EUR",
            "nestkaart_reimbursement": reimbursement})
    attribute("service", svc_id, "nestkaart-careline", str(line))
    for taxonomy, codes in (("nestkaart-module", modules), ("nestkaart-intervention", interventions),
                            ("nestkaart-problem", problems), ("nestkaart-target-group", targets),
                            ("nestkaart-phase", phases), ("nestkaart-format", formats),
                            ("nestkaart-urgency", urgency)):
        for code in codes:
            attribute("service", svc_id, taxonomy, code)
    return svc_id


PERINATAL_PROBLEMS = ("ppd", "antenatal", "anxiety", "psychosis", "trauma", "smi", "bonding")
PERINATAL_PHASES = ("pregnancy", "postpartum", "first_year", "second_year")

# --- Third line: M.B.E.'s and centres of perinatal psychiatry (report, modules 1–5) ------------------------
SPECIALISED = [
    ("mbe-sint-denijs-westrem", "Centrum Moeder en Baby", "mbe", "9051",
     "Moeder-baby-eenheid (M.B.E.) in Sint-Denijs-Westrem, een van de twee M.B.E.'s die het rapport van het "
     "Vlaams expertisenetwerk noemt. Biedt residentiële zorg waarbij moeder en baby samen worden opgenomen "
     "(module 5) en ambulante en semi-residentiële perinatale zorg (modules 1–4)."),
    ("mbe-zoersel", "Moeder & Baby Zoersel", "mbe", "2980",
     "Moeder-baby-eenheid (M.B.E.) 'Moeder & Baby' in Zoersel, een van de twee M.B.E.'s die het rapport van het "
     "Vlaams expertisenetwerk noemt. Gezamenlijke opname van moeder en baby (module 5) en ambulante en "
     "semi-residentiële perinatale zorg (modules 1–4)."),
    ("uz-gent-perinatale-psychiatrie", "Centrum Perinatale Psychiatrie U.Z. Gent", "perinatal_psychiatry", "9000",
     "Centrum voor perinatale psychiatrie van het Universitair Ziekenhuis Gent: derdelijns expertisecentrum voor "
     "psychische problemen rond zwangerschap en bevalling, met ambulante, outreachende, liaison- en "
     "dagbehandelingsmodules (modules 1–4)."),
    ("upc-kuleuven-perinatale-psychiatrie", "Perinatale Psychiatrie U.P.C. K.U. Leuven", "perinatal_psychiatry",
     "3000",
     "Centrum voor perinatale psychiatrie van het Universitair Psychiatrisch Centrum K.U. Leuven: derdelijns "
     "expertisecentrum met ambulante, outreachende, liaison- en dagbehandelingsmodules (modules 1–4)."),
]
for key, name, org_type, postal_code, description in SPECIALISED:
    org = organization(key, name, description, org_type, [postal_code])
    service(org, key + "/poli", "Perinatale polikliniek",
            "Ambulante raadpleging bij psychische problemen tijdens de zwangerschap en na de bevalling: klinisch "
            "specialistische inschatting, kortdurende behandeling en psychotherapie, met aandacht voor de band "
            "tussen ouder en baby (module 1).",
            line=3, modules=("m1",), interventions=("i3", "i4", "i9", "i7"), problems=PERINATAL_PROBLEMS,
            targets=("mother", "father", "dyad", "expecting"), phases=PERINATAL_PHASES,
            formats=("individual",), referral=True, reimbursement="remgeld")
    service(org, key + "/outreach", "Perinatale thuisbehandeling",
            "Outreachende zorg: het team komt aan huis of op de plaats waar het gezin al hulp krijgt, zodat een "
            "opname vermeden of ingekort kan worden (module 2).",
            line=3, modules=("m2",), interventions=("i4", "i5"), problems=("ppd", "anxiety", "bonding", "smi"),
            targets=("dyad", "family"), phases=("postpartum", "first_year"), formats=("home_visit",),
            referral=True, reimbursement="remgeld")
    service(org, key + "/liaison", "Liaison perinatale psychiatrie",
            "Verbindende en versterkende module: consult en advies voor materniteit, neonatologie en pediatrie, "
            "deelname aan multidisciplinair casusoverleg en ondersteuning van verwijzers (module 3).",
            line=3, modules=("m3",), interventions=("i1", "i2", "i8"), problems=PERINATAL_PROBLEMS,
            targets=("professionals", "mother"), phases=("pregnancy", "birth", "postpartum"),
            formats=("individual", "phone"), referral=True, reimbursement="terugbetaald")
    service(org, key + "/dag", "Perinatale dagbehandeling",
            "Daghospitalisatie voor ouder en baby: intensieve behandeling overdag, 's avonds naar huis "
            "(module 4).",
            line=3, modules=("m4",), interventions=("i5", "i6", "i9"), problems=PERINATAL_PROBLEMS,
            targets=("dyad", "mother"), phases=("postpartum", "first_year"), formats=("group", "individual"),
            referral=True, reimbursement="remgeld")
    if org_type == "mbe":
        service(org, key + "/opname", "Moeder-baby-opname",
                "Residentiële opname van moeder en baby samen in een moeder-baby-eenheid, bij ernstige psychische "
                "problemen na de bevalling zoals een postpartumpsychose of zware depressie, met behandeling van "
                "de ouder-kindrelatie (module 5).",
                line=3, modules=("m5",), interventions=("i5", "i9", "i10"),
                problems=("psychosis", "ppd", "smi", "bonding"), targets=("dyad", "mother"),
                phases=("postpartum", "first_year"), formats=("individual", "group"), referral=True,
                reimbursement="remgeld")

# --- Second line: C.G.G.'s with perinatal work (report: module 1 in 8 C.G.G.'s) ----------------------------
CGGS = [
    ("cgg-adentro", "C.G.G. Adentro", ["9000"]),
    ("cgg-kruidtuin", "C.G.G. Kruidtuin", ["1000"]),
    ("cgg-de-drie-stromen", "C.G.G. De Drie Stromen", ["9230"]),
    ("cgg-kempen", "C.G.G. Kempen", ["2300", "2440"]),
    ("cgg-de-pont", "C.G.G. De Pont", ["2800"]),
    ("cgg-mandel-leie", "C.G.G. Mandel & Leie", ["8500"]),
    ("cgg-vagga", "C.G.G. VAGGA", ["2000", "2980"]),
    ("cgg-vlaams-brabant-oost", "C.G.G. Vlaams-Brabant Oost", ["3000", "3200"]),
]
for key, name, places in CGGS:
    cities = " en ".join(PLACES[p][0] for p in places)
    org = organization(key, name,
                       f"Centrum voor geestelijke gezondheidszorg in {cities} met een perinatale werking "
                       f"(Moeder & Baby- of Baby & Peuterwerking). Een van de acht C.G.G.'s die volgens het rapport "
                       f"van het Vlaams expertisenetwerk de ambulante perinatale module (module 1) aanbieden.",
                       "cgg", places)
    languages = ("nl", "fr") if "1000" in places else ("nl",)
    for place, loc_id in zip(places, org[1]):
        city = PLACES[place][0]
        service(org, f"{key}/{place}/moeder-baby", f"Moeder & Baby-werking {city}",
                "Ambulante begeleiding en behandeling voor (aanstaande) ouders met psychische problemen rond "
                "zwangerschap en geboorte, samen met hun baby: gesprekken, ouder-kindbehandeling en "
                "psychotherapie (module 1).",
                line=2, modules=("m1",), interventions=("i3", "i5", "i9"),
                problems=("ppd", "antenatal", "anxiety", "trauma", "loss", "bonding", "burnout"),
                targets=("mother", "father", "dyad", "expecting"), phases=PERINATAL_PHASES + ("loss",),
                formats=("individual",), languages=languages, referral=False, reimbursement="remgeld",
                locations=[loc_id])
        service(org, f"{key}/{place}/consult", f"Perinataal consult voor hulpverleners {city}",
                "Consultatieve functie voor eerstelijnshulpverleners (vroedvrouw, huisarts, Kind & Gezin, "
                "kraamzorg): telefonisch advies, triage en deelname aan casusoverleg over een gezin in de "
                "perinatale periode.",
                line=2, modules=("m1",), interventions=("i1", "i2"), problems=PERINATAL_PROBLEMS,
                targets=("professionals",), phases=PERINATAL_PHASES, formats=("phone", "individual"),
                languages=languages, referral=False, reimbursement="gratis", locations=[loc_id])

# --- First and zero line: Huizen van het Kind, Opgroeien, kraamzorg, helplines ---------------------------
HUIZEN = [("9000", "Gent"), ("2000", "Antwerpen"), ("8000", "Brugge"), ("3500", "Hasselt"), ("3600", "Genk"),
          ("3000", "Leuven"), ("1000", "Brussel")]
for postal_code, city in HUIZEN:
    key = "huis-van-het-kind-" + city.lower()
    org = organization(key, f"Huis van het Kind {city}",
                       f"Huis van het Kind in {city}: een samenwerking van lokale organisaties die alle "
                       f"(aanstaande) ouders welkom heet met opvoedingsondersteuning, ontmoeting en informatie, "
                       f"en doorverwijst waar nodig.", "huis_van_het_kind", [postal_code])
    service(org, key + "/ontmoeting", f"Ontmoeting en opvoedingsondersteuning {city}",
            "Laagdrempelige ontmoeting en ondersteuning voor ouders van jonge kinderen; ook een plek om te praten "
            "over vermoeidheid, zorgen of het ouderschap dat zwaar valt.",
            line=0, problems=("burnout", "vulnerable", "regulation"),
            targets=("mother", "father", "family", "vulnerable_families"),
            phases=("pregnancy", "first_year", "second_year"), formats=("group", "individual"),
            languages=("nl", "fr") if city == "Brussel" else ("nl",), referral=False, reimbursement="gratis")
    if city in ("Gent", "Antwerpen", "Hasselt"):
        service(org, key + "/prenataal", f"Prenatale ondersteuning {city}",
                "Informatie en ondersteuning tijdens de zwangerschap, in samenwerking met vroedvrouwen en "
                "Opgroeien; aandacht voor aanstaande ouders zonder netwerk.",
                line=1, problems=("vulnerable", "anxiety"), targets=("expecting", "vulnerable_families"),
                phases=("pregnancy",), formats=("group", "individual"), referral=False, reimbursement="gratis")

org = organization("opgroeien", "Opgroeien (Kind & Gezin)",
                   "Het Vlaamse agentschap Opgroeien (met Kind & Gezin) volgt de gezondheid en ontwikkeling van "
                   "jonge kinderen op en ondersteunt gezinnen vanaf de zwangerschap.", "opgroeien")
service(org, "opgroeien/startgesprek", "Startgesprek voor zwangeren",
        "Kind & Gezin wil bij elke zwangere een startgesprek verzorgen om kennis te maken en samen te bekijken "
        "welke ondersteuning past (rapport V.E.N.P.M.G.).",
        line=1, problems=("vulnerable",), targets=("expecting",), phases=("pregnancy",),
        formats=("home_visit", "individual"), referral=False, reimbursement="gratis")
service(org, "opgroeien/consultatiebureau", "Consultatiebureau voor baby en peuter",
        "Preventieve consulten voor kinderen tot 30 maanden; een kans om breed te kijken, ook naar hoe het met de "
        "ouders gaat, en om door te verwijzen.",
        line=1, problems=("regulation", "bonding", "ppd"), targets=("infant", "mother", "father"),
        phases=("first_year", "second_year"), formats=("individual", "home_visit"), referral=False,
        reimbursement="gratis")

org = organization("expertisecentrum-kraamzorg-de-bakermat", "Expertisecentrum Kraamzorg De Bakermat",
                   "Expertisecentrum Kraamzorg; reikt samen met Stichting Zorg voor Borstvoeding het label "
                   "'borstvoedingsvriendelijke organisatie' uit (rapport V.E.N.P.M.G.). De Expertisecentra "
                   "Kraamzorg waren tijdens de COVID-19-crisis contact- en onthaalpunt voor acute perinatale "
                   "psychische zorg.", "kraamzorg")
service(org, "de-bakermat/kraamzorg", "Kraamzorg aan huis",
        "Ondersteuning van het gezin thuis in de eerste weken na de bevalling door een kraamverzorgende.",
        line=1, problems=("regulation", "bonding"), targets=("mother", "infant", "family"),
        phases=("postpartum",), formats=("home_visit",), referral=False, reimbursement="remgeld")
service(org, "de-bakermat/toeleiding", "Contactpunt perinatale psychische zorg",
        "Luistert naar vragen van ouders en hulpverleners over psychisch welzijn rond de geboorte en helpt de "
        "juiste hulp te vinden.",
        line=0, problems=("ppd", "anxiety", "burnout"), targets=("mother", "father", "professionals"),
        phases=("pregnancy", "postpartum"), formats=("phone",), referral=False, reimbursement="gratis")

org = organization("de-opvoedingslijn", "De Opvoedingslijn",
                   "Vlaamse lijn voor vragen over opvoeden, per telefoon, mail en chat (genoemd in de "
                   "gezinsenquête 2021).", "helpline")
service(org, "opvoedingslijn/lijn", "Opvoedingslijn: telefoon, mail en chat",
        "Anoniem je vraag stellen over opvoeden en ouderschap, ook als het je allemaal te veel wordt.",
        line=0, problems=("burnout", "regulation"), targets=("mother", "father", "family"),
        phases=("first_year", "second_year"), formats=("phone", "online"), referral=False, reimbursement="gratis")

org = organization("fara", "Fara",
                   "Fara begeleidt bij vragen over zwangerschap, een zwangerschapskeuze en zwangerschapsverlies, en "
                   "ondersteunt ook professionals bij de begeleiding van een zwangerschapskeuze (rapport "
                   "V.E.N.P.M.G.).", "helpline")
service(org, "fara/begeleiding", "Begeleiding bij zwangerschapskeuze en verlies",
        "Gesprekken bij twijfel over een zwangerschap, na een zwangerschapsafbreking of bij verlies.",
        line=0, problems=("loss", "anxiety"), targets=("expecting", "mother", "father"),
        phases=("pregnancy", "loss"), formats=("phone", "individual", "online"), languages=("nl",),
        referral=False, reimbursement="gratis")
service(org, "fara/professionals", "Fara voor professionals",
        "Ondersteuning van zorg- en hulpverleners bij de begeleiding van een zwangerschapskeuze.",
        line=1, modules=(), interventions=("i1",), problems=("loss",), targets=("professionals",),
        phases=("preconception", "pregnancy"), formats=("phone",), referral=False, reimbursement="gratis")

# --- Urgent help: the public emergency and help lines, and the crisis functions the report names ----------------
# Public facts only (who, which number, when). They serve all of Flanders and Brussels: no location.
URGENT = [
    ("noodcentrale-112", "Noodcentrale 112", "De Belgische noodcentrale voor ambulance en brandweer.", "helpline",
     "112: acuut gevaar", "Bel 112 als jij, je baby of iemand anders in direct levensgevaar is. Gratis, dag en nacht.",
     "emergency", "112", ("nl", "fr", "en", "de")),
    ("zelfmoordlijn", "Zelfmoordlijn 1813 (Centrum ter Preventie van Zelfdoding)",
     "De Zelfmoordlijn van het Centrum ter Preventie van Zelfdoding.", "helpline",
     "Zelfmoordlijn 1813", "Praat anoniem over gedachten aan zelfmoord, ook over de angst dat je je baby iets aandoet. "
     "Bel gratis 1813 of chat via zelfmoord1813.be, dag en nacht.", "suicide_line", "1813", ("nl",)),
    ("tele-onthaal", "Tele-Onthaal", "Tele-Onthaal: een luisterend oor, anoniem.", "helpline",
     "Tele-Onthaal 106", "Iemand om mee te praten als het te zwaar wordt: bel gratis 106 of chat, dag en nacht.",
     "listening_line", "106", ("nl",)),
    ("awel", "Awel", "Awel luistert naar kinderen en jongeren.", "helpline",
     "Awel 102", "Voor kinderen en jongeren, ook jonge ouders: bel gratis 102, chat of mail.", "youth_line", "102",
     ("nl",)),
    ("huisartsenwachtpost", "Huisartsenwachtpost (1733)", "De huisarts van wacht buiten de kantooruren.", "helpline",
     "Huisarts van wacht: 1733", "Dringend een huisarts nodig 's avonds, 's nachts of in het weekend: bel 1733.",
     "gp_on_call", "1733", ("nl", "fr")),
    ("kind-en-gezin-lijn", "Kind en Gezin-lijn (Opgroeien)", "De telefoonlijn van Kind en Gezin.", "opgroeien",
     "Kind en Gezin-lijn", "Vragen over je zwangerschap, je baby of opvoeden: bel 078 150 100 (werkdagen).",
     "parenting_line", "078 150 100", ("nl",)),
    ("mobiele-crisisteams", "Mobiele crisisteams (netwerken geestelijke gezondheid)",
     "Mobiele teams voor acute psychische crisis van de netwerken geestelijke gezondheid (rapport V.E.N.P.M.G.).",
     "crisis_team", "Mobiel crisisteam aan huis",
     "Bij een acute psychische crisis thuis komt een mobiel team langs, op vraag van je huisarts, de huisarts van "
     "wacht (1733) of de spoedgevallendienst.", "crisis_team", None, ("nl",)),
    ("cgg-crisishulp", "Centra Geestelijke Gezondheidszorg: crisishulp",
     "De CGG's bieden ook snel een eerste gesprek bij een psychische crisis (rapport V.E.N.P.M.G.).", "cgg",
     "Crisishulp in een CGG", "Snel een eerste gesprek bij een psychische crisis in een Centrum Geestelijke "
     "Gezondheidszorg in je buurt; vraag ernaar bij je huisarts.", "crisis_care", None, ("nl",)),
]
for key, org_name, org_description, org_type, name, description, urgency, number, languages in URGENT:
    org = organization(key, org_name, org_description, org_type)
    service(org, f"{key}/lijn", name, description, line=0, formats=("phone",) if number else (),
            languages=languages, referral=False, reimbursement="gratis", urgency=(urgency,))
    if number:
        data["phones"].append({"id": uid("phone", key), "service_id": uid("service", f"{key}/lijn"),
                               "number": number, "type": "voice"})

# --- Fictional practices and professionals (examples; marked "fictief") -----------------------------------
PRACTICES = [
    ("praktijk-vroedvrouw-hasselt", "Vroedvrouwenpraktijk De Wieg (fictief)", "private_midwife", "3500",
     "Voorbeeldpraktijk van zelfstandige vroedvrouwen; fictief, ter illustratie.",
     [("Perinatale begeleiding door de vroedvrouw", "Pre- en postnatale begeleiding aan huis met aandacht voor "
       "psychisch welzijn, screening op somberheid en angst en doorverwijzing waar nodig.", 1, (),
       ("ppd", "anxiety", "regulation"), ("expecting", "mother", "infant"), ("pregnancy", "postpartum"),
       ("home_visit",), "terugbetaald", 1)]),
    ("praktijk-psycholoog-genk", "Psychologenpraktijk Dageraad (fictief)", "private_psychologist", "3600",
     "Voorbeeldpraktijk van een eerstelijnspsycholoog; fictief, ter illustratie.",
     [("Eerstelijnspsychologische zorg rond zwangerschap", "Kortdurende psychologische begeleiding bij angst, "
       "somberheid of een moeilijke bevallingservaring.", 1, (), ("anxiety", "ppd", "trauma"),
       ("mother", "father"), ("pregnancy", "postpartum"), ("individual", "online"), "remgeld", 3),
      ("Praatgroep voor jonge ouders", "Groep voor ouders die het ouderschap zwaar vinden.", 1, (),
       ("burnout", "ppd"), ("mother", "father"), ("first_year", "second_year"), ("group",), "remgeld", 2)]),
    ("praktijk-psycholoog-brugge", "Praktijk Nieuw Begin (fictief)", "private_psychologist", "8000",
     "Voorbeeldpraktijk; fictief, ter illustratie.",
     [("Rouwbegeleiding na zwangerschapsverlies", "Begeleiding na een miskraam, doodgeboorte of het verlies van "
       "een baby.", 1, (), ("loss",), ("mother", "father"), ("loss",), ("individual",), "remgeld", 4)]),
    ("praktijk-vroedvrouw-oostende", "Vroedvrouw aan Zee (fictief)", "private_midwife", "8400",
     "Voorbeeldpraktijk; fictief, ter illustratie.",
     [("Nazorg na een zware bevalling", "Gesprekken over de bevalling en nazorg aan huis.", 1, (),
       ("trauma", "anxiety"), ("mother",), ("birth", "postpartum"), ("home_visit",), "terugbetaald", 1)]),
    ("praktijk-psycholoog-aalst", "Praktijk Kinderwens (fictief)", "private_psychologist", "9300",
     "Voorbeeldpraktijk; fictief, ter illustratie.",
     [("Psychologische begeleiding bij kinderwens en IVF", "Ondersteuning bij stress rond vruchtbaarheids"
       "behandeling en een onvervulde kinderwens.", 1, (), ("fertility", "anxiety"), ("expecting",),
       ("preconception",), ("individual", "online"), "remgeld", 5)]),
    ("praktijk-psychiater-sint-niklaas", "Praktijk Perinatale Psychiatrie Waasland (fictief)", "private_psychologist",
     "9100", "Voorbeeldpraktijk van een psychiater; fictief, ter illustratie.",
     [("Psychiatrisch consult bij zwangerschap", "Advies over medicatie en behandeling bij een psychiatrische "
       "aandoening tijdens de zwangerschap, ook als advies voor de verwijzer.", 2, ("m1",),
       ("smi", "ppd", "psychosis"), ("expecting", "professionals"), ("preconception", "pregnancy"),
       ("individual",), "remgeld", 6)]),
    ("praktijk-vroedvrouw-sint-truiden", "Vroedvrouwenpraktijk Nest (fictief)", "private_midwife", "3800",
     "Voorbeeldpraktijk; fictief, ter illustratie.",
     [("Borstvoeding en huilbaby-consult", "Hulp bij voeding, huilen en slapen in de eerste maanden.", 1, (),
       ("regulation",), ("mother", "infant"), ("postpartum", "first_year"), ("home_visit",), "terugbetaald", 1)]),
    ("praktijk-psycholoog-halle", "Praktijk Samen Sterk (fictief)", "private_psychologist", "1500",
     "Voorbeeldpraktijk; fictief, ter illustratie.",
     [("Begeleiding bij middelengebruik en zwangerschap", "Begeleiding van aanstaande ouders die alcohol of "
       "drugs gebruiken, in samenwerking met de huisarts.", 1, (), ("substance", "vulnerable"),
       ("expecting", "vulnerable_families"), ("pregnancy", "first_year"), ("individual",), "remgeld", 2)]),
]
practice_ids = {}
for key, name, org_type, postal_code, description, services in PRACTICES:
    org = organization(key, name, description, org_type, [postal_code])
    practice_ids[key] = org
    for n, (s_name, s_desc, line, modules, problems, targets, phases, formats, reimb, weeks) in enumerate(services):
        service(org, f"{key}/{n}", s_name, s_desc + " (Fictief voorbeeldaanbod.)", line=line, modules=modules,
                problems=problems, targets=targets, phases=phases, formats=formats, referral=False,
                reimbursement=reimb, waiting_weeks=weeks, waiting_reported_on="2026-11-01")

PROFESSIONALS = [
    ("Lotte", "Voorbeeld", "vroedkunde", "praktijk-vroedvrouw-hasselt", True, ("nl", "en")),
    ("An", "Proefmans", "klinische_psychologie", "praktijk-psycholoog-genk", True, ("nl", "tr")),
    ("Pieter", "Fictief", "klinische_psychologie", "praktijk-psycholoog-brugge", True, ("nl",)),
    ("Sara", "Testaert", "vroedkunde", "praktijk-vroedvrouw-oostende", True, ("nl", "fr")),
    ("Youssef", "Demo", "toegepaste_psychologie", "praktijk-psycholoog-aalst", True, ("nl", "ar")),
    ("Marie", "Verzonnen", "psychiatrie", "praktijk-psychiater-sint-niklaas", True, ("nl", "en")),
    ("Els", "Zonderinstemming", "vroedkunde", "praktijk-vroedvrouw-sint-truiden", False, ("nl",)),
    ("Koen", "Anoniem", "orthopedagogie", "praktijk-psycholoog-halle", False, ("nl",)),
]
for given, family, profession, practice, consent, languages in PROFESSIONALS:
    prof_id = uid("professional", given, family)
    record = {"id": prof_id, "given_name": given, "family_name": family,
              "description": "Fictief persoon, voorbeeldprofiel ter illustratie van Nestkaart.",
              "consent_public": consent}
    if consent:
        record["consent_at"] = "2026-11-01T09:00:00Z"
    data["nestkaart_professionals"].append(record)
    org_id, locations = practice_ids[practice]
    data["nestkaart_professional_affiliations"].append({
        "id": uid("affiliation", prof_id, org_id), "professional_id": prof_id, "organization_id": org_id,
        "location_id": locations[0], "role": "zelfstandige (fictief)"})
    attribute("professional", prof_id, "nestkaart-profession", profession)
    for code in languages:
        data["languages"].append({"id": uid("language", prof_id, code), "nestkaart_professional_id": prof_id,
                                  "code": code})

OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{OUT.name}: {len(data['organizations'])} organisations, {len(data['services'])} services, "
      f"{len(data['nestkaart_professionals'])} professionals, {len(data['taxonomy_terms'])} terms")
