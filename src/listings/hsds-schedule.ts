/**
 * HSDS schedules (RFC 5545 recurrence parts: `freq`, `interval`, `byday`, `bymonthday`, `byweekno`,
 * `byyearday`, `wkst`, `count`, `until`, `dtstart`, `valid_from`/`valid_to`, plus `opens_at`/`closes_at`;
 * HSDS 2's `weekday`) as entries of our schedule notation `[NTH ]DAY HH:MM-HH:MM`.
 *
 * Our notation knows "every such weekday" and "the 1st–4th or last such weekday of the month". A rule
 * is expanded with `rrule` over the coming year and kept only when one of those patterns gives exactly
 * the same days; otherwise (every other week, the 15th of the month, one season) the import says so
 * as a warning and keeps the schedule's own description, rather than telling residents a wrong day.
 */
import { createRequire } from "node:module";
import { DAY_CODES } from "./listing-model.js";
import { clock } from "./schedule.js";
import { str, type Row } from "./hsds-tables.js";
import { asPattern } from "./recurrence-pattern.js";

// rrule ships CommonJS under an ESM type declaration: load it through require, typed by its declarations.
const { RRule } = createRequire(import.meta.url)("rrule") as typeof import("rrule");
type RRuleOptions = ConstructorParameters<typeof RRule>[0];

const RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
const WEEKDAYS = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];
const FREQS: Record<string, number> = { YEARLY: RRule.YEARLY, MONTHLY: RRule.MONTHLY, WEEKLY: RRule.WEEKLY, DAILY: RRule.DAILY };
const DAY_MS = 86_400_000;
/** Rules that end within this many days are a short series, not an opening time to show as a fixed rhythm. */
const SHORT_SERIES_DAYS = 56;

export interface ScheduleProblem {
  field: string;
  message: string;
}

export interface HsdsSchedule {
  /** Entries in our notation, e.g. `di 10:00-12:00`, `laatste vr 19:00-21:00`. */
  entries: string[];
  /** Really invalid data: the listing is refused. */
  errors: ScheduleProblem[];
  /** What could not be taken over exactly; the import goes on. */
  warnings: ScheduleProblem[];
  /** Text to keep with the listing when the rule itself could not be taken over. */
  note?: string;
}

interface DayRule {
  day: number;
  /** 0 = every such day in the period of `freq`; 1…5 or -1…-5 = which one in the month. */
  nth: number;
}

