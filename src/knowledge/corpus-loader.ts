/**
 * Reads `knowledge/` (corpus Markdown files and the lexicon) and turns the corpus and the extra
 * documents (listings) into chunks. Also computes the content hash that decides when to rebuild.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chunkDocument, type Chunk, type ChunkOptions } from "./chunker.js";
import type { IndexDocument } from "./knowledge-index.js";
import { parseMarkdownDocument, type ParsedDocument } from "./markdown-document.js";

export interface CorpusFile {
  name: string;
  text: string;
}

export interface KnowledgeSources {
  corpus: CorpusFile[];
  /** Raw lexicon JSON ("" when there is none). */
  lexiconText: string;
  /** `questions/*.jsonl`: curated questions per passage (see passage-questions.ts). */
  questions: CorpusFile[];
}

export const lexiconPath = (knowledgeDir: string) => join(knowledgeDir, "lexicon", "synonyms.json");

/** Reads every `corpus/*.md` file (sorted by name, so the order is stable) and the lexicon. */
export function readKnowledgeSources(knowledgeDir: string): KnowledgeSources {
  const corpusDir = join(knowledgeDir, "corpus");
  let names: string[];
  try {
    names = readdirSync(corpusDir).filter((name) => name.endsWith(".md") && !name.startsWith("."));
  } catch (error) {
    throw new Error(`Kan de kennisbank niet lezen: map ${corpusDir} ontbreekt (${(error as Error).message})`, { cause: error });
  }
  names.sort();
  const corpus = names.map((name) => ({ name, text: readFileSync(join(corpusDir, name), "utf8") }));
  let lexiconText = "";
  try {
    lexiconText = readFileSync(lexiconPath(knowledgeDir), "utf8");
  } catch {
    // No lexicon: retrieval works without query expansion.
  }
  return { corpus, lexiconText, questions: readFolder(join(knowledgeDir, "questions"), ".jsonl") };
}

/** Every file with the ending in `dir`, sorted by name; none when the folder does not exist. */
function readFolder(dir: string, ending: string): CorpusFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(ending) && !name.startsWith("."));
  } catch {
    return [];
  }
  return names.sort().map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
}

/** Parses every corpus file; ids must be unique. */
export function parseCorpus(files: readonly CorpusFile[]): ParsedDocument[] {
  const seen = new Set<string>();
  return files.map((file) => {
    const parsed = parseMarkdownDocument(file.text, file.name.replace(/\.md$/, ""));
    if (seen.has(parsed.meta.id)) throw new Error(`Kennisbank: document-id "${parsed.meta.id}" komt twee keer voor (${file.name})`);
    seen.add(parsed.meta.id);
    return parsed;
  });
}

/** Chunks the corpus (section-aware) and adds each extra document (listing) as one chunk. */
export function buildChunks(documents: readonly ParsedDocument[], extra: readonly IndexDocument[], options: ChunkOptions): Chunk[] {
  const chunks = documents.flatMap((document) => chunkDocument(document, options));
  for (const doc of extra) {
    if (!doc.text.trim()) continue;
    chunks.push({
      id: `${doc.id}#0`,
      source: doc.id,
      title: doc.title,
      text: doc.text.trim(),
      ...(doc.url ? { url: doc.url } : {}),
      ...(doc.publisher ? { publisher: doc.publisher } : {}),
      ...(doc.year ? { year: doc.year } : {}),
      kind: doc.kind,
    });
  }
  return chunks;
}

/** sha256 over everything an index is built from; any change means a rebuild. */
export function contentHash(parts: { sources: KnowledgeSources; extra: readonly IndexDocument[]; settings: unknown }): string {
  const hash = createHash("sha256");
  const field = (value: string) => hash.update(`${value.length}:`).update(value);
  field(JSON.stringify(parts.settings));
  for (const file of parts.sources.corpus) {
    field(file.name);
    field(file.text);
  }
  field(parts.sources.lexiconText);
  for (const file of parts.sources.questions) {
    field(file.name);
    field(file.text);
  }
  for (const doc of parts.extra) field(JSON.stringify(doc));
  return hash.digest("hex");
}
