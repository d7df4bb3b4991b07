/**
 * Which entries of our schedule notation ("every such weekday", "the 1st–4th or last such weekday
 * of the month") give exactly the days a recurrence rule gives, checked on its expanded occurrences.
 */

const DAY_MS = 86_400_000;

/** Which weekly / nth-of-month entries give exactly these occurrences between `from` and `last`. */
export function asPattern(occurrences: Date[], from: Date, last: Date): { found: Array<{ day: number; nth: number }>; unmatched: number[] } {
  const found: Array<{ day: number; nth: number }> = [];
  const unmatched: number[] = [];
  for (let day = 0; day < 7; day++) {
    const seen = new Set(occurrences.filter((d) => weekdayOf(d) === day).map(iso));
    if (seen.size === 0) continue;
    const all: Date[] = [];
    for (let t = from.getTime(); t <= last.getTime(); t += DAY_MS) if (weekdayOf(new Date(t)) === day) all.push(new Date(t));
    const info = all.map((d) => ({ key: iso(d), nth: Math.ceil(d.getUTCDate() / 7), isLast: d.getUTCDate() + 7 > daysInMonth(d) }));
    const hit = info.filter((i) => seen.has(i.key));
    const same = (labels: number[]) => {
      const made = info.filter((i) => labels.includes(i.nth) || (labels.includes(-1) && i.isLast)).map((i) => i.key);
      return made.length === seen.size && made.every((k) => seen.has(k));
    };
    if (hit.length === all.length) {
      found.push({ day, nth: 0 });
      continue;
    }
    const nths = [...new Set(hit.map((i) => i.nth))].sort();
    const candidates = [nths.filter((n) => n <= 4), [-1, ...new Set(hit.filter((i) => !i.isLast).map((i) => i.nth))], [-1]];
    const labels = candidates.find((c) => c.length > 0 && c.every((n) => n <= 4) && same(c));
    if (labels) for (const nth of labels) found.push({ day, nth });
    else unmatched.push(day);
  }
  return { found, unmatched };
}

function weekdayOf(d: Date): number {
  return (d.getUTCDay() + 6) % 7;
}

function daysInMonth(d: Date): number {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
