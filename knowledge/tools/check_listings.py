#!/usr/bin/env python3
"""Validate a Wijkwijzer listings CSV against the "Listings CSV" contract in docs/contracts.md.

Standard library only. Usage:

    python3 knowledge/tools/check_listings.py [LISTINGS_CSV] [--postcodes knowledge/geo/postcodes.csv]

Defaults check the fictional Zeist example (knowledge/listings/zeist-voorbeeld.csv) with the
rules for example data: a bounding box around Zeist, every category and audience value used at
least 3 times, fictional contact details (030 000 0xxx, *.example) and every listing within 3 km
of the centroid of its 4-digit postcode in knowledge/geo/postcodes.csv. Prints counts per
category and audience. Exit code 0 when valid, 1 when there are errors.

Options for real (non-example) data: --no-fictional-contacts, --bbox none, --min-per-value 0.
"""
from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CSV = ROOT / "knowledge" / "listings" / "zeist-voorbeeld.csv"
DEFAULT_POSTCODES = ROOT / "knowledge" / "geo" / "postcodes.csv"
DEFAULT_PLACES = ROOT / "knowledge" / "geo" / "places.csv"

HEADER = (
    "id,name,organization,description,categories,audience,address,postcode,city,latitude,longitude,"
    "schedule,cost,languages,accessibility,phone,email,website,last_verified"
).split(",")
CATEGORIES = [
    "ontmoeting", "sport-en-bewegen", "eten-en-koken", "geldzaken", "mantelzorg", "opvoeden-en-gezin",
    "taal-en-leren", "digitale-hulp", "vervoer", "klussen-en-wonen", "vrijwilligerswerk",
    "informatie-en-advies", "creatief-en-cultuur", "gezondheid-en-welzijn",
]
AUDIENCES = [
    "iedereen", "ouderen", "jongeren", "kinderen", "ouders", "mantelzorgers", "nieuwkomers",
    "mensen-met-een-beperking",
]
# ISO 639-1 codes likely in a Dutch sociale kaart; anything else two-letter is a warning, not an error.
KNOWN_LANGUAGES = set(
    "nl en ar tr pl uk ti so fa de fr es pt it ru ro bg hu el zh hi ur ps ku ber prs am ky sq bs hr sr "
    "fy pap sr id vi th ja ko he yi".split()
)

SCHEDULE_ENTRY = re.compile(
    r"^(?:(1e|2e|3e|4e|laatste) )?(ma|di|wo|do|vr|za|zo) ([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$"
)
POSTCODE_EXAMPLE = re.compile(r"^[1-9]\d{3} [A-Z]{2}$")  # this file: strictly "1234 AB"
POSTCODE_CONTRACT = re.compile(r"^[1-9]\d{3}(?: ?[A-Z]{2})?$")  # docs/contracts.md: 1234 AB, 1234AB or 1234
ID_RE = re.compile(r"^[a-z]{2,5}-\d{3,}$")
COORD_5 = re.compile(r"^-?\d{1,3}\.\d{5}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PHONE_FICTIONAL = re.compile(r"^030 000 0\d{3}$")
EMAIL_FICTIONAL = re.compile(r"^[a-z0-9][a-z0-9._-]*@[a-z0-9][a-z0-9-]*\.example$")
WEBSITE_FICTIONAL = re.compile(r"^https://[a-z0-9][a-z0-9-]*\.example/?$")
EMAIL_ANY = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)
WEBSITE_ANY = re.compile(r"^https?://\S+$")
COST_AMOUNT = re.compile(r"^€\d+(,\d{2})?")
REFERENCE_DATE = date(2026, 11, 22)  # "today" for the example data set


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def split_list(value: str, sep: str = "|") -> list[str]:
    return [v.strip() for v in value.split(sep)] if value.strip() else []


