#!/usr/bin/env python3
"""Check that every evidence phrase of an eval set occurs verbatim in the knowledge corpus.

Usage:
    python3 knowledge/tools/check_evidence.py [EVAL.jsonl ...] [--corpus DIR] [--sources DIR]

Defaults: eval file test/fixtures/dev.jsonl and corpus knowledge/corpus (both found from this script's
place in the repository); --sources DIR: the raw text extracts, only used for a size report.

Normalisation (same for corpus and phrases): strip the front matter, strip Markdown markup at
line starts (heading '#'s, list markers '- ' / '* ' / '1. ', blockquote '>'), collapse all
whitespace to one space, lowercase. A phrase passes when it is a substring of one document.

It also reports, per phrase, whether it lies inside ONE section (the text between two headings);
a phrase that only matches across a heading boundary is flagged (a chunker that splits on headings
would never retrieve it whole). Exit status 1 when any phrase is missing.
No external dependencies.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "corpus"))
DEFAULT_EVAL = os.path.normpath(os.path.join(HERE, "..", "..", "test", "fixtures", "dev.jsonl"))
DEFAULT_SOURCES = None

LINE_MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|>\s?|[-*]\s+|\d+\.\s+)")


def split_front_matter(text):
    """Return (fields, body). Front matter is `key: value` lines between two '---' lines."""
    fields = {}
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            for line in text[4:end].splitlines():
                if ":" in line:
                    key, value = line.split(":", 1)
                    fields[key.strip()] = value.strip().strip('"')
            return fields, text[end + 5:]
    return fields, text


def normalise(text):
    lines = [LINE_MARKUP.sub("", line) for line in text.splitlines()]
    return re.sub(r"\s+", " ", " ".join(lines)).strip().lower()


def sections(body):
    """Split a Markdown body on headings; each section keeps its heading line."""
    parts, current = [], []
    for line in body.splitlines():
        if line.startswith("#") and current:
            parts.append("\n".join(current))
            current = []
        current.append(line)
    if current:
        parts.append("\n".join(current))
    return [normalise(p) for p in parts]


def load_corpus(corpus_dir):
    docs = {}
    for name in sorted(os.listdir(corpus_dir)):
        if name.endswith(".md"):
            with open(os.path.join(corpus_dir, name), encoding="utf-8") as fh:
                fields, body = split_front_matter(fh.read())
            docs[name] = {"fields": fields, "body": body, "norm": normalise(body), "sections": sections(body)}
    return docs


def check(eval_files, docs):
    total = missing = boundary = 0
    for path in eval_files:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                item = json.loads(line)
                for phrase in item.get("evidence", []):
                    total += 1
                    p = normalise(phrase)
                    hits = [n for n, d in docs.items() if p in d["norm"]]
                    if not hits:
                        missing += 1
                        print(f"MISSING  {item.get('id')}: {phrase!r}")
                        continue
                    in_one = any(p in s for n in hits for s in docs[n]["sections"])
                    if not in_one:
                        boundary += 1
                        print(f"BOUNDARY {item.get('id')}: {phrase!r} spans a heading in {hits}")
    print(f"evidence phrases: {total}, found: {total - missing}, missing: {missing}, "
          f"crossing a heading: {boundary}")
    return missing


URL = re.compile(r"\(?https?://\S+")
HYPHEN_BREAK = re.compile(r"([a-zà-ÿ])-[ \t]*\n\s*([a-zà-ÿ])")


def words_chars(text):
    return len(text.split()), len(text)


def content_words_chars(text):
    """Words/chars of the running text: URLs dropped, line-break hyphenation undone,
    Markdown line markup and link brackets removed, whitespace collapsed."""
    text = HYPHEN_BREAK.sub(r"\1\2", text)
    text = URL.sub(" ", text)
    text = "\n".join(LINE_MARKUP.sub("", l) for l in text.splitlines())
    text = re.sub(r"\[\^?\d*|\]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return len(text.split()), len(text)


def size_report(docs, sources_dir):
    if not sources_dir or not os.path.isdir(sources_dir):
        return
    src = {n: open(os.path.join(sources_dir, n), encoding="utf-8").read()
           for n in sorted(os.listdir(sources_dir)) if n.endswith(".txt")}
    print("\nsize report: raw words / chars, then running text (no URLs, hyphenation undone, "
          "markup and whitespace collapsed)")
    for name, doc in docs.items():
        w, c = words_chars(doc["body"])
        cw, cc = content_words_chars(doc["body"])
        print(f"  {name}: raw {w} w / {c} c; text {cw} w / {cc} c")
        for s in doc["fields"].get("seed_files", "").split(","):
            s = s.strip()
            if s in src:
                sw, sc = words_chars(src[s])
                scw, scc = content_words_chars(src[s])
                print(f"    <- {s}: raw {sw} w / {sc} c; text {scw} w / {scc} c")


def main(argv):
    corpus, sources, evals = DEFAULT_CORPUS, DEFAULT_SOURCES, []
    args = iter(argv)
    for a in args:
        if a == "--corpus":
            corpus = next(args)
        elif a == "--sources":
            sources = next(args)
        else:
            evals.append(a)
    docs = load_corpus(corpus)
    missing = check(evals or [DEFAULT_EVAL], docs)
    size_report(docs, sources)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
