/**
 * Small text tools for understanding short, often misspelled messages: normalisation (lower case,
 * no accents, no punctuation), tokens, and closest-word hints (edit distance from src/text).
 */
import { boundedEditDistance } from "../text/edit-distance.js";

/**
 * Lower case, accents removed from Latin letters (é → e, ü → u, ı → i, ł → l), Arabic spelling
 * variants folded (أ → ا, ة → ه), apostrophes dropped, everything that is not a letter or digit
 * turned into a single space. Cyrillic and Arabic letters stay.
 */
export function normalise(text: string, keepCase = false): string {
  let folded = keepCase ? text : text.toLowerCase();
  // Letters without a decomposition (Turkish ı, Polish ł) folded like accents: "yaşlı" = "yasli".
  if (/[ıłŁ]/.test(folded)) folded = folded.replace(/ı/g, "i").replace(/ł/g, "l").replace(/Ł/g, "L");
  // Arabic as people type it: hamza forms, ta marbuta and alef maksura folded; vowel marks and tatweel dropped.
  if (/[\u0600-\u06FF]/.test(folded)) {
    folded = folded.replace(/[أإآ]/g, "ا").replace(/ة/g, "ه").replace(/ى/g, "ي").replace(/[\u064B-\u065F\u0670\u0640]/g, "");
  }
  // Turkish writes case endings on names after an apostrophe ("Zeist'te", "Utrecht'ten"): the name stands alone.
  if (/['’]/.test(folded)) folded = folded.replace(/(\p{Lu}\p{L}*)['’](d[ae]n?|t[ae]n?|y?[ae]|[dt][ae]ki|n[iı]n|[iıuü]n)(?![\p{L}])/gu, "$1 $2");
  return folded
    .normalize("NFD")
    // Strip combining marks only after Latin letters: Cyrillic й and ї must keep theirs.
    .replace(/([a-zA-Z])[\u0300-\u036f]+/g, "$1")
    .normalize("NFC")
    .replace(/['’`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function tokens(text: string): string[] {
  const n = normalise(text);
  return n === "" ? [] : n.split(" ");
}

/** How many typos a word of this length may carry and still match: none for short words. */
export function allowedTypos(length: number): number {
  if (length < 5) return 0;
  if (length < 9) return 1;
  return 2;
}

/** The closest of `candidates` within the allowed typos, for "bedoelt u …?" hints. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const max = Math.max(2, allowedTypos(word.length));
  for (const c of candidates) {
    // "sporten" → "sport-en-bewegen": a word that shares its start with the first part of a value.
    const head = c.split("-")[0]!;
    const sharesStart = word.length >= 4 && head.length >= 4 && (c.startsWith(word) || word.startsWith(head));
    const d = sharesStart ? 1 : boundedEditDistance(word, c, max);
    if (d <= max && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
