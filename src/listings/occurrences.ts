import type { ScheduleEntry } from "./listing-model.js";
import { addDays, daysInMonth, weekday, type LocalDate, type LocalNow } from "./local-calendar.js";

/** A local day with what a schedule needs to know about it. */
export interface DayInfo {
  date: LocalDate;
  weekday: number;
  /** Which occurrence of its weekday in the month (1–5). */
  nthInMonth: number;
  /** True when it is the last such weekday of the month. */
  isLast: boolean;
}

/** A span of local minutes on one day, for "is it on at the asked time". */
export interface DaySlot extends DayInfo {
  from: number;
  to: number;
}

export interface Occurrence {
  date: LocalDate;
  weekday: number;
  start: number;
  end: number;
}

export function dayInfo(date: LocalDate): DayInfo {
  return {
    date,
    weekday: weekday(date),
    nthInMonth: Math.ceil(date.day / 7),
    isLast: date.day + 7 > daysInMonth(date),
  };
}

/** True when a schedule entry happens on that day (weekly, or the right nth/last weekday of the month). */
export function entryOnDay(entry: ScheduleEntry, day: DayInfo): boolean {
  if (entry.day !== day.weekday) return false;
  if (entry.nth === 0) return true;
  if (entry.nth === -1) return day.isLast;
  return entry.nth === day.nthInMonth;
}

/** True when any entry overlaps any slot. `nu` is a slot [now, now+60): open now or starting within the hour. */
export function onDuring(entries: ScheduleEntry[], slots: DaySlot[]): boolean {
  for (const slot of slots) {
    for (const e of entries) {
      if (e.start < slot.to && e.end > slot.from && entryOnDay(e, slot)) return true;
    }
  }
  return false;
}

/** A local day `offset` days from today. */
export interface UpcomingDay extends DayInfo {
  offset: number;
}

/** The last answer of {@link upcomingDays}: the same for every search on one day. */
let lastDays: { key: string; days: readonly UpcomingDay[] } | undefined;

/** Today and the next `count` days, shared between listings and searches (read-only). */
export function upcomingDays(now: LocalNow, count = 40): readonly UpcomingDay[] {
  const key = `${now.year}-${now.month}-${now.day}+${count}`;
  if (lastDays?.key === key) return lastDays.days;
  const today: LocalDate = { year: now.year, month: now.month, day: now.day };
  const days = Array.from({ length: count + 1 }, (_, offset) => ({ ...dayInfo(offset === 0 ? today : addDays(today, offset)), offset }));
  lastDays = { key, days };
  return days;
}

/**
 * The next time the schedule happens at or after `now` (an occurrence still going on counts),
 * optionally only inside `slots`. Monthly entries recur within 5 weeks, so 40 days are enough;
 * undefined for an empty schedule (op afspraak).
 */
export function nextOccurrence(
  entries: ScheduleEntry[],
  now: LocalNow,
  slots?: DaySlot[],
  days: readonly UpcomingDay[] = upcomingDays(now),
): (Occurrence & { daysAhead: number }) | undefined {
  if (entries.length === 0) return undefined;
  for (const day of days) {
    let best: ScheduleEntry | undefined;
    for (const e of entries) {
      if (!entryOnDay(e, day)) continue;
      if (day.offset === 0 && e.end <= now.minutes) continue;
      if (slots && !slots.some((s) => sameDay(s, day) && e.start < s.to && e.end > s.from)) continue;
      if (!best || e.start < best.start) best = e;
    }
    if (best) return { date: day.date, weekday: day.weekday, start: best.start, end: best.end, daysAhead: day.offset };
  }
  return undefined;
}

function sameDay(a: DayInfo, b: DayInfo): boolean {
  return a.date.year === b.date.year && a.date.month === b.date.month && a.date.day === b.date.day;
}
