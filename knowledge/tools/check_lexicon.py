#!/usr/bin/env python3
"""Validate knowledge/lexicon/synonyms.json.

Usage: python3 knowledge/tools/check_lexicon.py [LEXICON] [--corpus DIR]

Checks: valid JSON with version/note/groups; every group has a unique `concept` and non-empty
`everyday` and `policy` lists of lowercase, trimmed, non-duplicate strings; and every policy term
occurs in the corpus (same normalisation as check_evidence.py: front matter and line markup
stripped, whitespace collapsed, lowercased). Policy terms are meant to be the sources' own words,
so a term the corpus does not contain is reported as an error. Exit status 1 on any error.
No external dependencies.
"""
import json
import os
import sys

sys.dont_write_bytecode = True  # keep knowledge/tools free of __pycache__
from check_evidence import DEFAULT_CORPUS, load_corpus  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_LEXICON = os.path.normpath(os.path.join(HERE, "..", "lexicon", "synonyms.json"))


def main(argv):
    lexicon, corpus = DEFAULT_LEXICON, DEFAULT_CORPUS
    args = iter(argv)
    for a in args:
        if a == "--corpus":
            corpus = next(args)
        else:
            lexicon = a
    with open(lexicon, encoding="utf-8") as fh:
        data = json.load(fh)
    text = " ".join(d["norm"] for d in load_corpus(corpus).values())
    errors = []
    if data.get("version") != 1 or not isinstance(data.get("groups"), list):
        errors.append("top level needs version: 1 and a groups list")
    seen = set()
    for i, group in enumerate(data.get("groups", [])):
        concept = group.get("concept", "")
        where = f"group {i} ({concept!r})"
        if not concept or concept in seen:
            errors.append(f"{where}: missing or duplicate concept")
        seen.add(concept)
        for key in ("everyday", "policy"):
            terms = group.get(key)
            if not terms or not all(isinstance(t, str) for t in terms):
                errors.append(f"{where}: {key} must be a non-empty list of strings")
                continue
            for t in terms:
                if t != " ".join(t.lower().split()):
                    errors.append(f"{where}: {key} term {t!r} is not lowercase/trimmed")
            if len(set(terms)) != len(terms):
                errors.append(f"{where}: duplicate {key} terms")
        for t in group.get("policy", []):
            if " ".join(t.split()) not in text:
                errors.append(f"{where}: policy term {t!r} does not occur in the corpus")
    for e in errors:
        print("ERROR", e)
    groups = data.get("groups", [])
    print(f"groups: {len(groups)}, everyday terms: {sum(len(g.get('everyday', [])) for g in groups)}, "
          f"policy terms: {sum(len(g.get('policy', [])) for g in groups)}, errors: {len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
