// Three reusable rows: the function runs thousands of times a message and must not allocate.
const rows: Uint16Array[] = [new Uint16Array(64), new Uint16Array(64), new Uint16Array(64)];

/**
 * Optimal-string-alignment distance (Levenshtein plus swapping two neighbouring letters, the
 * most common typing slip), giving up early: returns `max + 1` as soon as the distance must
 * exceed `max`. Lexicon tokens are short, so this stays well under a microsecond a pair.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rows[0]!.length < n + 1) for (let r = 0; r < 3; r++) rows[r] = new Uint16Array(2 * (n + 1));
  let [prevPrev, prev, current] = rows as [Uint16Array, Uint16Array, Uint16Array];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[n]!;
}
