/**
 * The corpus vocabulary: which stems and written words the index knows. Used to split compounds
 * ("buurtcontact" ↔ "buurt" + "contact") and to correct typos in queries ("vrijwiliger").
 */
import { stemWord, tokenize } from "./dutch-text.js";
import { nld } from "stopword";
import { boundedEditDistance } from "../text/edit-distance.js";

export interface Vocabulary {
  /** Stem → number of chunks containing it. */
  stemFrequency: ReadonlyMap<string, number>;
  /** Written (folded) word → its stem. */
  words: ReadonlyMap<string, string>;
  /** Written word → occurrences, to prefer common words when correcting typos. */
  wordFrequency: ReadonlyMap<string, number>;
  /** Memo of {@link splitCompound} against this vocabulary (word → parts or null). */
  compounds: Map<string, [string, string] | null>;
}

/** Builds the vocabulary of a set of texts (one text per chunk). */
export function buildVocabulary(texts: readonly string[]): Vocabulary {
  const stemFrequency = new Map<string, number>();
  const words = new Map<string, string>();
  const wordFrequency = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const token of tokenize(text)) {
      if (token.stop) continue;
      words.set(token.surface, token.stem);
      wordFrequency.set(token.surface, (wordFrequency.get(token.surface) ?? 0) + 1);
      if (!seen.has(token.stem)) {
        seen.add(token.stem);
        stemFrequency.set(token.stem, (stemFrequency.get(token.stem) ?? 0) + 1);
      }
    }
  }
  return { stemFrequency, words, wordFrequency, compounds: new Map() };
}

/** {@link splitCompound} against the vocabulary's own stems, memoised. */
export function splitKnownCompound(word: string, vocabulary: Vocabulary): [string, string] | null {
  let parts = vocabulary.compounds.get(word);
  if (parts === undefined) {
    parts = splitCompound(word, (stem) => vocabulary.stemFrequency.has(stem));
    if (vocabulary.compounds.size >= 50_000) vocabulary.compounds.clear(); // questions keep adding words
    vocabulary.compounds.set(word, parts);
  }
  return parts;
}

const MIN_PART = 4;
const MIN_TAIL = 3;
/** A function word is never part of a compound: "meenemen" is not "meen|men". */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(nld);

/**
 * {@link splitCompound}, and when no two known parts make the word, a known first part followed by a
 * tail that is itself a two-part compound ("buurt|sport|programma"). For question words only:
 * residents stack compounds the sources spell apart. Returns the parts' stems, or null.
 */
export function splitCompoundDeep(word: string, isKnown: (stem: string) => boolean): string[] | null {
  const two = splitCompound(word, isKnown);
  if (two) return two;
  for (let i = MIN_PART; i <= word.length - (MIN_PART + MIN_TAIL); i += 1) {
    const left = word.slice(0, i);
    const leftStem = [left, left.replace(/(?<=..)(s|e|en)$/, "")].map(stemWord).find(isKnown);
    if (!leftStem) continue;
    const tail = splitCompound(word.slice(i), isKnown);
    if (tail) return [leftStem, ...tail];
  }
  return null;
}

/**
 * Splits a written word into two parts whose stems are both known (`isKnown`), allowing the Dutch
 * linking -s- and -e(n)- ("vrijwilligers|werk", "buurt|contact"). Returns the stems of the parts,
 * or null. Prefers the most balanced split.
 */
export function splitCompound(word: string, isKnown: (stem: string) => boolean): [string, string] | null {
  if (word.length < MIN_PART + MIN_TAIL || /\d/.test(word)) return null;
  let best: [string, string] | null = null;
  let bestBalance = 0;
  for (let i = MIN_PART; i <= word.length - MIN_TAIL; i += 1) {
    const right = word.slice(i);
    const rightStem = stemWord(right);
    if (!isKnown(rightStem) || (right.length < MIN_PART && rightStem !== right) || FUNCTION_WORDS.has(right)) continue;
    const left = word.slice(0, i);
    const leftOptions = [left, left.replace(/(?<=..)(s|e|en)$/, "")];
    for (const candidate of leftOptions) {
      if (candidate.length < MIN_PART - 1) continue;
      const leftStem = stemWord(candidate);
      if (!isKnown(leftStem) && !isKnown(candidate)) continue;
      const balance = Math.min(candidate.length, right.length);
      if (balance > bestBalance) {
        best = [isKnown(leftStem) ? leftStem : candidate, rightStem];
        bestBalance = balance;
      }
      break;
    }
  }
  return best;
}

/** How many typos a word of this length may carry and still be corrected. */
export function allowedTypos(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/**
 * Known words grouped by first letter, so correcting a typo compares a few hundred words, not the
 * whole vocabulary. Swapped first letters are found through the second letter's group.
 */
export class TypoIndex {
  private readonly byFirst = new Map<string, string[]>();

  constructor(
    words: Iterable<string>,
    private readonly frequency: (word: string) => number,
  ) {
    for (const word of new Set(words)) {
      if (word.length < 3) continue;
      const list = this.byFirst.get(word[0]!);
      if (list) list.push(word);
      else this.byFirst.set(word[0]!, [word]);
    }
  }

  /**
   * The closest known word within the allowed typos, preferring fewer edits, then the more
   * frequent word, then alphabetical order (deterministic). Null when nothing is close enough.
   */
  closest(word: string): string | null {
    const max = allowedTypos(word.length);
    if (max === 0) return null;
    const candidates = [...(this.byFirst.get(word[0]!) ?? [])];
    // People rarely mistype the first letter ("letten" is not "wetten"), but they do swap the first two.
    if (word.length > 1 && word[1] !== word[0]) {
      for (const candidate of this.byFirst.get(word[1]!) ?? []) if (candidate[1] === word[0]) candidates.push(candidate);
    }
    let best: string | null = null;
    let bestDistance = max + 1;
    let bestFrequency = -1;
    for (const candidate of candidates) {
      if (candidate === word || Math.abs(candidate.length - word.length) > max) continue;
      const d = boundedEditDistance(word, candidate, max);
      if (d > max) continue;
      const f = this.frequency(candidate);
      if (d < bestDistance || (d === bestDistance && (f > bestFrequency || (f === bestFrequency && best !== null && candidate < best)))) {
        best = candidate;
        bestDistance = d;
        bestFrequency = f;
      }
    }
    return best;
  }
}

/** The closest of `candidates` to `word` within the allowed typos (see {@link TypoIndex}). */
export function closestWord(word: string, candidates: Iterable<string>, frequency: (w: string) => number): string | null {
  return new TypoIndex(candidates, frequency).closest(word);
}
