/**
 * Local calendar arithmetic in one IANA time zone, with Intl only (no date library). Schedules are
 * wall-clock times, so after turning "now" into a local date and minute everything is plain
 * calendar arithmetic and daylight saving time needs no special case.
 */

/** A calendar day in the local zone. */
export interface LocalDate {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
}

export interface LocalNow extends LocalDate {
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The last answer of {@link toLocal}: Intl's formatToParts is slow, and the calls of one message share a minute. */
let lastLocal: { timeZone: string; minute: number; local: LocalNow } | undefined;

/** The local date and minute of an instant in `timeZone`. */
export function toLocal(instant: Date, timeZone: string): LocalNow {
  // Every zone's offset is a whole number of minutes, so one UTC minute is one local minute.
  const minute = Math.floor(instant.getTime() / 60_000);
  if (lastLocal?.minute === minute && lastLocal.timeZone === timeZone) return { ...lastLocal.local };
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const local = { year: parts.year!, month: parts.month!, day: parts.day!, minutes: (parts.hour! % 24) * 60 + parts.minute! };
  lastLocal = { timeZone, minute, local };
  return { ...local };
}

/** The date `n` days after `date` (n may be negative). */
export function addDays(date: LocalDate, n: number): LocalDate {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(date: LocalDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

export function daysInMonth(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

export function sameDate(a: LocalDate, b: LocalDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Parses `YYYY-MM-DD` to a date, or undefined when it is not a real calendar day. */
export function parseIsoDate(text: string): LocalDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date)) return undefined;
  return date;
}
