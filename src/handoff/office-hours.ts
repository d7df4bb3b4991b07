/**
 * Office hours of the sociaal werkers, e.g. `ma-vr 09:00-17:00; za 10:00-12:00`, in one IANA
 * time zone. Everything is wall-clock arithmetic on the local day and minute, so daylight
 * saving time needs no special case.
 */

const DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"] as const;
const DAY_NAMES = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

/** One opening window on one weekday (0 = Monday), in minutes since local midnight. */
export interface OfficeWindow {
  weekday: number;
  start: number;
  end: number;
}

/** When a person will next be available: `text` is Dutch, e.g. "maandag om 09:00". */
export interface NextOpening {
  /** Days from today (local): 0 = later today, 1 = tomorrow. */
  inDays: number;
  weekday: number;
  /** "09:00". */
  time: string;
  text: string;
}

export interface OfficeHours {
  windows: OfficeWindow[];
  isOpen(now: Date): boolean;
  /** The next opening after `now`, or null while open (or when no window exists at all). */
  nextOpening(now: Date): NextOpening | null;
}

export class OfficeHoursError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OfficeHoursError";
  }
}

/**
 * Parses `OFFICE_HOURS`: entries separated by `;` or `,`, each `DAY[-DAY] HH:MM-HH:MM` with DAY
 * one of ma di wo do vr za zo; a day range may wrap (`vr-ma`). Throws {@link OfficeHoursError}
 * naming the bad entry.
 */
export function parseOfficeHours(spec: string, timeZone: string): OfficeHours {
  const windows: OfficeWindow[] = [];
  for (const raw of spec.split(/[;,]/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z]{2})(?:-([a-z]{2}))? (\d{2}):(\d{2})-(\d{2}):(\d{2})$/i.exec(raw);
    const from = m ? DAYS.indexOf(m[1]!.toLowerCase() as (typeof DAYS)[number]) : -1;
    const to = m?.[2] ? DAYS.indexOf(m[2].toLowerCase() as (typeof DAYS)[number]) : from;
    if (!m || from < 0 || to < 0) {
      throw new OfficeHoursError(`OFFICE_HOURS: "${raw}" must look like "ma-vr 09:00-17:00"`);
    }
    const start = Number(m[3]) * 60 + Number(m[4]);
    const end = Number(m[5]) * 60 + Number(m[6]);
    if (Number(m[4]) > 59 || Number(m[6]) > 59 || end > 24 * 60 || start >= end) {
      throw new OfficeHoursError(`OFFICE_HOURS: "${raw}" needs a start time before its end time`);
    }
    for (let d = from; ; d = (d + 1) % 7) {
      windows.push({ weekday: d, start, end });
      if (d === to) break;
    }
  }
  if (windows.length === 0) throw new OfficeHoursError("OFFICE_HOURS is empty; use e.g. \"ma-vr 09:00-17:00\"");
  windows.sort((a, b) => a.weekday - b.weekday || a.start - b.start);

  const isOpenAt = (weekday: number, minutes: number) =>
    windows.some((w) => w.weekday === weekday && w.start <= minutes && minutes < w.end);

  return {
    windows,
    isOpen(now) {
      const local = localDayAndMinute(now, timeZone);
      return isOpenAt(local.weekday, local.minutes);
    },
    nextOpening(now) {
      const local = localDayAndMinute(now, timeZone);
      if (isOpenAt(local.weekday, local.minutes)) return null;
      for (let inDays = 0; inDays <= 7; inDays++) {
        const weekday = (local.weekday + inDays) % 7;
        const next = windows.find((w) => w.weekday === weekday && (inDays > 0 || w.start > local.minutes));
        if (next) return describe(inDays, weekday, next.start);
      }
      return null;
    },
  };
}

function describe(inDays: number, weekday: number, start: number): NextOpening {
  const time = `${String(Math.floor(start / 60)).padStart(2, "0")}:${String(start % 60).padStart(2, "0")}`;
  const day = DAY_NAMES[weekday]!;
  const when = inDays === 0 ? "vandaag" : inDays === 1 ? `morgen (${day})` : inDays === 7 ? `volgende week ${day}` : day;
  return { inDays, weekday, time, text: `${when} om ${time}` };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local weekday (0 = Monday) and minute of the day of an instant in `timeZone`. */
export function localDayAndMinute(instant: Date, timeZone: string): { weekday: number; minutes: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "numeric", minute: "numeric", hourCycle: "h23" });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday ?? "");
  return { weekday, minutes: (Number(parts.hour) % 24) * 60 + Number(parts.minute) };
}
