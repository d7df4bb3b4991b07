import { boundedEditDistance } from "../text/edit-distance.js";
import { allowedTypos } from "./text-match.js";

/**
 * Finds vocabulary phrases in a tokenised message. A phrase is words separated by spaces:
 * `word*` matches words starting with `word`, `*word` words ending with it, `?` any one word.
 * Longer phrases win; matched tokens can be "consumed" so a later group does not read them again
 * (so "weinig geld" is a cost, not a money need).
 */

interface TokenPattern {
  kind: "exact" | "prefix" | "suffix" | "any";
  text: string;
}

interface Phrase {
  label: string;
  words: TokenPattern[];
}

export interface PhraseMatch {
  label: string;
  start: number;
  end: number;
}

export interface PhraseSet {
  match(tokens: string[], used: boolean[], options?: { consume?: boolean; fuzzy?: boolean }): PhraseMatch[];
  /** True when the word is (the exact form of) some phrase word: used to keep place matching off need words. */
  knows(word: string): boolean;
}

/**
 * `isWord`: a message word that is itself a vocabulary word (of any group) is never read as a typo of
 * another ("samen" is not "gamen").
 */
export function compilePhrases(groups: Record<string, readonly string[]>, options: { isWord?: (word: string) => boolean } = {}): PhraseSet {
  const phrases: Phrase[] = [];
  const words = new Set<string>();
  for (const [label, list] of Object.entries(groups)) {
    for (const phrase of list) {
      const parts = phrase.trim().toLowerCase().split(/\s+/).filter(Boolean);
      if (parts.length === 0) continue;
      phrases.push({ label, words: parts.map(pattern) });
      for (const p of parts) words.add(p.replace(/\*/g, ""));
    }
  }
  // Longest first; among equals, exact words before wildcards (more specific).
  phrases.sort((a, b) => b.words.length - a.words.length || specificity(b) - specificity(a));
  const firstWords = indexFirstWords(phrases);
  // Per vocabulary word, per message word: is it within the typos allowed?
  const fuzzyCache = new Map<string, Map<string, boolean>>();
  let fuzzyCached = 0;

  function tokenMatches(p: TokenPattern, token: string, fuzzy: boolean): boolean {
    switch (p.kind) {
      case "any":
        return true;
      case "exact":
        if (p.text === token) return true;
        return fuzzy && near(p.text, token);
      case "prefix":
        if (token.startsWith(p.text)) return true;
        return fuzzy && p.text.length >= 6 && token.length >= p.text.length && near(p.text, token.slice(0, p.text.length));
      case "suffix":
        return token.length > p.text.length && token.endsWith(p.text);
    }
  }

  function near(a: string, b: string): boolean {
    const typos = allowedTypos(Math.min(a.length, b.length));
    // Words whose lengths differ by more than the typos allowed cannot be that close: skip the edit distance.
    if (typos === 0 || Math.abs(a.length - b.length) > typos || /\d/.test(b)) return false;
    let forA = fuzzyCache.get(a);
    let hit = forA?.get(b);
    if (hit === undefined) {
      // Cached with the distance: the vocabulary word check asks every group.
      hit = !options.isWord?.(b) && boundedEditDistance(a, b, typos) <= typos;
      if (fuzzyCached > 50_000) {
        fuzzyCache.clear();
        fuzzyCached = 0;
        forA = undefined;
      }
      if (!forA) fuzzyCache.set(a, (forA = new Map()));
      forA.set(b, hit);
      fuzzyCached++;
    }
    return hit;
  }

  /**
   * The phrases (ascending, so in {@link phrases} order) whose first word matches some token: no
   * other phrase can match anywhere, so {@link run} need not try them.
   */
  function candidates(tokens: readonly string[], fuzzy: boolean): number[] {
    const found = new Set<number>(firstWords.other);
    for (const token of tokens) for (const i of startingWith(token, fuzzy)) found.add(i);
    return [...found].sort((a, b) => a - b);
  }

  // Per message word: the phrases whose first word it matches. The same words recur in every message.
  const starts = { exact: new Map<string, number[]>(), fuzzy: new Map<string, number[]>() };

  function startingWith(token: string, fuzzy: boolean): number[] {
    const memo = fuzzy ? starts.fuzzy : starts.exact;
    let list = memo.get(token);
    if (list) return list;
    const found: number[] = [...(firstWords.exact.get(token) ?? [])];
    for (let k = 0; k <= token.length; k++) found.push(...(firstWords.prefix.get(token.slice(0, k)) ?? []));
    if (fuzzy) {
      // near() allows at most two typos, so only words within two letters of the token's length can be near.
      for (let length = token.length - 2; length <= token.length + 2; length++) {
        for (const word of firstWords.exactByLength.get(length) ?? []) if (near(word, token)) found.push(...firstWords.exact.get(word)!);
      }
      for (const word of firstWords.fuzzyPrefixes) {
        if (token.length >= word.length && near(word, token.slice(0, word.length))) found.push(...firstWords.prefix.get(word)!);
      }
    }
    list = [...new Set(found)];
    if (memo.size >= 10_000) memo.clear();
    memo.set(token, list);
    return list;
  }

  function run(tokens: string[], taken: boolean[], fuzzy: boolean, out: PhraseMatch[]) {
    for (const index of candidates(tokens, fuzzy)) {
      const phrase = phrases[index]!;
      const n = phrase.words.length;
      for (let start = 0; start + n <= tokens.length; start++) {
        let ok = true;
        for (let k = 0; k < n && ok; k++) {
          // "?" may stand on a word another group already read ("iets gratis voor").
          const word = phrase.words[k]!;
          ok = (word.kind === "any" || !taken[start + k]) && tokenMatches(word, tokens[start + k]!, fuzzy);
        }
        if (!ok) continue;
        out.push({ label: phrase.label, start, end: start + n });
        for (let k = start; k < start + n; k++) taken[k] = true;
      }
    }
  }

  return {
    match(tokens, used, options = {}) {
      const out: PhraseMatch[] = [];
      // Within one call a token belongs to one phrase; with `consume` it stays taken for later calls.
      const taken = options.consume ? used : [...used];
      run(tokens, taken, false, out);
      if (options.fuzzy) run(tokens, taken, true, out);
      return out.sort((a, b) => a.start - b.start);
    },
    knows: (word) => words.has(word),
  };
}

