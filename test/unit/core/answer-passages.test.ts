import { describe, expect, it } from "vitest";
import { LISTING_MARGIN, searchForAnswer } from "../../../src/core/answer-passages.js";
import type { Passage, RetrieveOptions, Retriever } from "../../../src/core/ports.js";

const passage = (id: string, kind: Passage["kind"], score: number): Passage => ({ id, text: id, title: id, source: id, kind, score });

/** A retriever over a fixed ranking, honouring `kind` as the real one does. */
function fixedRetriever(ranking: Passage[]): Retriever & { calls: RetrieveOptions[] } {
  const calls: RetrieveOptions[] = [];
  return {
    calls,
    async search(_query: string, options: RetrieveOptions) {
      calls.push(options);
      return ranking.filter((p) => !options.kind || p.kind === options.kind).slice(0, options.k);
    },
  };
}

describe("passages for a knowledge answer", () => {
  it("ranks the documents alone when a listing wins only narrowly", async () => {
    const retriever = fixedRetriever([passage("maatje", "listing", 1), passage("doc-a", "knowledge", 0.6), passage("doc-b", "knowledge", 0.5)]);
    const result = await searchForAnswer(retriever, "valt een maatje hier ook onder", 5);
    expect(result.map((p) => p.id)).toEqual(["doc-a", "doc-b"]);
  });

  it("keeps a listing first when no document comes close (the question names it)", async () => {
    const low = (LISTING_MARGIN / 2) * 1;
    const retriever = fixedRetriever([passage("geldloket", "listing", 1), passage("doc-a", "knowledge", low)]);
    const result = await searchForAnswer(retriever, "wat doet het geldloket", 5);
    expect(result.map((p) => p.id)).toEqual(["geldloket", "doc-a"]);
  });

  it("leaves listings out below a document that ranks first", async () => {
    const retriever = fixedRetriever([passage("doc-a", "knowledge", 1), passage("sport", "listing", 0.9), passage("doc-b", "knowledge", 0.4)]);
    const result = await searchForAnswer(retriever, "wat is de sociale basis", 5);
    expect(result.map((p) => p.id)).toEqual(["doc-a", "doc-b"]);
  });

  it("searches once, deep enough to fill the places the listings leave", async () => {
    const ranking = [passage("sport", "listing", 0.9), ...[1, 2, 3].map((n) => passage(`doc-${n}`, "knowledge", 1 - n / 10))];
    const retriever = fixedRetriever([passage("doc-0", "knowledge", 1), ...ranking]);
    const result = await searchForAnswer(retriever, "wat is de sociale basis", 3);
    expect(result.map((p) => p.id)).toEqual(["doc-0", "doc-1", "doc-2"]);
    expect(retriever.calls).toEqual([{ k: 6 }]);
  });
});
