import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openKnowledgeIndex, type IndexDocument, type OpenIndexOptions } from "../../../src/knowledge/knowledge-index.js";

const DOC_A = `---
id: doc-a
title: "Koken in de buurt"
publisher: "Movisie"
year: 2020
url: https://example.org/a
---

# Koken in de buurt

## Thuiskoks

Vrijwillige thuiskoks koken voor buurtgenoten die dat zelf niet meer kunnen.

## Ontmoeting

Het buurthuis is een plek om elkaar te ontmoeten.
`;

const DOC_B = `---
id: doc-b
title: "Mantelzorg"
publisher: "VWS"
---

# Mantelzorg

## Steun

Gemeenten ondersteunen de mantelzorger met goede informatie.
`;

const LEXICON = JSON.stringify({
  version: 1,
  groups: [{ concept: "mantelzorg", everyday: ["ik zorg voor mijn moeder"], policy: ["mantelzorger"] }],
});

describe("knowledge index persistence", () => {
  let root: string;
  let progress: string[];
  let options: OpenIndexOptions;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "wijkwijzer-index-"));
    mkdirSync(join(root, "knowledge", "corpus"), { recursive: true });
    mkdirSync(join(root, "knowledge", "lexicon"), { recursive: true });
    writeFileSync(join(root, "knowledge", "corpus", "a.md"), DOC_A);
    writeFileSync(join(root, "knowledge", "corpus", "b.md"), DOC_B);
    writeFileSync(join(root, "knowledge", "lexicon", "synonyms.json"), LEXICON);
    progress = [];
    options = {
      knowledgeDir: join(root, "knowledge"),
      indexDir: join(root, "data", "index"),
      extraDocuments: [],
      embeddings: { provider: "local" },
      onProgress: (message) => progress.push(message),
    };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("builds on first open with progress, then loads the saved index when nothing changed", async () => {
    const first = await openKnowledgeIndex(options);
    expect(first.rebuilt).toBe(true);
    expect(first.chunkCount).toBe(3);
    expect(progress.join("\n")).toMatch(/Index: 2 documenten, 0 activiteiten, 3 stukken/);
    expect(progress.at(-1)).toMatch(/^Index klaar in \d+\.\d s/);
    const manifest = JSON.parse(readFileSync(join(options.indexDir, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ chunkCount: 3, documentCount: 2, embeddings: { provider: "local" } });
    expect(manifest.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const second = await openKnowledgeIndex(options);
    expect(second.rebuilt).toBe(false);
    const [hit] = await second.search("wie kookt er voor mijn buurman?", { k: 1 });
    expect(hit).toMatchObject({ id: "doc-a#0", source: "doc-a", title: "Koken in de buurt", section: "Thuiskoks", url: "https://example.org/a", publisher: "Movisie", year: 2020, kind: "knowledge" });
    expect(await second.search("wie kookt er voor mijn buurman?", { k: 3 })).toEqual(await first.search("wie kookt er voor mijn buurman?", { k: 3 }));
  });

  it("rebuilds when a corpus file, the lexicon or the extra documents change, or when forced", async () => {
    await openKnowledgeIndex(options);
    writeFileSync(join(root, "knowledge", "corpus", "b.md"), DOC_B.replace("goede informatie", "goede informatie en respijtzorg"));
    expect((await openKnowledgeIndex(options)).rebuilt).toBe(true);
    expect((await openKnowledgeIndex(options)).rebuilt).toBe(false);

    writeFileSync(join(root, "knowledge", "lexicon", "synonyms.json"), LEXICON.replace("moeder", "vader"));
    expect((await openKnowledgeIndex(options)).rebuilt).toBe(true);

    const listing: IndexDocument = { id: "listing:1", title: "Koffieochtend", text: "Elke dinsdag koffie in het buurthuis.", kind: "listing" };
    const withListing = await openKnowledgeIndex({ ...options, extraDocuments: [listing] });
    expect(withListing.rebuilt).toBe(true);
    expect(withListing.chunkCount).toBe(4);

    expect((await openKnowledgeIndex({ ...options, extraDocuments: [listing], force: true })).rebuilt).toBe(true);
  });

  it("rebuilds instead of failing when the saved index is damaged", async () => {
    await openKnowledgeIndex(options);
    writeFileSync(join(options.indexDir, "chunks.json"), "{ not json");
    const reopened = await openKnowledgeIndex(options);
    expect(reopened.rebuilt).toBe(true);
    expect(progress.some((m) => m.includes("opnieuw"))).toBe(true);
    expect((await reopened.search("mantelzorger", { k: 1 }))[0]?.source).toBe("doc-b");
  });

  it("filters by kind and uses the lexicon for everyday words", async () => {
    const listing: IndexDocument = { id: "listing:1", title: "Koffieochtend", text: "Elke dinsdag koffie in het buurthuis.", kind: "listing" };
    const index = await openKnowledgeIndex({ ...options, extraDocuments: [listing] });
    const listings = await index.search("buurthuis", { k: 5, kind: "listing" });
    expect(listings.map((p) => p.id)).toEqual(["listing:1#0"]);
    const knowledge = await index.search("buurthuis", { k: 5, kind: "knowledge" });
    expect(knowledge.every((p) => p.kind === "knowledge")).toBe(true);
    const [care] = await index.search("ik zorg voor mijn moeder", { k: 1 });
    expect(care?.source).toBe("doc-b");
    expect(await index.search("   ", { k: 3 })).toEqual([]);
    expect(await index.search("koffie", { k: 0 })).toEqual([]);
  });

  it("explains a missing corpus folder in Dutch", async () => {
    await expect(openKnowledgeIndex({ ...options, knowledgeDir: join(root, "nergens") })).rejects.toThrow(/kennisbank/);
  });
});
