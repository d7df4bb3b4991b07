/**
 * Small text tools for understanding short, often misspelled messages: normalisation (from
 * src/text), tokens, and closest-word hints (edit distance from src/text).
 */
import { boundedEditDistance } from "../text/edit-distance.js";

// Normalisation is the one under src/text; re-exported so callers keep their imports.
export { normalise, tokens } from "../text/normalise.js";

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
