import { dayInfo, type DaySlot } from "./occurrences.js";
import { addDays, type LocalDate, type LocalNow } from "./local-calendar.js";
import type { PhraseMatch } from "./phrase-matcher.js";

/** When the person wants to go: local day slots, and how to say it back. */
export interface TimeAsk {
  /** Dutch, to say back: "nu", "vandaag", "vanavond", "dinsdag", "dit weekend". */
  label: string;
  slots: DaySlot[];
  /** True for `nu`: open now or starting within the hour. */
  now?: boolean;
}

const PART_RANGES = { ochtend: [6 * 60, 12 * 60], middag: [12 * 60, 18 * 60], avond: [18 * 60, 24 * 60] } as const;
type Part = keyof typeof PART_RANGES;

const WEEKDAYS: Record<string, number> = {
  maandag: 0, dinsdag: 1, woensdag: 2, donderdag: 3, vrijdag: 4, zaterdag: 5, zondag: 6,
  monday: 0, tuesday: 1, wednesday: 2, thursday: 3, friday: 4, saturday: 5, sunday: 6,
};
/** Words for Monday to Friday together. */
const WEEKDAY_WORDS = new Set(["doordeweeks", "doordeweekse", "werkdagen", "werkdag", "weekdagen", "weekdag", "weekdays", "weekday"]);
const DAY_NAMES = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

const PART_WORDS: Record<string, Part> = {
  ochtend: "ochtend", morgens: "ochtend", ochtends: "ochtend", morning: "ochtend",
  middag: "middag", middags: "middag", afternoon: "middag",
  avond: "avond", avonds: "avond", evening: "avond", night: "avond",
};

/**
 * Reads time words from normalised tokens: `nu`, `vandaag`, `morgen` (+ochtend/middag/avond),
 * `overmorgen`, `vanavond`, `vanmiddag`, `vanochtend`, `dit weekend`, `deze week`, `volgende week`,
 * weekdays (also `dinsdagochtend`, `op dinsdag`, `dinsdags`), and a part of the day alone
 * (`'s avonds`: any evening this week). Tokens that were read are marked in `used`.
 */
