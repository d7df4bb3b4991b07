import { describe, expect, it } from "vitest";
import { DEFAULT_CHUNK_OPTIONS, type Chunk } from "../../../src/knowledge/chunker.js";
import { buildChunks, parseCorpus, readKnowledgeSources } from "../../../src/knowledge/corpus-loader.js";
import { attachQuestions, parseQuestionFiles } from "../../../src/knowledge/passage-questions.js";

function chunk(id: string, text: string): Chunk {
  return { id, source: "doc", title: "Doc", text, kind: "knowledge" };
}

describe("curated questions per passage", () => {
  it("every shipped anchor stands in a passage of the corpus", () => {
    const sources = readKnowledgeSources("knowledge");
    const chunks = buildChunks(parseCorpus(sources.corpus), [], DEFAULT_CHUNK_OPTIONS);
    const entries = parseQuestionFiles(sources.questions);
    expect(entries.length).toBeGreaterThan(100);
    expect(attachQuestions(chunks, entries).map((e) => e.where)).toEqual([]);
    // Questions are found, never quoted: the passage text is what it was.
    const withQuestions = chunks.filter((c) => c.questions?.length);
    expect(withQuestions.length).toBeGreaterThan(80);
    for (const c of withQuestions) for (const q of c.questions!) expect(c.text).not.toContain(q);
  });

  it("gives every passage of the shipped documents three to fifteen questions", () => {
    // Every shipped document's questions file covers each passage (three on a slide without content).
    const covered = ["wijkaanpak-sterke-sociale-basis-movisie", "sociale-basis-in-actie-movisie", "bijlage-kamerbrief-sociale-basis-vws", "sociale-basis-terug-van-weggeweest-movisie"];
    const sources = readKnowledgeSources("knowledge");
    const chunks = buildChunks(parseCorpus(sources.corpus), [], DEFAULT_CHUNK_OPTIONS);
    attachQuestions(chunks, parseQuestionFiles(sources.questions));
    const passages = chunks.filter((c) => covered.includes(c.source));
    expect(passages.length).toBeGreaterThan(120);
    const outside = passages.filter((c) => (c.questions?.length ?? 0) < 3 || (c.questions?.length ?? 0) > 15).map((c) => `${c.id}: ${c.questions?.length ?? 0}`);
    expect(outside).toEqual([]);
  });

  it("gives overlapping chunks' anchor to the chunk it opens, folding quotes and spaces", () => {
    const chunks = [chunk("a", "Eerste zin. De ‘zeven PK’s’ van het werk."), chunk("b", "De ‘zeven PK’s’ van het werk.\nMeer tekst.")];
    const unmatched = attachQuestions(chunks, parseQuestionFiles([{ name: "q.jsonl", text: `{"anchor": "De 'zeven PK's'  van het werk", "questions": ["wat betekent 7 pk"]}\n{"anchor": "staat nergens in de tekst", "questions": ["x y z"]}\n` }]));
    expect(chunks[0]!.questions).toBeUndefined();
    expect(chunks[1]!.questions).toEqual(["wat betekent 7 pk"]);
    expect(unmatched.map((u) => u.where)).toEqual(["q.jsonl:2"]);
  });

  it("refuses a malformed line with its file and line number", () => {
    expect(() => parseQuestionFiles([{ name: "x.jsonl", text: `{"anchor": "lang genoeg anker", "questions": ["een vraag"]}\n{"anchor": "kort"}\n` }])).toThrow(/x\.jsonl:2/);
  });
});
