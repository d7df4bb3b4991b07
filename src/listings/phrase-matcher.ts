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

export function compilePhrases(groups: Record<string, readonly string[]>): PhraseSet {
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
  const fuzzyCache = new Map<string, boolean>();

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
    const key = `${a}\u0000${b}`;
    let hit = fuzzyCache.get(key);
    if (hit === undefined) {
      hit = boundedEditDistance(a, b, typos) <= typos;
      if (fuzzyCache.size > 50_000) fuzzyCache.clear();
      fuzzyCache.set(key, hit);
    }
    return hit;
  }

  function run(tokens: string[], taken: boolean[], fuzzy: boolean, out: PhraseMatch[]) {
    for (const phrase of phrases) {
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

function pattern(word: string): TokenPattern {
  if (word === "?") return { kind: "any", text: "" };
  if (word.endsWith("*")) return { kind: "prefix", text: word.slice(0, -1) };
  if (word.startsWith("*")) return { kind: "suffix", text: word.slice(1) };
  return { kind: "exact", text: word };
}

function specificity(p: Phrase): number {
  return p.words.reduce((n, w) => n + (w.kind === "exact" ? 2 : w.kind === "any" ? 0 : 1), 0);
}
