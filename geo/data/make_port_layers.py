#!/usr/bin/python3
"""Builds the bundled port layers of aiswatch from the shared reference data (run once; outputs committed).

    geo/data/make_port_layers.py SHARED_GEO_DIR [OUT_DIR]
    e.g. geo/data/make_port_layers.py ../shared/data/geo geo/data

Inputs (see PROVENANCE.md):
  world_port_index_pub150.csv   NGA World Port Index Pub 150, 3,803 ports, 109 columns (public domain)
  ports_east_asia.geojson       the same WPI ports for East Asia + 8 hand-estimated points (Dunai, Sinpo, ...)
  harbour_areas_approx.geojson  radii of the approximate harbour circles of DPRK / Primorye ports

Outputs (the zone-file attribute convention of docs/geo.md, readable by GDAL's CSV driver):
  wpi_ports.csv    every WPI port: id "wpi-<number>" ("-2" appended to the 4 reused numbers), name, alt_name, country (ISO 3166-1 alpha-2),
                   unlocode, harbour_size, kind=port, watched (true for KP ports), radius_km, lat, lon.
                   radius_km is the harbour circle: Very Small 2.5, Small 3.5, Medium 4.5, Large 6,
                   unknown 3 km (the same radii as harbour_areas_approx.geojson).
  watch_ports.csv  the ports sanctions work watches: every DPRK port, the Russian ports of the Rajin
                   shuttle (shuttle_port=true) and the other Primorye / Dandong ports of
                   harbour_areas_approx.geojson, with the hand-estimated ports that WPI lacks. Rows of WPI
                   ports keep the WPI id, so they replace the plain WPI zone (same id, later file wins).
                   All are approximate=true: circles around a reference point, not harbour limits.

Country: WPI gives a country name; the ISO alpha-2 code is the UN/LOCODE prefix most used by that
country's ports, and a fixed table for the six names whose ports have no UN/LOCODE.
"""
import collections
import csv
import json
import os
import sys

RADIUS_KM = {"Very Small": 2.5, "Small": 3.5, "Medium": 4.5, "Large": 6.0}
DEFAULT_RADIUS_KM = 3.0
NO_LOCODE_COUNTRIES = {"Gibraltar": "GI", "Johnson Atoll": "UM", "Midway Islands": "UM",
                       "Norfolk Island": "NF", "Palau": "PW", "Wake Island": "UM"}
# Ports of the Russia-DPRK "Rajin shuttle" (RUSI "Orient Express", 2023; detection-methods.md §2.1).
SHUTTLE_PORTS = {"Vostochnyy", "Nakhodka", "Vladivostok", "Dunai (Dunay)", "Pos'yet", "Zarubino", "Slavyanka"}
# Hand-estimated ports (not in WPI): ids by country and name.
MANUAL_IDS = {"Sinpo": "kp-sinpo", "Tanchon": "kp-tanchon", "Ryongampo": "kp-ryongampo", "Taean": "kp-taean",
              "Kosong (Changjon)": "kp-kosong", "Kozmino oil terminal": "ru-kozmino",
              "Dunai (Dunay)": "ru-dunai", "Bolshoy Kamen": "ru-bolshoy-kamen"}
FIELDS = ["id", "name", "alt_name", "country", "unlocode", "harbour_size", "kind", "watched",
          "shuttle_port", "approximate", "radius_km", "lat", "lon", "note"]


def clean(s):
    s = (s or "").strip()
    return "" if s in ("", "nan") else s


def number(s):
    return str(int(float(s)))


def main():
    src = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(src, "world_port_index_pub150.csv"), encoding="utf-8-sig", newline="") as f:
        wpi = list(csv.DictReader(f))
    prefixes = collections.defaultdict(collections.Counter)
    for r in wpi:
        code = clean(r["UN/LOCODE"])
        if code:
            prefixes[r["Country Code"]][code[:2]] += 1
    iso2 = {name: c.most_common(1)[0][0] for name, c in prefixes.items()}
    iso2.update(NO_LOCODE_COUNTRIES)

    rows = []
    seen = collections.Counter()
    for r in wpi:
        size = clean(r["Harbor Size"])
        country = iso2[r["Country Code"]]
        # Four WPI numbers are used twice (e.g. 400 Seydisfjordur); the second row gets "-2" so ids stay unique.
        wpi_id = "wpi-" + number(r["World Port Index Number"])
        seen[wpi_id] += 1
        if seen[wpi_id] > 1:
            wpi_id += "-%d" % seen[wpi_id]
        rows.append({
            "id": wpi_id,
            "name": clean(r["Main Port Name"]), "alt_name": clean(r["Alternate Port Name"]),
            "country": country, "unlocode": clean(r["UN/LOCODE"]).replace(" ", ""),
            "harbour_size": size, "kind": "port", "watched": "true" if country == "KP" else "false",
            "shuttle_port": "false", "approximate": "false",
            "radius_km": RADIUS_KM.get(size, DEFAULT_RADIUS_KM),
            "lat": "%.6f" % float(r["Latitude"]), "lon": "%.6f" % float(r["Longitude"]), "note": ""})
    write(os.path.join(out, "wpi_ports.csv"), rows)

    with open(os.path.join(src, "ports_east_asia.geojson"), encoding="utf-8") as f:
        points = {(p["properties"]["name"], p["properties"]["country_iso"]): p
                  for p in json.load(f)["features"]}
    with open(os.path.join(src, "harbour_areas_approx.geojson"), encoding="utf-8") as f:
        areas = json.load(f)["features"]
    watch = []
    for a in areas:
        ap = a["properties"]
        pt = points[(ap["name"], ap["country_iso"])]
        pp = pt["properties"]
        lon, lat = pt["geometry"]["coordinates"]
        wpi_id = "wpi-%d" % pp["wpi_number"] if pp.get("wpi_number") else MANUAL_IDS[ap["name"]]
        estimated = not pp.get("wpi_number")
        note = pp.get("note") or ""
        note = (note + "; " if note else "") + (
            "position is a manual estimate, may be off by up to ~10 km" if estimated else
            "WPI reference point; circle radius by WPI harbour size")
        watch.append({
            "id": wpi_id, "name": ap["name"], "alt_name": pp.get("alt_name") or "",
            "country": ap["country_iso"], "unlocode": pp.get("unlocode") or "",
            "harbour_size": pp.get("harbor_size") or "", "kind": "port", "watched": "true",
            "shuttle_port": "true" if ap["name"] in SHUTTLE_PORTS else "false", "approximate": "true",
            "radius_km": ap["radius_m"] / 1000.0, "lat": "%.6f" % lat, "lon": "%.6f" % lon, "note": note})
    write(os.path.join(out, "watch_ports.csv"), watch)
    print("wpi_ports.csv: %d ports, watch_ports.csv: %d ports (%d shuttle)" %
          (len(rows), len(watch), sum(r["shuttle_port"] == "true" for r in watch)))


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main()