/** Reads one HSDS schedule row; `today` (UTC midnight of the local date) decides what has expired. */
export function readHsdsSchedule(s: Row, today: Date): HsdsSchedule {
  const out: HsdsSchedule = { entries: [], errors: [], warnings: [] };
  const description = str(s.description) || str(s.notes);
  const keep = () => {
    if (description) out.note = description;
    return out;
  };
  const error = (field: string, message: string) => {
    out.errors.push({ field, message });
    return out;
  };
  const warn = (field: string, message: string) => out.warnings.push({ field, message });

  const hasOpens = str(s.opens_at) !== "";
  const hasCloses = str(s.closes_at) !== "";
  const opens = timeOf(s.opens_at);
  const closes = timeOf(s.closes_at);
  if (hasOpens && opens === undefined) return error("opens_at", `tijd "${str(s.opens_at)}" klopt niet (schrijf bijvoorbeeld 10:00)`);
  if (hasCloses && closes === undefined) return error("closes_at", `tijd "${str(s.closes_at)}" klopt niet (schrijf bijvoorbeeld 12:00)`);
  if (opens !== undefined && closes !== undefined && closes <= opens) {
    return error("closes_at", `sluitingstijd ${str(s.closes_at)} ligt niet na openingstijd ${str(s.opens_at)}`);
  }

  const days = readDays(s, out);
  if (out.errors.length > 0) return out;
  const freqText = str(s.freq).toUpperCase();
  if (freqText && FREQS[freqText] === undefined) return error("freq", `"${str(s.freq)}" bestaat niet; gebruik WEEKLY of MONTHLY (of DAILY, YEARLY)`);
  const freq = freqText || (days.length > 0 ? "WEEKLY" : "");
  if (!freq) {
    if (opens === undefined && closes === undefined && description) {
      warn("byday", "geen dag en tijd, alleen een beschrijving: overgenomen als 'op afspraak' met die beschrijving");
      return keep();
    }
    return error("byday", "geen dag opgegeven (byday, bijvoorbeeld TU of 1TH)");
  }
  if (opens === undefined || closes === undefined) {
    warn(opens === undefined ? "opens_at" : "closes_at", "openingstijd of sluitingstijd ontbreekt: dit rooster is niet overgenomen" + (description ? "; de beschrijving wel" : ""));
    return keep();
  }

  const numbers = (field: string, min: number, max: number): number[] | undefined => {
    const text = str(s[field]);
    if (!text) return [];
    const values = text.split(",").map((p) => Number(p.trim()));
    if (values.some((n) => !Number.isInteger(n) || n === 0 || n < min || n > max)) {
      error(field, `"${text}" klopt niet (gehele getallen van ${min} tot ${max}, zonder 0, gescheiden door komma's)`);
      return undefined;
    }
    return values;
  };
  const bymonthday = numbers("bymonthday", -31, 31);
  const byweekno = numbers("byweekno", -53, 53);
  const byyearday = numbers("byyearday", -366, 366);
  const intervalText = str(s.interval);
  const interval = intervalText ? Number(intervalText) : 1;
  if (!Number.isInteger(interval) || interval < 1) return error("interval", `"${intervalText}" klopt niet (een heel getal, 1 of meer)`);
  const countText = str(s.count);
  const count = countText ? Number(countText) : undefined;
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) return error("count", `"${countText}" klopt niet (een heel getal, 1 of meer)`);
  const dates: Record<string, Date | undefined> = {};
  for (const field of ["valid_from", "valid_to", "dtstart", "until"]) {
    const text = str(s[field]);
    if (!text) continue;
    const date = dateOf(text);
    if (!date) return error(field, `datum "${text}" klopt niet (schrijf JJJJ-MM-DD)`);
    dates[field] = date;
  }
  const wkstText = str(s.wkst).toUpperCase();
  const wkst = wkstText ? (RRULE_DAYS as readonly string[]).indexOf(wkstText) : 0;
  if (wkst < 0) return error("wkst", `"${str(s.wkst)}" is geen dag (MO, TU, WE, TH, FR, SA of SU)`);
  if (!bymonthday || !byweekno || !byyearday) return out;

  const ends = [dates.valid_to, dates.until].filter((d): d is Date => d !== undefined);
  const end = ends.length > 0 ? new Date(Math.min(...ends.map((d) => d.getTime()))) : undefined;
  if (end && end < today) {
    warn("valid_to", `dit rooster is verlopen (geldig tot ${iso(end)}) en is niet overgenomen`);
    return keep();
  }
  if (dates.valid_from && dates.valid_from > today) warn("valid_from", `dit rooster begint pas op ${iso(dates.valid_from)}; het wordt nu al getoond`);

  const simple = interval === 1 && !bymonthday.length && !byweekno.length && !byyearday.length && count === undefined && !end && days.length > 0;
  const simpleNth = days.every((d) => (freq === "MONTHLY" ? d.nth >= -1 && d.nth <= 4 : d.nth === 0));
  let found: Array<{ day: number; nth: number }>;
  if (simple && (freq === "WEEKLY" || freq === "MONTHLY") && simpleNth) {
    found = days.map((d) => ({ day: d.day, nth: freq === "MONTHLY" ? d.nth : 0 }));
  } else {
    const options: RRuleOptions = {
      freq: FREQS[freq]!,
      interval,
      wkst: WEEKDAYS[wkst]!,
      dtstart: dates.dtstart ?? dates.valid_from ?? today,
      ...(days.length > 0 ? { byweekday: days.map((d) => (d.nth === 0 ? WEEKDAYS[d.day]! : WEEKDAYS[d.day]!.nth(d.nth))) } : {}),
      ...(bymonthday.length > 0 ? { bymonthday } : {}),
      ...(byweekno.length > 0 ? { byweekno } : {}),
      ...(byyearday.length > 0 ? { byyearday } : {}),
      ...(count !== undefined ? { count } : {}),
      ...(end ? { until: new Date(end.getTime() + DAY_MS - 1) } : {}),
    };
    const from = dates.valid_from && dates.valid_from > today ? dates.valid_from : today;
    const occurrences = new RRule(options).between(from, new Date(from.getTime() + 371 * DAY_MS), true);
    if (occurrences.length === 0) {
      warn("freq", "dit rooster komt het komende jaar niet meer voor en is niet overgenomen");
      return keep();
    }
    const last = occurrences[occurrences.length - 1]!;
    if ((end || count !== undefined) && last.getTime() - from.getTime() < SHORT_SERIES_DAYS * DAY_MS) {
      warn("until", `dit rooster loopt maar kort (tot ${iso(last)}) en is niet als vaste tijd overgenomen`);
      return keep();
    }
    const result = asPattern(occurrences, from, last);
    if (result.unmatched.length > 0) {
      warn("freq", `${ruleText(s)} past niet in "elke week" of "de 1e–4e of laatste … van de maand": niet overgenomen voor ${result.unmatched.map((d) => DAY_CODES[d]).join(", ")}`);
      if (description) out.note = description;
    }
    if (end && result.found.length > 0) warn("valid_to", `dit rooster stopt op ${iso(end)}; importeer daarna een nieuwe versie`);
    found = result.found;
  }
  out.entries = found.map((d) => `${d.nth === 0 ? "" : d.nth === -1 ? "laatste " : `${d.nth}e `}${DAY_CODES[d.day]} ${clock(opens)}-${clock(closes)}`);
  return out;
}

