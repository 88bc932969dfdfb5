"""The development set: many phrasings per need (lay, professional, Flemish, typos, compounds, places, languages).
Run: python3 dev_intents.py, then judge.py dev-intents.json dev-queries.json."""
from intents import I, save
Q=[]
# --- ppd: postpartum depression, lay and professional, Flemish, typos, inflections
for q in ["neerslachtig sinds de geboorte van mijn zoon","ik voel me zo triestig sinds de baby er is","depressief na mijn bevalling",
          "postpartum depressie","post-natale depressie hulp","depressie na de geboorte van ons kindje","ik huil de hele dag sinds de bevalling",
          "somberheid na bevalling","niet gelukkig na de geboorte","geen zin meer in iets sinds mijn baby geboren is","postpartumdepressies",
          "postpartum dip","babyblues gaat niet over","postnatale depresie","depresie na bevaling","ik voel me leeg sinds de bevalling",
          "moeder met een postnatale depressie","somber, moe en prikkelbaar na de bevalling","triest na de bevalling","na de bevalling voel ik me down"]:
    Q.append(I(q,["ppd"]))
# --- antenatal depression
for q in ["depressief tijdens de zwangerschap","zwangerschapsdepressie","somber terwijl ik zwanger ben","prenatale depressie begeleiding",
          "ik ben zwanger en voel me heel somber","neerslachtig in verwachting","depressie in de zwangerschap","antenatale depressie"]:
    Q.append(I(q,["antenatal"]))
# --- anxiety
for q in ["angstig tijdens de zwangerschap","schrik voor de bevalling","angst voor de bevalling","paniek na de geboorte","ik pieker heel veel over mijn baby",
          "angststoornis zwanger","angsten na de bevalling","altijd ongerust over mijn baby","paniekaanval zwangerschap","dwanggedachten na bevalling",
          "bang om de bevalling opnieuw mee te maken","OCD na de bevalling","ik ben zo bang dat er iets met de baby gebeurt","piekeren in de zwangerschap"]:
    Q.append(I(q,["anxiety","antenatal"] if "zwanger" in q else ["anxiety"]))
# --- psychosis
for q in ["postpartum psychose","kraambedpsychoses","psychose na de geboorte","psychotisch na bevalling","puerperale psychose behandeling",
          "verward en stemmen horen na de bevalling","waandenkbeelden na de bevalling","manisch na de bevalling"]:
    Q.append(I(q,["psychosis"]))
# --- trauma
for q in ["traumatische bevalling","geboortetrauma","bevallingstrauma verwerken","slechte ervaring met de bevalling","mijn bevalling blijft door mijn hoofd spoken",
          "nachtmerries over de bevalling","ptss na bevalling","de geboorte was heel zwaar en ik kan het niet loslaten","spoedkeizersnede verwerken","herbeleving van de bevalling"]:
    Q.append(I(q,["trauma"]))
# --- loss
for q in ["miskraam","mijn baby is overleden","doodgeboren kindje","rouw na verlies van een baby","zwangerschap verloren","stilgeboren baby rouwbegeleiding",
          "verlies van mijn kindje tijdens de zwangerschap","rouwen om een miskraam","ons kindje is gestorven","perinatale rouw","zwangerschapsafbreking verwerken","sterrenkindje"]:
    Q.append(I(q,["loss"]))
# --- substance
for q in ["alcohol tijdens de zwangerschap","drugs en zwanger","zwanger en verslaving","cannabis roken zwanger","middelengebruik zwangerschap",
          "ik drink te veel en ben zwanger","verslaafde moeder met baby","methadon zwangerschap","cocaine gebruik zwanger","alcoholprobleem jonge moeder"]:
    Q.append(I(q,["substance"]))
