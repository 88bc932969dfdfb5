#!/usr/bin/env python3
"""Builds seed-data/geo/postal_codes.csv from the project's geo reference data (shared/data/geo, state of
1 January 2025; see seed-data/geo/PROVENANCE.md): every Belgian postal code and locality with its Dutch and French
names, its municipality, province, coordinates and, in Flanders and Brussels, its eerstelijnszone.

Run: python3 seed-data/src/build_geo.py [GEO_FOLDER]  (default ../shared/data/geo beside the repository)
"""
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "geo"
OUT = ROOT / "seed-data" / "geo" / "postal_codes.csv"

zones = {}
with open(SOURCE / "eerstelijnszones.csv", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        zones[row["nis_code_pre2025"]] = row["zone_name"]

rows = []
with open(SOURCE / "postal_codes.csv", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        rows.append([row["postal_code"], row["sub_municipality"], row["municipality_nl"], row["province_nl"],
                     row["lat"], row["lon"], zones.get(row["nis_code_pre2025"], ""), row["sub_municipality_fr"],
                     row["municipality_fr"]])

with open(OUT, "w", encoding="utf-8", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["postal_code", "locality", "municipality", "province", "lat", "lon", "eerstelijnszone",
                  "locality_fr", "municipality_fr"])
    out.writerows(rows)
print(f"{OUT.name}: {len(rows)} localities, {sum(1 for r in rows if r[6])} with an eerstelijnszone")
