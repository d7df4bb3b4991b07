import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readEvalFile } from "../../../src/cli/eval-command.js";
import { chunkDocument, DEFAULT_CHUNK_OPTIONS, packUnits } from "../../../src/knowledge/chunker.js";
import { buildChunks, parseCorpus, readKnowledgeSources } from "../../../src/knowledge/corpus-loader.js";
import { parseMarkdownDocument } from "../../../src/knowledge/markdown-document.js";

const SAMPLE = `---
id: proef
title: "Proefdocument"
publisher: "Movisie"
year: 2018
url: https://www.movisie.nl/proef
type: "startnotitie"
---

# Proefdocument

Tekst voor de eerste kop.

## Wat is de sociale basis?

### Historisch perspectief

‘Sociale basis’ is geen nieuw begrip. Het wordt ook wel het ‘cement’ genoemd.

- eerste punt
- tweede punt

## Methoden

${Array.from({ length: 12 }, (_, i) => `Dit is zin nummer ${i + 1} over samenlevingsopbouw in de wijk.`).join(" ")}
`;

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

describe("Markdown documents and chunks", () => {
  const parsed = parseMarkdownDocument(SAMPLE, "fallback");

  it("reads the front matter", () => {
    expect(parsed.meta).toEqual({
      id: "proef",
      title: "Proefdocument",
      publisher: "Movisie",
      year: 2018,
      url: "https://www.movisie.nl/proef",
      type: "startnotitie",
    });
    expect(parseMarkdownDocument("# Alleen een kop\n\nTekst.", "bestand").meta).toMatchObject({ id: "bestand", title: "Alleen een kop" });
  });

  it("gives every chunk its heading path, and carries an empty heading into the next section", () => {
    const chunks = chunkDocument(parsed, { maxChars: 200, maxOverlapChars: 120 });
    const history = chunks.find((c) => c.text.includes("geen nieuw begrip"))!;
    expect(history.section).toBe("Wat is de sociale basis? > Historisch perspectief");
    expect(history.text.startsWith("Wat is de sociale basis?\nHistorisch perspectief\n")).toBe(true);
    expect(chunks.filter((c) => c.section === undefined).map((c) => c.text)).toEqual(["Tekst voor de eerste kop."]);
    expect(chunks.every((c) => c.section === undefined || c.text.length > 0)).toBe(true);
    expect(chunks.map((c) => c.id)).toEqual(chunks.map((_, i) => `proef#${i}`));
    expect(history).toMatchObject({ source: "proef", title: "Proefdocument", publisher: "Movisie", year: 2018, kind: "knowledge" });
  });

  it("keeps long sections apart in chunks that overlap by a sentence, losing no sentence", () => {
    const chunks = chunkDocument(parsed, { maxChars: 200, maxOverlapChars: 120 }).filter((c) => c.section === "Methoden");
    expect(chunks.length).toBeGreaterThan(2);
    for (let i = 1; i <= 12; i += 1) {
      const sentence = `Dit is zin nummer ${i} over samenlevingsopbouw in de wijk.`;
      expect(chunks.some((c) => c.text.includes(sentence))).toBe(true);
      // Two neighbouring sentences always share a chunk.
      if (i < 12) {
        const next = `Dit is zin nummer ${i + 1} over`;
        expect(chunks.some((c) => c.text.includes(sentence) && c.text.includes(next))).toBe(true);
      }
    }
    expect(chunks.every((c) => c.text.length <= 200 + 60)).toBe(true);
  });

  it("keeps the source's words verbatim (only markup and whitespace differ)", () => {
    const chunks = chunkDocument(parsed, DEFAULT_CHUNK_OPTIONS);
    const source = normalise(SAMPLE.replace(/^(\s*)(#{1,6}\s+|[-*]\s+)/gm, "$1"));
    for (const chunk of chunks) for (const line of chunk.text.split("\n")) expect(source).toContain(normalise(line));
  });

  it("packs units without making a chunk of headings alone", () => {
    expect(packUnits(["Kop", "x".repeat(190)], { maxChars: 100, maxOverlapChars: 50 }, 1)).toEqual([`Kop\n${"x".repeat(190)}`]);
    expect(packUnits(["Alleen een kop"], { maxChars: 100, maxOverlapChars: 50 }, 1)).toEqual(["Alleen een kop"]);
  });

  it("chunks the real corpus so that every dev evidence phrase lies inside one chunk", () => {
    const sources = readKnowledgeSources("knowledge");
    const chunks = buildChunks(parseCorpus(sources.corpus), [], DEFAULT_CHUNK_OPTIONS);
    expect(new Set(chunks.map((c) => c.source)).size).toBe(readdirSync(join("knowledge", "corpus")).filter((f) => f.endsWith(".md")).length);
    const texts = chunks.map((c) => normalise(c.text));
    for (const question of readEvalFile("test/fixtures/dev.jsonl")) {
      for (const phrase of question.evidence) expect(texts.some((t) => t.includes(normalise(phrase))), phrase).toBe(true);
    }
    // Each chunk that starts a section begins with its own heading, verbatim.
    const file = readFileSync(join("knowledge", "corpus", sources.corpus[0]!.name), "utf8");
    expect(file).toContain(chunks[1]!.text.split("\n")[0]);
  });

  it("adds each listing as one chunk of its own kind", () => {
    const chunks = buildChunks([parsed], [{ id: "listing:1", title: "Koffieochtend", text: "Elke dinsdag koffie.", kind: "listing" }], DEFAULT_CHUNK_OPTIONS);
    expect(chunks.at(-1)).toMatchObject({ id: "listing:1#0", source: "listing:1", title: "Koffieochtend", kind: "listing" });
  });
});