# --- burnout
for q in ["ik ben op","ik kan niet meer, ik ben uitgeput","oververmoeid als mama","burn-out als ouder","ouderlijke burnout","ik ben kapot van de zorg voor mijn baby",
          "te moe om voor mijn kind te zorgen","opgebrand door het ouderschap","uitputting na de geboorte","doodmoe van de baby","uitgeblust als papa","ouderschap wordt me te veel",
          "ik ben helemaal leeg als ouder","moe moe moe"]:
    Q.append(I(q,["burnout"]))
# --- regulation (infant)
for q in ["huilbabies","mijn baby huilt de hele dag","baby wil niet drinken","ons kindje slaapt niet","onrustige baby","baby krijst de hele avond",
          "excessief huilen zuigeling","regulatieprobleem baby","voedingsproblemen baby","baby weent heel veel","de kleine slaapt slecht","baby drinkt slecht en huilt",
          "krampjes en veel huilen","slaapproblemen bij mijn baby","baby is heel prikkelbaar","huilende baby hulp"]:
    Q.append(I(q,["regulation"]))
# --- bonding
for q in ["geen band met mijn baby","ik voel niets voor mijn baby","hechting baby","hechtingsproblemen","moeilijk contact met mijn kindje","mijn baby kijkt me niet aan",
          "ik kan niet genieten van mijn baby","ouder-kind relatie versterken","bonding moeder kind","interactie ouder baby","ik voel geen liefde voor mijn kind",
          "vroege hechting begeleiding","mijn baby lacht niet naar mij"]:
    Q.append(I(q,["bonding"]))
# --- fertility
for q in ["onvervulde kinderwens","vruchtbaarheidsbehandeling stress","ivf begeleiding psycholoog","we raken niet zwanger","fertiliteitsproblemen","icsi emotioneel zwaar",
          "al jaren proberen zwanger te worden","kinderwens psychologische ondersteuning","onvruchtbaarheid verwerken"]:
    Q.append(I(q,["fertility"]))
# --- smi
for q in ["bipolaire stoornis zwangerschap","schizofrenie en zwanger","psychiatrische aandoening kinderwens","borderline moeder baby","manisch depressief en zwanger",
          "zwanger met een ernstige psychiatrische ziekte","EPA en zwangerschap","lithium zwangerschap","persoonlijkheidsstoornis jonge moeder"]:
    Q.append(I(q,["smi"]))
# --- vulnerable
for q in ["alleenstaande zwangere","ik sta er alleen voor met mijn baby","weinig steun na de bevalling","eenzaam als jonge mama","zwanger zonder partner",
          "geen familie in de buurt en zwanger","armoede en zwangerschap","tienerzwangerschap","kwetsbare zwangere vrouw","geldproblemen en een baby op komst",
          "geen netwerk na de geboorte","sociaal isolement jonge moeder","dakloos en zwanger","zwanger en vluchteling"]:
    Q.append(I(q,["vulnerable"]))
# --- modules alone
for q in ["moeder-baby-eenheid","opname moeder en kind","residentiele opname met baby","samen met mijn baby opgenomen worden","mother baby unit"]:
    Q.append(I(q,modules="m5"))
for q in ["dagbehandeling moeder baby","daghospitalisatie postpartum","dagkliniek voor moeders","overdag behandeling met baby"]:
    Q.append(I(q,modules="m4"))
for q in ["liaisonpsychiatrie materniteit","psychiater op de kraamafdeling","consult psychiatrie in het ziekenhuis na bevalling","liaisonfunctie perinataal"]:
    Q.append(I(q,modules="m3"))
for q in ["mobiel team thuis","behandeling aan huis","outreach perinataal","huisbezoek psycholoog","thuisbegeleiding na de bevalling"]:
    Q.append(I(q,modules="m2"))
