/**
 * Picks quotable sentences from retrieved passages and measures how well a text covers a
 * question. Coverage is the share of the question's content words (weighted by how informative
 * they are) that a text contains: an absolute signal, unlike a rank, so it can say "not sure".
 */
import type { Passage } from "../core/ports.js";
import { contentStems, tokenize } from "../knowledge/dutch-text.js";
import { splitSentences } from "../knowledge/sentences.js";
import type { QueryWord } from "../knowledge/query-analyzer.js";
import { definedStems } from "../knowledge/text-features.js";

/** Credit for a word found only through its lexicon concept ("eenzaam" → "ontmoeting"). */
const RELATED_CREDIT = 0.4;
/** List items shorter than this are quoted together with their neighbours. */
const SHORT_LINE = 45;
const MAX_GROUP_CHARS = 260;
/** Shortest remainder for a question word to count as part of a compound. */
const MIN_REST = 4;

/** Plain stems of the question when no index analysis is available (no typos or lexicon). */
export function plainQuestionWords(question: string): QueryWord[] {
  const seen = new Set<string>();
  return tokenize(question)
    .filter((t) => !t.stop && !seen.has(t.stem) && seen.add(t.stem))
    .map((t) => ({ surface: t.surface, stem: t.stem, direct: [t.stem], parts: [], related: [], weight: 1, unknown: false }));
}

/**
 * Adds the question's stems that a text contains inside a compound: "kinderactiviteit" contains
 * "activiteit" and "kind". Only stems of at least four letters, at the start or end of a word.
 */
export function withCompoundParts(stems: ReadonlySet<string>, words: readonly QueryWord[]): Set<string> {
  const result = new Set(stems);
  const wanted = new Set(words.flatMap((w) => [...w.direct, ...w.parts, ...w.related]).filter((s) => s.length >= 4));
  for (const stem of stems) {
    if (stem.length < 7) continue;
    for (const part of wanted) {
      // The rest must be a word of its own too: "openbar" is not "open" + "bar".
      if (stem.length - part.length >= MIN_REST && (stem.startsWith(part) || stem.endsWith(part))) result.add(part);
    }
  }
  return result;
}

/** Is the word itself (not just its concept) in the stems? */
export function contains(stems: ReadonlySet<string>, word: QueryWord): boolean {
  return word.direct.some((s) => stems.has(s)) || (word.parts.length > 0 && word.parts.every((s) => stems.has(s)));
}

/** Weighted share (0..1) of the question words found in a set of stems. */
export function coverage(words: readonly QueryWord[], stems: ReadonlySet<string>): number {
  let total = 0;
  let found = 0;
  for (const word of words) {
    total += word.weight;
    if (contains(stems, word)) found += word.weight;
    else if (word.related.some((s) => stems.has(s))) found += word.weight * RELATED_CREDIT;
  }
  return total > 0 ? found / total : 0;
}

export interface Candidate {
  /** Verbatim text to quote (list items may be joined with "; "). */
  text: string;
  passageIndex: number;
  /** Position within the passage, to keep quotes in reading order. */
  position: number;
  stems: Set<string>;
}

/** Removes what is markup rather than the source's words: footnote marks and link targets. */
export function cleanForQuote(text: string): string {
  return text
    .replace(/\[\^\d+\]/g, "")
    .replace(/\[([^\]]+)\]\((?:[^)]*)\)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** Joins short list items into one quotable piece: "Steeds cultureel diverser; Steeds vaker alleen". */
function joinItems(items: readonly string[]): string {
  return items.reduce((text, item) => (text ? `${text}${/[.!?:;]$/.test(text) ? " " : "; "}${item}` : item), "");
}

/**
 * Lines that are not the source's statements: reading-list links, bare URLs, and attributions
 * ("Bron: …", "Uit: …", "Zie: …").
 */
const NOT_QUOTABLE = /\]\([^)]*\)|https?:\/\/|www\.|^\s*(?:bron|bronnen|uit|zie)\s*:/i;

/**
 * The quotable pieces of a passage: sentences of its lines; runs of short list items become one
 * piece. Left out: headings of the passage's own section path, links, and questions (a slide's
 * "Wat is de sociale basis?" is not an answer).
 */
export function candidatesOf(passage: Passage, passageIndex: number, words: readonly QueryWord[] = []): Candidate[] {
  const headings = new Set((passage.section ?? "").split(" > ").map((h) => h.trim()));
  const lines = passage.text
    .split("\n")
    .filter((line) => !NOT_QUOTABLE.test(line))
    .map(cleanForQuote)
    .filter((line) => line && !headings.has(line));
  const pieces: string[] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length) pieces.push(joinItems(group));
    group = [];
  };
  for (const line of lines) {
    if (line.endsWith("?")) {
      flush();
      continue;
    }
    // "Maatschappelijke ontwikkelingen die … stimuleren:" introduces the list that follows.
    if (line.endsWith(":") && line.length < MAX_GROUP_CHARS / 2) {
      flush();
      group.push(line);
      continue;
    }
    if (line.length < SHORT_LINE || (group.length > 0 && group[0]!.endsWith(":") && joinItems([...group, line]).length <= MAX_GROUP_CHARS)) {
      group.push(line.replace(/[;,]$/, ""));
      if (joinItems(group).length > MAX_GROUP_CHARS) flush();
      continue;
    }
    flush();
    pieces.push(...splitSentences(line).filter((sentence) => !sentence.endsWith("?")));
  }
  flush();
  return pieces.map((text, position) => ({
    text,
    passageIndex,
    position,
    stems: withCompoundParts(new Set(contentStems(text)), words),
  }));
}

/** Stems of everything a passage is found by: its text, section headings, title and publisher. */
export function passageStems(passage: Passage, words: readonly QueryWord[] = []): Set<string> {
  const stems = new Set(contentStems([passage.title, passage.publisher ?? "", passage.section ?? "", passage.text].join("\n")));
  return withCompoundParts(stems, words);
}

/**
 * Scores candidates: coverage of the question, a little for the passage's rank, and less for
 * very long or very short pieces (they quote badly).
 */
export function scoreCandidate(
  candidate: Candidate,
  words: readonly QueryWord[],
  passageWeight: number,
  definitionQuestion = false,
): number {
  const length = candidate.text.length;
  const lengthPenalty = length > 400 ? 0.15 : length < 25 ? 0.25 : length < 45 ? 0.12 : 0;
  // "Wat is X?" is best answered by a sentence that says "X is …".
  const defined = definitionQuestion ? new Set(definedStems(candidate.text)) : null;
  const definitionBonus = defined && words.some((w) => w.direct.some((s) => defined.has(s))) ? 0.3 : 0;
  return coverage(words, candidate.stems) + 0.25 * passageWeight + definitionBonus - lengthPenalty;
}