export function readTime(tokens: string[], used: boolean[], now: LocalNow): { ask?: TimeAsk; matches: PhraseMatch[] } {
  const today: LocalDate = { year: now.year, month: now.month, day: now.day };
  const matches: PhraseMatch[] = [];
  const take = (i: number, n = 1) => {
    matches.push({ label: "time", start: i, end: i + n });
    for (let k = i; k < i + n; k++) used[k] = true;
  };
  const partAfter = (i: number): Part | undefined => {
    const next = tokens[i + 1];
    const part = next ? PART_WORDS[next] : undefined;
    if (part) take(i + 1);
    return part;
  };
  const days: Array<{ date: LocalDate; part?: Part; label: string }> = [];
  let isNow = false;
  let partOnly: Part | undefined;

  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t === "nu" || t === "now" || t === "meteen" || (t === "op" && next === "dit" && tokens[i + 2] === "moment") || (t === "right" && next === "now")) {
      take(i, t === "op" ? 3 : t === "right" ? 2 : 1);
      isNow = true;
      continue;
    }
    if (t === "vandaag" || t === "today") {
      take(i);
      days.push({ date: today, label: "vandaag", ...withPart(partAfter(i)) });
      continue;
    }
    const van = /^van(ochtend|morgen|middag|avond)$/.exec(t)?.[1] ?? (t === "tonight" ? "avond" : t === "deze" && next && PART_WORDS[next] ? next : undefined);
    if (van) {
      take(i, t === "deze" ? 2 : 1);
      const part: Part = PART_WORDS[van] ?? (van === "morgen" ? "ochtend" : "avond");
      days.push({ date: today, part, label: `van${part}` });
      continue;
    }
    const tomorrow = /^(over)?morgen(ochtend|middag|avond)?$/.exec(t) ?? (t === "tomorrow" ? [t, undefined, undefined] : null);
    if (tomorrow) {
      take(i);
      const part = (tomorrow[2] as Part | undefined) ?? partAfter(i);
      const offset = tomorrow[1] ? 2 : 1;
      days.push({ date: addDays(today, offset), label: `${offset === 2 ? "overmorgen" : "morgen"}${part ?? ""}`, ...withPart(part) });
      continue;
    }
    const weekday = /^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(s|en)?(ochtend|middag|avond)?$/.exec(t) ?? (WEEKDAYS[t] !== undefined ? [t, t, undefined, undefined] : null);
    if (weekday) {
      take(i);
      const target = WEEKDAYS[weekday[1]!]!;
      const part = (weekday[3] as Part | undefined) ?? partAfter(i);
      const todayDay = dayInfo(today).weekday;
      const offset = (target - todayDay + 7) % 7;
      days.push({ date: addDays(today, offset), label: `${DAY_NAMES[target]}${part ?? ""}`, ...withPart(part) });
      continue;
    }
    if (t === "weekend" || t === "weekeinde") {
      take(i);
      if (i > 0 && ["dit", "het", "deze", "this"].includes(tokens[i - 1]!)) take(i - 1);
      const todayDay = dayInfo(today).weekday;
      const saturday = todayDay === 6 ? addDays(today, -1) : addDays(today, 5 - todayDay);
      for (const offset of [0, 1]) {
        const date = addDays(saturday, offset);
        if (Date.UTC(date.year, date.month - 1, date.day) >= Date.UTC(today.year, today.month - 1, today.day)) days.push({ date, label: "dit weekend" });
      }
      continue;
    }
    // "doordeweeks", "op werkdagen", "weekdays": Monday to Friday of the coming seven days.
    if (WEEKDAY_WORDS.has(t)) {
      take(i);
      for (let d = 0; d < 7; d++) {
        const date = addDays(today, d);
        if (dayInfo(date).weekday <= 4) days.push({ date, label: "doordeweeks" });
      }
      continue;
    }
    if ((t === "deze" || t === "volgende") && next === "week") {
      take(i, 2);
      const todayDay = dayInfo(today).weekday;
      const first = t === "deze" ? 0 : 7 - todayDay;
      const last = t === "deze" ? 6 - todayDay : 13 - todayDay;
      for (let d = first; d <= last; d++) days.push({ date: addDays(today, d), label: `${t} week` });
      continue;
    }
    const part = PART_WORDS[t];
    if (part && (t.endsWith("s") || tokens[i - 1] === "de" || tokens[i - 1] === "s" || tokens[i - 1] === "in")) {
      take(i);
      if (tokens[i - 1] === "s") take(i - 1);
      partOnly = part;
    }
  }

  if (isNow) {
    return { ask: { label: "nu", now: true, slots: nowSlots(today, now.minutes) }, matches };
  }
  if (days.length > 0) {
    const slots: DaySlot[] = [];
    for (const d of days) {
      const part = d.part ?? partOnly;
      const [from, to] = part ? PART_RANGES[part] : [0, 24 * 60];
      const isToday = d.date.year === today.year && d.date.month === today.month && d.date.day === today.day;
      slots.push({ ...dayInfo(d.date), from: isToday ? Math.max(from, now.minutes) : from, to });
    }
    const labels = [...new Set(days.map((d) => d.label))];
    return { ask: { label: labels.join(" of "), slots }, matches };
  }
  if (partOnly) {
    const [from, to] = PART_RANGES[partOnly];
    const slots: DaySlot[] = [];
    for (let d = 0; d < 7; d++) {
      const date = addDays(today, d);
      slots.push({ ...dayInfo(date), from: d === 0 ? Math.max(from, now.minutes) : from, to });
    }
    return { ask: { label: `in de ${partOnly}`, slots }, matches };
  }
  return { matches };
}

/** `nu`: open now or starting within the hour (past midnight continues on the next day). */
export function nowSlots(today: LocalDate, minutes: number): DaySlot[] {
  const slots: DaySlot[] = [{ ...dayInfo(today), from: minutes, to: Math.min(minutes + 60, 24 * 60) }];
  if (minutes + 60 > 24 * 60) slots.push({ ...dayInfo(addDays(today, 1)), from: 0, to: minutes + 60 - 24 * 60 });
  return slots;
}

function withPart(part: Part | undefined): { part?: Part } {
  return part ? { part } : {};
}