def load_postcodes(path: Path, errors: list[str]) -> dict[str, tuple[str, float, float]]:
    table: dict[str, tuple[str, float, float]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, [])
        if header != ["postcode4", "place", "municipality", "latitude", "longitude"]:
            errors.append(f"{path.name}: unexpected header {header}")
            return table
        for n, row in enumerate(reader, start=2):
            if len(row) != 5:
                errors.append(f"{path.name}:{n}: expected 5 fields, got {len(row)}")
                continue
            pc4, place, _municipality, lat, lon = row
            if not re.fullmatch(r"[1-9]\d{3}", pc4):
                errors.append(f"{path.name}:{n}: bad postcode4 {pc4!r}")
                continue
            if pc4 in table:
                errors.append(f"{path.name}:{n}: duplicate postcode4 {pc4}")
            try:
                table[pc4] = (place, float(lat), float(lon))
            except ValueError:
                errors.append(f"{path.name}:{n}: bad coordinates {lat!r},{lon!r}")
    return table


def check_places(path: Path, errors: list[str]) -> int:
    n_rows = 0
    seen: set[str] = set()
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, [])
        if header != ["name", "aliases", "kind", "municipality", "latitude", "longitude"]:
            errors.append(f"{path.name}: unexpected header {header}")
            return 0
        for n, row in enumerate(reader, start=2):
            n_rows += 1
            if len(row) != 6:
                errors.append(f"{path.name}:{n}: expected 6 fields, got {len(row)}")
                continue
            name, aliases, kind, municipality, lat, lon = row
            if kind not in ("plaats", "wijk"):
                errors.append(f"{path.name}:{n}: kind must be plaats or wijk, got {kind!r}")
            if not name or not municipality:
                errors.append(f"{path.name}:{n}: name and municipality are required")
            key = name.lower()
            if key in seen:
                errors.append(f"{path.name}:{n}: duplicate name {name!r}")
            seen.add(key)
            if any(a != a.strip() or not a for a in aliases.split("|")) and aliases:
                errors.append(f"{path.name}:{n}: empty or padded alias in {aliases!r}")
            try:
                float(lat), float(lon)
            except ValueError:
                errors.append(f"{path.name}:{n}: bad coordinates {lat!r},{lon!r}")
    return n_rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--postcodes", type=Path, default=DEFAULT_POSTCODES)
    ap.add_argument("--places", type=Path, default=DEFAULT_PLACES)
    ap.add_argument("--bbox", default="52.0,5.1,52.2,5.4",
                    help="min_lat,min_lon,max_lat,max_lon or 'none' (default: around Zeist)")
    ap.add_argument("--max-km", type=float, default=3.0, help="max distance to the postcode4 centroid")
    ap.add_argument("--min-per-value", type=int, default=3,
                    help="every category and audience value must occur at least this often")
    ap.add_argument("--min-rows", type=int, default=70)
    ap.add_argument("--today", type=date.fromisoformat, default=REFERENCE_DATE)
    ap.add_argument("--no-fictional-contacts", action="store_true",
                    help="real data: do not require 030 000 0xxx and *.example contacts")
    args = ap.parse_args(argv)

    errors: list[str] = []
    warnings: list[str] = []
    fictional = not args.no_fictional_contacts

    postcodes = load_postcodes(args.postcodes, errors) if args.postcodes.exists() else {}
    if not postcodes:
        errors.append(f"no postcode table at {args.postcodes}")
    n_places = check_places(args.places, errors) if args.places.exists() else 0

    raw = args.csv.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        errors.append("file starts with a UTF-8 BOM; write plain UTF-8")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        errors.append(f"not valid UTF-8: {e}")

    bbox = None if args.bbox == "none" else [float(x) for x in args.bbox.split(",")]
    cat_counts: Counter[str] = Counter()
    aud_counts: Counter[str] = Counter()
    lang_counts: Counter[str] = Counter()
    ids: set[str] = set()
    n_rows = n_gratis = n_empty_schedule = n_old = 0
    contact_kinds: Counter[str] = Counter()
    max_dist = (0.0, "")

    with args.csv.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, strict=True)
        header = next(reader, None)
        if header != HEADER:
            errors.append(f"header must be exactly:\n  {','.join(HEADER)}\ngot:\n  {','.join(header or [])}")
            return report(errors, warnings, 0, cat_counts, aud_counts, lang_counts, {})
        for row in reader:
            line = reader.line_num
            n_rows += 1
            where = f"line {line}"
            if len(row) != len(HEADER):
                errors.append(f"{where}: expected {len(HEADER)} fields, got {len(row)}")
                continue
            r = dict(zip(HEADER, row))
            where = f"line {line} ({r['id'] or '?'})"
            for k, v in r.items():
                if v != v.strip():
                    errors.append(f"{where}: {k} has leading/trailing whitespace")
                if "\n" in v or "\r" in v:
                    errors.append(f"{where}: {k} contains a line break")

            if not ID_RE.match(r["id"]):
                errors.append(f"{where}: id {r['id']!r} is not a slug like zst-001")
            if r["id"] in ids:
                errors.append(f"{where}: duplicate id {r['id']}")
            ids.add(r["id"])
            if n_rows == 1 and r["id"].startswith("#"):
                errors.append(f"{where}: first data line looks like a comment; CSV has no comments")
            for k in ("name", "organization", "description", "address", "city", "cost", "languages"):
                if not r[k]:
                    errors.append(f"{where}: {k} is required")

            d = r["description"]
            if d and (not d.endswith(".") or re.search(r"[.!?]\s+[A-ZÀ-Ý]", d) or "?" in d or "!" in d):
                errors.append(f"{where}: description must be one plain sentence ending with '.'")
            if len(d) > 140:
                warnings.append(f"{where}: description is long ({len(d)} chars) for B1")

            cats = split_list(r["categories"])
            if not cats:
                errors.append(f"{where}: at least one category is required")
            for c in cats:
                if c not in CATEGORIES:
                    errors.append(f"{where}: unknown category {c!r}")
            if len(set(cats)) != len(cats):
                errors.append(f"{where}: repeated category")
            cat_counts.update(set(cats))

            auds = split_list(r["audience"])
            for a in auds:
                if a not in AUDIENCES:
                    errors.append(f"{where}: unknown audience {a!r}")
            if len(set(auds)) != len(auds):
                errors.append(f"{where}: repeated audience")
            aud_counts.update(set(auds) if auds else {"(leeg = iedereen)"})

            sched = r["schedule"]
            if not sched:
                n_empty_schedule += 1
            else:
                for entry in sched.split(";"):
                    e = entry.strip()
                    m = SCHEDULE_ENTRY.match(e)
                    if not m:
                        errors.append(f"{where}: schedule entry {e!r} is not '[NTH ]DAY HH:MM-HH:MM'")
                        continue
                    start = int(m.group(3)) * 60 + int(m.group(4))
                    end = int(m.group(5)) * 60 + int(m.group(6))
                    if end <= start:
                        errors.append(f"{where}: schedule entry {e!r} ends before it starts")

            pc = r["postcode"]
            pc_re = POSTCODE_EXAMPLE if fictional else POSTCODE_CONTRACT
            if not pc_re.match(pc):
                errors.append(f"{where}: postcode {pc!r} is not in the form '1234 AB'")
            elif fictional and pc[5:] in ("SA", "SD", "SS"):
                errors.append(f"{where}: postcode letters {pc[5:]} are never issued")

            lat = lon = None
            for k in ("latitude", "longitude"):
                if fictional and not COORD_5.match(r[k]):
                    errors.append(f"{where}: {k} {r[k]!r} must be a decimal with 5 decimals")
            try:
                lat, lon = float(r["latitude"]), float(r["longitude"])
            except ValueError:
                errors.append(f"{where}: latitude/longitude are required WGS84 decimals")
            if lat is not None and bbox and not (bbox[0] <= lat <= bbox[2] and bbox[1] <= lon <= bbox[3]):
                errors.append(f"{where}: {lat},{lon} outside bbox {bbox}")

            pc4 = pc[:4]
            if lat is not None and postcodes:
                if pc4 not in postcodes:
                    errors.append(f"{where}: postcode4 {pc4} not in {args.postcodes.name}")
                else:
                    place, plat, plon = postcodes[pc4]
                    dist = haversine_km(lat, lon, plat, plon)
                    if dist > max_dist[0]:
                        max_dist = (dist, r["id"])
                    if dist > args.max_km:
                        errors.append(f"{where}: {dist:.2f} km from the centroid of {pc4} (max {args.max_km} km)")
                    if place != r["city"]:
                        errors.append(f"{where}: city {r['city']!r} but postcode {pc4} is {place!r}")

            if r["cost"] == "gratis":
                n_gratis += 1
            elif r["cost"].startswith("€") and not COST_AMOUNT.match(r["cost"]):
                errors.append(f"{where}: amount {r['cost']!r} should look like €2,50")

            langs = split_list(r["languages"])
            for lang in langs:
                if not re.fullmatch(r"[a-z]{2}", lang):
                    errors.append(f"{where}: language {lang!r} is not an ISO 639-1 code")
                elif lang not in KNOWN_LANGUAGES:
                    warnings.append(f"{where}: unusual language code {lang!r}")
            if len(set(langs)) != len(langs):
                errors.append(f"{where}: repeated language")
            lang_counts.update(langs)

            phone, email, web = r["phone"], r["email"], r["website"]
            if not phone and not email:
                errors.append(f"{where}: give at least a phone number or an e-mail address")
            contact_kinds["phone+email" if phone and email else "phone only" if phone else "email only"] += 1
            if fictional:
                if phone and not PHONE_FICTIONAL.match(phone):
                    errors.append(f"{where}: phone {phone!r} must be fictional: 030 000 0xxx")
                if email and not EMAIL_FICTIONAL.match(email):
                    errors.append(f"{where}: e-mail {email!r} must be fictional: name@slug.example")
                if web and not WEBSITE_FICTIONAL.match(web):
                    errors.append(f"{where}: website {web!r} must be fictional: https://slug.example")
                if email and web and email.split("@")[1] != re.sub(r"^https://|/$", "", web):
                    warnings.append(f"{where}: e-mail domain and website differ")
            else:
                if email and not EMAIL_ANY.match(email):
                    errors.append(f"{where}: e-mail {email!r} looks invalid")
                if web and not WEBSITE_ANY.match(web):
                    errors.append(f"{where}: website {web!r} looks invalid")

            lv = r["last_verified"]
            if not DATE_RE.match(lv):
                errors.append(f"{where}: last_verified {lv!r} is not YYYY-MM-DD")
            else:
                try:
                    d_lv = date.fromisoformat(lv)
                except ValueError:
                    errors.append(f"{where}: last_verified {lv!r} is not a real date")
                else:
                    if d_lv > args.today:
                        errors.append(f"{where}: last_verified {lv} is after {args.today}")
                    if d_lv < args.today - timedelta(days=365):
                        n_old += 1

    if n_rows < args.min_rows:
        errors.append(f"{n_rows} listings; at least {args.min_rows} expected")
    if args.min_per_value:
        for c in CATEGORIES:
            if cat_counts[c] < args.min_per_value:
                errors.append(f"category {c!r} used {cat_counts[c]} times (min {args.min_per_value})")
        for a in AUDIENCES:
            if aud_counts[a] < args.min_per_value:
                errors.append(f"audience {a!r} used {aud_counts[a]} times (min {args.min_per_value})")

    stats = {
        "listings": n_rows,
        "cost gratis": n_gratis,
        "schedule empty (op afspraak)": n_empty_schedule,
        f"last_verified older than 1 year (before {args.today - timedelta(days=365)})": n_old,
        **{f"contact: {k}": v for k, v in sorted(contact_kinds.items())},
        "places.csv rows": n_places,
        "postcodes.csv rows": len(postcodes),
        "largest distance to postcode4 centroid": f"{max_dist[0]:.2f} km ({max_dist[1]})",
    }
    return report(errors, warnings, n_rows, cat_counts, aud_counts, lang_counts, stats)


def report(errors: list[str], warnings: list[str], n_rows: int, cat_counts: Counter[str],
           aud_counts: Counter[str], lang_counts: Counter[str], stats: dict) -> int:
    if stats:
        print("Categories:")
        for c in CATEGORIES:
            print(f"  {c:<24} {cat_counts[c]:>3}")
        print("Audience:")
        for a in AUDIENCES + ["(leeg = iedereen)"]:
            print(f"  {a:<24} {aud_counts[a]:>3}")
        print("Languages: " + ", ".join(f"{k} {v}" for k, v in lang_counts.most_common()))
        for k, v in stats.items():
            print(f"{k}: {v}")
    for w in warnings:
        print(f"warning: {w}")
    for e in errors:
        print(f"ERROR: {e}", file=sys.stderr)
    if errors:
        print(f"FAILED: {len(errors)} error(s) in {n_rows} listings", file=sys.stderr)
        return 1
    print(f"OK: {n_rows} listings valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
