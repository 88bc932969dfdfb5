#!/usr/bin/env python3
"""Builds the seed courses' "handvatten": one-page A4 PDF guides in frontend-static/handvatten/.

Plain PDF 1.4 written by hand (Helvetica, WinAnsi encoding), so no library is needed. The text follows the learning
goals the report (V.E.N.P.M.G., Aanbevelingen perinatale mentale gezondheid) gives for childcare workers and for the
basic P.I.M.H. course; it is an example guide and says so.
"""
import pathlib

GUIDES = {
    "signalen-kinderopvang.pdf": ("Handvat: signalen opvangen in de kinderopvang", [
        "Voor begeleiders in de kinderopvang. Geen opleiding tot expert: een geheugensteun.",
        "",
        "1. Kijk naar het kind: huilt het ontroostbaar, slaapt of eet het slecht, is het stil en teruggetrokken?",
        "2. Kijk naar de ouder: oogt die uitgeput, somber of angstig, bang om los te laten bij het afzetten?",
        "3. Kijk naar het samenspel: is er weinig oogcontact, weinig plezier, veel spanning bij het ophalen?",
        "",
        "Bespreekbaar maken",
        "- Bespreek wat je ziet eerst in je team: beschrijf, oordeel niet.",
        "- Zeg tegen de ouder wat je ziet en vraag hoe het gaat: 'Ik merk dat je moe lijkt. Hoe gaat het met jou?'",
        "- Normaliseer: veel ouders hebben het moeilijk in de eerste 1000 dagen, en hulp vragen is sterk.",
        "",
        "Doorgeleiden",
        "- Verwijs naar een basiszorgverlener: huisarts, vroedvrouw, Kind en Gezin.",
        "- Zoek samen aanbod in de buurt op nestkaart (Zoek hulp) en bel eventueel samen.",
        "",
        "Acuut gevaar voor ouder of kind? Bel 112. Zelfmoordgedachten: Zelfmoordlijn 1813.",
        "",
        "Voorbeeldhandvat bij de online module 'P.I.M.H. in de kinderopvang' (V.E.N.P.M.G.).",
    ]),
    "gesprek-zwangerschap.pdf": ("Handvat: het gesprek over psychisch welzijn", [
        "Voor zorgverleners rond zwangerschap en geboorte.",
        "",
        "Vraag bij elk contact, ook als alles goed lijkt te gaan:",
        "- Hoe voel je je de laatste weken? Voel je je vaak somber of zonder hoop?",
        "- Heb je minder interesse of plezier in dingen?",
        "- Pieker je veel of ben je vaak angstig of gespannen?",
        "",
        "Let op: eerdere psychische problemen, weinig steun, ingrijpende gebeurtenissen, middelengebruik.",
        "",
        "Ernstig of acuut (zelfmoordgedachten, verwardheid, psychose na de bevalling):",
        "zelfde dag doorverwijzen; bij acuut gevaar 112.",
        "",
        "Licht tot matig: bespreek de mogelijkheden, geef informatie en plan een opvolgcontact.",
        "Verwijs warm door in het zorgpad en spreek af wie wat opvolgt.",
        "",
        "Voorbeeldhandvat bij 'Basiskennis Perinatale Psychiatrie en Infant Mental Health'.",
    ]),
}


def escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf(title, lines):
    content = ["BT", "/F1 16 Tf", "56 780 Td", "(" + escape(title) + ") Tj", "/F1 10.5 Tf", "0 -30 Td", "15 TL"]
    for line in lines:
        content.append("(" + escape(line) + ") '")
    content.append("ET")
    stream = "\n".join(content).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Title (" + escape(title).encode("cp1252") + b") /Producer (Nestkaart seed-data) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += str(number).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 " + str(len(objects) + 1).encode() + b"\n0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root 1 0 R /Info 6 0 R >>\nstartxref\n" \
        + str(xref).encode() + b"\n%%EOF\n"
    return bytes(out)


if __name__ == "__main__":
    folder = pathlib.Path(__file__).resolve().parent.parent.parent / "frontend-static" / "handvatten"
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, lines) in GUIDES.items():
        (folder / name).write_bytes(pdf(title, lines))
        print("wrote", folder / name)