# --- problem + module
Q += [I("thuisbehandeling bij depressie na de bevalling",["ppd"],modules="m2"),
      I("hulp aan huis bij een psychose",["psychosis"],modules="m2"),
      I("opname voor postpartum psychose met baby",["psychosis"],modules="m5"),
      I("ambulante begeleiding angst zwangerschap",["anxiety","antenatal"],modules="m1"),
      I("daghospitaal bij ernstige depressie na de bevalling",["ppd"],modules="m4"),
      I("mobiel team burn-out ouders",["burnout"],modules="m2"),
      I("consultatie psycholoog hechting",["bonding"],modules="m1"),
      I("opname bij bipolaire stoornis na de bevalling",["smi"],modules="m5")]
# --- problem + format
Q += [I("lotgenotengroep miskraam",["loss"],formats="group"),
      I("groep voor ouders van een huilbaby",["regulation"],formats="group"),
      I("online therapie postpartumdepressie",["ppd"],formats="online"),
      I("videoconsult angst zwangerschap",["anxiety","antenatal"],formats="online"),
      I("telefonische hulp bij rouw om mijn baby",["loss"],formats="phone"),
      I("praatgroep bevallingstrauma",["trauma"],formats="group"),
      I("individuele gesprekken burn-out ouder",["burnout"],formats="individual"),
      I("chat hulp depressie na bevalling",["ppd"],formats="online"),
      I("steungroep voor moeders met postnatale depressie",["ppd"],formats="group"),
      I("online zelfhulp bij angst",["anxiety"],formats="online"),
      I("hulplijn voor ouders die uitgeput zijn",["burnout"],formats="phone"),
      I("groepstherapie kinderwens",["fertility"],formats="group")]
# --- targets
Q += [I("vader met depressie na de geboorte",["ppd"],targets="fathers"),
      I("hulp voor papa's na de bevalling",["ppd","trauma","anxiety"],targets="fathers"),
      I("partner van een vrouw met postpartumdepressie",["ppd"],targets="fathers"),
      I("vaders en burn-out",["burnout"],targets="fathers"),
      I("papa rouwt om miskraam",["loss"],targets="fathers"),
      I("casusoverleg voor hulpverleners perinataal",targets="professionals"),
      I("advies voor huisarts over zwangere met psychose",["psychosis"],targets="professionals"),
      I("ondersteuning voor kinderopvang bij baby die veel huilt",["regulation"],targets="professionals"),
      I("consult voor vroedvrouwen over angst bij zwangeren",["anxiety","antenatal"],targets="professionals"),
      I("advies voor professionals bij middelengebruik zwangerschap",["substance"],targets="professionals"),
      I("ik ben kinderverzorgster en maak me zorgen over een baby",targets="professionals")]
# --- languages (query language and language asked)
Q += [I("postpartum depression help",["ppd"],lang="en"),
      I("anxiety during pregnancy",["anxiety","antenatal"],lang="en"),
      I("dépression post-partum",["ppd"],lang="fr"),
      I("aide après un accouchement difficile",["trauma"],lang="fr"),
      I("baby crying all the time",["regulation"],lang="en"),
      I("fausse couche soutien",["loss"],lang="fr"),
      I("depressie na bevalling in het Turks",["ppd"],lang="tr"),
      I("psycholoog die Pools spreekt zwanger",lang="pl"),
      I("hulp in het Frans bij angst",["anxiety"],lang="fr"),
      I("Arabisch sprekende hulp voor moeders met burn-out",["burnout"],lang="ar"),
      I("Roemeens hulp zwangerschap verlies",["loss"],lang="ro"),
      I("English speaking therapist birth trauma",["trauma"],lang="en")]
