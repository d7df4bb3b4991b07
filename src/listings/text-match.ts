/**
 * Small text tools for understanding short, often misspelled messages: normalisation (lower case,
 * no accents, no punctuation), tokens, and an edit distance for fuzzy place and word matching.
 */

/**
 * Lower case, accents removed from Latin letters (é → e, ü → u), apostrophes dropped, everything
 * that is not a letter or digit turned into a single space. Cyrillic and Arabic letters stay.
 */
export function normalise(text: string, keepCase = false): string {
  return (keepCase ? text : text.toLowerCase())
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

/** Optimal string alignment distance (Levenshtein plus swapped neighbours), stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
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
    const d = sharesStart ? 1 : editDistance(word, c, max);
    if (d <= max && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