interface FirstWordIndex {
  /** Phrase indices by an exact first word. */
  exact: Map<string, number[]>;
  /** Phrase indices by a prefix first word ("koffie*"). */
  prefix: Map<string, number[]>;
  /** Phrases starting with a suffix word or "?": always tried. */
  other: number[];
  /** Exact first words long enough for typos (five letters or more), by length. */
  exactByLength: Map<number, string[]>;
  /** Prefix first words long enough for typos (six letters or more). */
  fuzzyPrefixes: string[];
}

function indexFirstWords(phrases: readonly Phrase[]): FirstWordIndex {
  const index: FirstWordIndex = { exact: new Map(), prefix: new Map(), other: [], exactByLength: new Map(), fuzzyPrefixes: [] };
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  phrases.forEach((phrase, i) => {
    const first = phrase.words[0]!;
    if (first.kind === "exact") push(index.exact, first.text, i);
    else if (first.kind === "prefix") push(index.prefix, first.text, i);
    else index.other.push(i);
  });
  for (const word of index.exact.keys()) {
    if (word.length < 5) continue;
    index.exactByLength.set(word.length, [...(index.exactByLength.get(word.length) ?? []), word]);
  }
  index.fuzzyPrefixes = [...index.prefix.keys()].filter((word) => word.length >= 6);
  return index;
}

function pattern(word: string): TokenPattern {
  if (word === "?") return { kind: "any", text: "" };
  if (word.endsWith("*")) return { kind: "prefix", text: word.slice(0, -1) };
  if (word.startsWith("*")) return { kind: "suffix", text: word.slice(1) };
  return { kind: "exact", text: word };
}

function specificity(p: Phrase): number {
  return p.words.reduce((n, w) => n + (w.kind === "exact" ? 2 : w.kind === "any" ? 0 : 1), 0);
}
