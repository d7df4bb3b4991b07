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
/** A list item that starts with a short label and a colon ("Wijkteam Dukenburg: …"). */
const LABELLED_ITEM = /^[^:.!?]{3,44}: \S/;
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
  return new Set(addCompoundParts(stems, [...stems].filter((s) => s.length >= 7), compoundPartsOf(words)));
}

/** The question stems that {@link withCompoundParts} looks for inside compounds; once per question. */
export function compoundPartsOf(words: readonly QueryWord[]): string[] {
  return [...new Set(words.flatMap((w) => [...w.direct, ...w.parts, ...w.related]).filter((s) => s.length >= 4))];
}

/**
 * {@link withCompoundParts} on precomputed inputs: `long` are the stems that can hold a compound
 * (seven letters or more). Returns `stems` itself when nothing is added.
 */
function addCompoundParts(stems: ReadonlySet<string>, long: readonly string[], wanted: readonly string[]): ReadonlySet<string> {
  let result: Set<string> | undefined;
  for (const stem of long) {
    for (const part of wanted) {
      // The rest must be a word of its own too: "openbar" is not "open" + "bar".
      if (stem.length - part.length >= MIN_REST && (stem.startsWith(part) || stem.endsWith(part))) (result ??= new Set(stems)).add(part);
    }
  }
  return result ?? stems;
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
  stems: ReadonlySet<string>;
  /** {@link definedStems} of the text, when already known. */
  defined?: ReadonlySet<string>;
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
  return piecesOf(passage).map((text, position) => ({
    text,
    passageIndex,
    position,
    stems: withCompoundParts(new Set(contentStems(text)), words),
  }));
}

function piecesOf(passage: Passage): string[] {
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
    // "Wijkteam Dukenburg: Meijhorst 70. Inloop op maandag …": the label is the subject of every
    // sentence of the item, so a short labelled item is quoted whole.
    if (LABELLED_ITEM.test(line) && line.length <= MAX_GROUP_CHARS && !line.includes("?")) pieces.push(line);
    else pieces.push(...splitSentences(line).filter((sentence) => !sentence.endsWith("?")));
  }
  flush();
  return pieces;
}

/** Stems of everything a passage is found by: its text, section headings, title and publisher. */
export function passageStems(passage: Passage, words: readonly QueryWord[] = []): Set<string> {
  return withCompoundParts(new Set(contentStems(passageFindText(passage))), words);
}

function passageFindText(passage: Passage): string {
  return [passage.title, passage.publisher ?? "", passage.section ?? "", passage.text].join("\n");
}

interface StemmedText {
  stems: ReadonlySet<string>;
  /** The stems long enough to hold a compound (see {@link withCompoundParts}). */
  long: string[];
}

function stemmed(text: string): StemmedText {
  const stems = new Set(contentStems(text));
  return { stems, long: [...stems].filter((s) => s.length >= 7) };
}

interface AnalysedPassage {
  /** What the analysis was made from: a passage id whose text changed (a rebuilt index) is analysed again. */
  findText: string;
  whole: StemmedText;
  pieces?: Array<{ text: string; defined: ReadonlySet<string> } & StemmedText>;
}

/**
 * {@link passageStems} and {@link candidatesOf} with the question-independent work (splitting,
 * tokenising, stemming) done once per passage: the same chunks are retrieved again and again.
 * `parts` is {@link compoundPartsOf} the question, computed once per question.
 */
export interface PassageAnalysis {
  stems(passage: Passage, parts: readonly string[]): ReadonlySet<string>;
  candidates(passage: Passage, passageIndex: number, parts: readonly string[]): Candidate[];
}

/** A {@link PassageAnalysis} that remembers up to `limit` passages (then starts afresh). */
export function createPassageAnalysis(limit = 4096): PassageAnalysis {
  const memo = new Map<string, AnalysedPassage>();

  function analysed(passage: Passage): AnalysedPassage {
    const findText = passageFindText(passage);
    let entry = memo.get(passage.id);
    if (!entry || entry.findText !== findText) {
      if (memo.size >= limit) memo.clear();
      entry = { findText, whole: stemmed(findText) };
      memo.set(passage.id, entry);
    }
    return entry;
  }

  return {
    stems(passage, parts) {
      const { whole } = analysed(passage);
      return addCompoundParts(whole.stems, whole.long, parts);
    },
    candidates(passage, passageIndex, parts) {
      const entry = analysed(passage);
      entry.pieces ??= piecesOf(passage).map((text) => ({ text, defined: new Set(definedStems(text)), ...stemmed(text) }));
      return entry.pieces.map((piece, position) => ({
        text: piece.text,
        passageIndex,
        position,
        stems: addCompoundParts(piece.stems, piece.long, parts),
        defined: piece.defined,
      }));
    },
  };
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
  const defined = definitionQuestion ? (candidate.defined ?? new Set(definedStems(candidate.text))) : null;
  const definitionBonus = defined && words.some((w) => w.direct.some((s) => defined.has(s))) ? 0.3 : 0;
  return coverage(words, candidate.stems) + 0.25 * passageWeight + definitionBonus - lengthPenalty;
}
