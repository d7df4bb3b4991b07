/**
 * Section-aware chunking. A chunk never crosses a section boundary; inside a section, paragraphs
 * and list items are packed up to `maxChars`, long paragraphs are cut between sentences, and each
 * chunk repeats the last unit of the one before, so two neighbouring sentences always share a chunk.
 * Chunk text is the source's text verbatim, units joined by line breaks.
 */
import type { ParsedDocument } from "./markdown-document.js";

/** Front-matter type of a document the gemeente added itself (`knowledge add`). */
export const LOCAL_DOCUMENT_TYPE = "gemeentedocument";
import { splitSentences } from "./sentences.js";

export interface Chunk {
  /** `<document id>#<n>`, stable for unchanged input. */
  id: string;
  /** Document id (corpus id, or the listing's id). */
  source: string;
  title: string;
  /** Heading path joined with " > "; absent for text before the first heading and for listings. */
  section?: string;
  text: string;
  url?: string;
  publisher?: string;
  year?: number;
  /** Document type from the front matter ("startnotitie"); helps questions that name a source. */
  type?: string;
  kind: "knowledge" | "listing";
  /** Curated questions this chunk answers (`knowledge/questions/`): searched, never quoted. */
  questions?: string[];
}

export interface ChunkOptions {
  /** Target maximum chunk length in characters (a single long sentence may exceed it). */
  maxChars: number;
  /** The repeated unit is left out when it is longer than this. */
  maxOverlapChars: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxChars: 700, maxOverlapChars: 350 };

/** Chunks a parsed corpus document. */
export function chunkDocument(document: ParsedDocument, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  const { meta } = document;
  const chunks: Chunk[] = [];
  // A heading without text of its own ("## Wat is de sociale basis?" right before "### Historisch
  // perspectief") is carried into the next section's first chunk instead of becoming a chunk alone.
  let pendingHeadings: string[] = [];
  document.sections.forEach((section, index) => {
    const headings = [...pendingHeadings, ...(section.heading ? [section.heading] : [])];
    if (section.blocks.length === 0 && index < document.sections.length - 1) {
      pendingHeadings = headings;
      return;
    }
    pendingHeadings = [];
    const units = [
      ...headings,
      ...section.blocks.flatMap((block) => (block.length > options.maxChars ? splitSentences(block) : [block])),
    ];
    for (const text of packUnits(units, options, headings.length)) {
      chunks.push({
        id: `${meta.id}#${chunks.length}`,
        source: meta.id,
        title: meta.title,
        ...(section.path.length ? { section: section.path.join(" > ") } : {}),
        text,
        ...(meta.url ? { url: meta.url } : {}),
        ...(meta.publisher ? { publisher: meta.publisher } : {}),
        ...(meta.year ? { year: meta.year } : {}),
        ...(meta.type ? { type: meta.type } : {}),
        kind: "knowledge",
      });
    }
  });
  return chunks;
}

/**
 * Greedy packing with a one-unit overlap between consecutive chunks. The first `leading` units
 * are headings: they open the first chunk but never make a chunk on their own.
 */
export function packUnits(units: readonly string[], options: ChunkOptions, leading = 0): string[] {
  const chunks: string[] = [];
  let current: string[] = units.slice(0, leading);
  let size = current.reduce((sum, unit) => sum + unit.length + 1, 0);
  let fresh = 0; // units in `current` not already emitted in the previous chunk (headings do not count)
  if (leading > 0 && leading === units.length) return [current.join("\n")];
  for (const unit of units.slice(leading)) {
    if (current.length && size + unit.length + 1 > options.maxChars && fresh > 0) {
      chunks.push(current.join("\n"));
      const last = current[current.length - 1]!;
      current = last.length <= options.maxOverlapChars ? [last] : [];
      size = current.length ? last.length : 0;
      fresh = 0;
    }
    current.push(unit);
    size += unit.length + 1;
    fresh += 1;
  }
  if (fresh > 0) chunks.push(current.join("\n"));
  return chunks;
}
