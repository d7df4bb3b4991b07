/**
 * The coordinator's figures as `GET /desk/api/stats` returns them, and their CSV export.
 * Needs per wijk are counts only; a cell under {@link MIN_CELL} is left out, so a small area
 * cannot point at one person.
 */
import type { DayFigures, Period, UsageStats } from "./desk-ports.js";

export const MIN_CELL = 5;
const DAY = 86_400_000;

export class PeriodError extends Error {}

/** `from`/`to` as `YYYY-MM-DD` (both days included); default the last 30 days. */
export function parsePeriod(from: unknown, to: unknown, now: Date): Period {
  const parse = (v: unknown, name: string) => {
    if (v === undefined || v === "") return undefined;
    if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
      throw new PeriodError(`${name} moet een datum zijn zoals 2026-01-31.`);
    }
    return new Date(`${v}T00:00:00Z`);
  };
  const end = parse(to, "to");
  const start = parse(from, "from");
  const toExclusive = end ? new Date(end.getTime() + DAY) : new Date(now.getTime() + 1);
  const fromDate = start ?? new Date(toExclusive.getTime() - 30 * DAY);
  if (fromDate >= toExclusive) throw new PeriodError("from moet vóór to liggen.");
  return { from: fromDate, to: toExclusive };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** ISO week (`2026-W05`) of a `YYYY-MM-DD` day: the week's Thursday decides the year. */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7) + 3);
  const year = date.getUTCFullYear();
  const week = 1 + Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / DAY / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function perWeek(days: DayFigures[]) {
  const weeks = new Map<string, { week: string; messages: number; handoffs: number; conversationDays: number }>();
  for (const d of days) {
    const key = isoWeek(d.day);
    const w = weeks.get(key) ?? { week: key, messages: 0, handoffs: 0, conversationDays: 0 };
    w.messages += d.messages;
    w.handoffs += d.handoffs;
    // A conversation over two days counts on both: the sum of the days, named so.
    w.conversationDays += d.conversations;
    weeks.set(key, w);
  }
  return [...weeks.values()];
}

export async function deskStats(usage: UsageStats, period: Period) {
  const [totals, days, needs, gaps] = await Promise.all([
    usage.totals(period),
    usage.perDay(period),
    usage.needs(period),
    usage.gaps(period, { includeHandled: false, limit: 50 }),
  ]);
  const p50 = median(totals.claimSeconds);
  return {
    conversations: totals.conversations,
    messages: totals.messages,
    handoffs: totals.handoffs,
    timeToClaimP50Seconds: p50 === null ? null : Math.round(p50),
    feedback: { up: totals.feedbackUp, down: totals.feedbackDown, reasons: totals.feedbackReasons },
    unanswered: gaps.map((g) => ({ question: g.question, count: g.count, key: g.key })),
    needsByArea: needs.filter((n) => n.count >= MIN_CELL),
    // Beyond the fixed fields: what the coordinator's page shows too.
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    intents: totals.intents,
    ratings: { count: totals.ratings.length, average: totals.ratings.length ? round1(totals.ratings.reduce((a, b) => a + b, 0) / totals.ratings.length) : null },
    perDay: days,
    perWeek: perWeek(days),
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** RFC 4180 CSV: every field quoted when it needs to be; a leading = + - @ is defused for spreadsheets. */
export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  const field = (v: string | number | null) => {
    let s = v === null ? "" : String(v);
    if (/^[=+\-@]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}
