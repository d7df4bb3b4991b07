#!/usr/bin/env python3
"""Build the national gazetteer tables in knowledge/geo/nl/ from the CBS/PDOK/GeoNames CSV files.

Standard library only. Usage:

    python3 knowledge/tools/build_geo_nl.py SOURCE_DIR

SOURCE_DIR holds pc4.csv, woonplaatsen.csv, wijken.csv, buurten.csv and gemeenten.csv (WGS84
centroids, CC BY 4.0; see knowledge/geo/README.md for their origin and the attribution). The
output is three tab-separated files with only what the bot reads, so it starts fast:

- gemeenten.tsv: code, name, provincie, lat, lon, inwoners
- pc4.tsv: pc4, lat, lon, gemeentecode, woonplaats
- places.tsv: kind (woonplaats|wijk|buurt), name, gemeentecode, lat, lon, inwoners, wijk (for a buurt)

Names keep their official spelling; the bot normalises case, accents and hyphens itself.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "geo" / "nl"


def rows(source: Path, name: str):
    with open(source / name, newline="", encoding="utf-8-sig") as handle:
        yield from csv.DictReader(handle)


def clean(value: str) -> str:
    if "\t" in value or "\n" in value:
        raise SystemExit(f"unexpected tab or newline in {value!r}")
    # Some CBS names lost their apostrophe ("t Acker", "s Heerenloo"): residents read "'t Acker".
    return re.sub(r"^([ts]) (?=[A-Z])", r"'\1 ", value.strip())


def write(name: str, header: list[str], records: list[list[str]]) -> None:
    with open(OUT / name, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\t".join(header) + "\n")
        for record in records:
            handle.write("\t".join(clean(v) for v in record) + "\n")
    print(f"{name}: {len(records)} rows")


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    source = Path(sys.argv[1])
    OUT.mkdir(parents=True, exist_ok=True)
    gemeenten = [[r["gemeentecode"], r["gemeente"], r["provincie"], r["lat"], r["lon"], r["inwoners"]] for r in rows(source, "gemeenten.csv")]
    write("gemeenten.tsv", ["code", "name", "provincie", "lat", "lon", "inwoners"], sorted(gemeenten))
    pc4 = [[r["pc4"], r["lat"], r["lon"], r["gemeentecode"], r["woonplaats"]] for r in rows(source, "pc4.csv")]
    write("pc4.tsv", ["pc4", "lat", "lon", "gemeentecode", "woonplaats"], sorted(pc4))
    places: list[list[str]] = []
    for r in rows(source, "woonplaatsen.csv"):
        places.append(["woonplaats", r["woonplaats"], r["gemeentecode"], r["lat"], r["lon"], r["inwoners_approx"], ""])
        if r["alias"]:
            places.append(["woonplaats", r["alias"], r["gemeentecode"], r["lat"], r["lon"], r["inwoners_approx"], ""])
    for r in rows(source, "wijken.csv"):
        places.append(["wijk", r["wijknaam"], r["gemeentecode"], r["lat"], r["lon"], r["inwoners"], ""])
    for r in rows(source, "buurten.csv"):
        places.append(["buurt", r["buurtnaam"], r["gemeentecode"], r["lat"], r["lon"], r["inwoners"], r["wijknaam"]])
    write("places.tsv", ["kind", "name", "gemeentecode", "lat", "lon", "inwoners", "wijk"], places)
    return 0


if __name__ == "__main__":
    sys.exit(main())