/** `byday` (RFC 5545 `TU`, `1TH`, `-1FR`) or HSDS 2 `weekday` (1 = Monday … 7, or a day name). */
function readDays(s: Row, out: HsdsSchedule): DayRule[] {
  const byday = str(s.byday);
  const days: DayRule[] = [];
  if (byday) {
    for (const part of byday.split(",").map((p) => p.trim().toUpperCase()).filter(Boolean)) {
      const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(part);
      const nth = m?.[1] ? Number(m[1]) : 0;
      if (!m || Math.abs(nth) > 5) {
        out.errors.push({ field: "byday", message: `"${part}" klopt niet; gebruik MO…SU, eventueel met 1–5 of -1 ervoor (1TU = eerste dinsdag, -1FR = laatste vrijdag)` });
        return [];
      }
      days.push({ day: (RRULE_DAYS as readonly string[]).indexOf(m[2]!), nth });
    }
    return days;
  }
  const weekday = s.weekday ?? s.day_of_week;
  if (weekday === undefined || weekday === null || str(weekday) === "") return days;
  const day = dayFromWeekday(weekday);
  if (day === undefined) out.errors.push({ field: "weekday", message: `dag "${str(weekday)}" onbekend (1 = maandag … 7 = zondag)` });
  else days.push({ day, nth: 0 });
  return days;
}

function ruleText(s: Row): string {
  const parts = ["freq", "interval", "byday", "bymonthday", "byweekno", "byyearday"].filter((f) => str(s[f])).map((f) => `${f}=${str(s[f])}`);
  return parts.length > 0 ? `het rooster (${parts.join(", ")})` : "het rooster";
}

function timeOf(value: unknown): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(str(value));
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}

function dayFromWeekday(value: unknown): number | undefined {
  const text = str(value);
  if (/^\d$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= 7 ? n - 1 : undefined;
  }
  const key = text.toLowerCase().normalize("NFD").replace(/[^a-z]/g, "").slice(0, 2);
  const map: Record<string, number> = { mo: 0, tu: 1, we: 2, th: 3, fr: 4, sa: 5, su: 6, ma: 0, di: 1, wo: 2, do: 3, vr: 4, za: 5, zo: 6 };
  return map[key];
}

/** A `YYYY-MM-DD` date (a time after it is ignored) as UTC midnight. */
function dateOf(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 ? d : undefined;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