# --- places: near / in / regio / province / postcode
Q += [I("depressie na de bevalling rond Gent",["ppd"],near="9000",radius_km=25),
      I("huilbaby Leuven",["regulation"],place="Leuven"),
      I("miskraam verwerken regio Antwerpen",["loss"],near="2000",radius_km=25),
      I("burn-out ouders in de buurt van Brugge",["burnout"],near="8000",radius_km=25),
      I("angst zwangerschap 3500",["anxiety","antenatal"],near="3500",radius_km=25),
      I("bevallingstrauma in Limburg",["trauma"],province="Limburg"),
      I("postnatale depressie West-Vlaanderen",["ppd"],province="West-Vlaanderen"),
      I("hechting baby Oost-Vlaanderen",["bonding"],province="Oost-Vlaanderen"),
      I("psycholoog kinderwens Mechelen",["fertility"],place="Mechelen"),
      I("verslaving zwanger omgeving Herentals",["substance"],near="2200",radius_km=25),
      I("ik woon in Aalst en voel me somber na de bevalling",["ppd"],place="Aalst"),
      I("kwetsbare zwangere Sint-Niklaas",["vulnerable"],place="Sint-Niklaas"),
      I("psychose na bevalling provincie Antwerpen",["psychosis"],province="Antwerpen"),
      I("rouw baby regio Hasselt",["loss"],near="3500",radius_km=25),
      I("ik kan niet meer van vermoeidheid, ik woon in de buurt van Kortrijk",["burnout"],near="8500",radius_km=25),
      I("bang voor de bevalling Tienen",["anxiety"],place="Tienen"),
      I("depressie zwanger Vlaams-Brabant",["antenatal"],province="Vlaams-Brabant"),
      I("meer hulp bij angst na de bevalling",["anxiety"]),
      I("werken en een huilbaby, ik ben op",["regulation","burnout"]),
      I("geen band met baby regio Brussel",["bonding"],near="1000",radius_km=25)]
# near with explicit postcode param (as a form would send)
Q += [I("somber na de bevalling",["ppd"],near="9000",radius_km=15),
      I("huilbaby",["regulation"],near="2000",radius_km=30),
      I("miskraam",["loss"],near="3000",radius_km=25),
      I("geen netwerk",["vulnerable"],near="8000",radius_km=30),
      I("hechting",["bonding"],near="3500",radius_km=30),
      I("uitgeput",["burnout"],near="2800",radius_km=20)]
# --- abbreviations, colloquial, compounds, typos, morphology
Q += [I("PPD",["ppd"]),
      I("ptss bevalling",["trauma"]),
      I("ivf-traject zwaar",["fertility"]),
      I("verslaafd, zwanger en bang",["substance"]),
      I("zwangerschapsangst",["anxiety","antenatal"]),
      I("bevallingsangst",["anxiety"]),
      I("rouwverwerking kindje",["loss"]),
      I("ik drink elke dag en ben in verwachting",["substance"]),
      I("ik pieker en slaap niet meer sinds de baby er is",["anxiety"]),
      I("postpartum angst",["anxiety"]),
      I("paniekaanvalen",["anxiety"]),
      I("huilbabby",["regulation"]),
      I("miskraam verwerkn",["loss"]),
      I("hechtingsprobleem",["bonding"]),
      I("verslavingszorg zwangere vrouwen",["substance"]),
      I("zwangerschapsverlies begeleiding",["loss"]),
      I("emdr na traumatische geboorte",["trauma"]),
      I("mijn vrouw is zo veranderd sinds de bevalling, ze huilt en slaapt niet",["ppd"]),
      I("mama voelt zich slecht na de geboorte",["ppd"]),
      I("ik ben zo ambetant en triestig sinds de kleine er is",["ppd"]),
      I("ik zie het niet zitten met de baby",["ppd","burnout"]),
      I("te veel voor mij, die baby",["burnout"]),
      I("alles is te veel sinds de geboorte",["burnout","ppd"]),
      I("hulp bij opvoedingsstress met een baby",["burnout"]),
      I("baby eet slecht en weent",["regulation"]),
      I("slaaptekort baby huilt",["regulation"]),
      I("kinderwens lukt niet",["fertility"]),
      I("zwanger na een miskraam en bang",["anxiety","loss"]),
      I("psychiatrische voorgeschiedenis en kinderwens",["smi"]),
      I("stemmingsstoornis zwangerschap",["smi","antenatal"])]
save(Q, "dev-intents.json")
