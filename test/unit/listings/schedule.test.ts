import { describe, expect, it } from "vitest";
import { toLocal } from "../../../src/listings/local-calendar.js";
import { nextOccurrence, onDuring } from "../../../src/listings/occurrences.js";
import { formatNext } from "../../../src/listings/render-listings.js";
import { formatSchedule, parseSchedule } from "../../../src/listings/schedule.js";
import { nowSlots } from "../../../src/listings/time-words.js";

const TZ = "Europe/Amsterdam";

function entries(text: string) {
  const parsed = parseSchedule(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.entries;
}

describe("parseSchedule", () => {
  it("reads weekly and monthly entries and writes them back canonically", () => {
    const parsed = entries("di 10:00-12:00;1e do 19:00 - 21:00 ; laatste ZA 9:30-11:00");
    expect(parsed).toEqual([
      { day: 1, nth: 0, start: 600, end: 720 },
      { day: 3, nth: 1, start: 1140, end: 1260 },
      { day: 5, nth: -1, start: 570, end: 660 },
    ]);
    expect(formatSchedule(parsed)).toBe("di 10:00-12:00; 1e do 19:00-21:00; laatste za 09:30-11:00");
  });

  it("treats an empty schedule as op afspraak", () => {
    expect(parseSchedule("  ")).toEqual({ ok: true, entries: [] });
  });

  it.each([
    ["di 19:00-25:00", "tijd 25:00 bestaat niet"],
    ["di 10:60-11:00", "tijd 10:60 bestaat niet"],
    ["xx 10:00-11:00", "onbekende dag \"xx\""],
    ["di 12:00-10:00", "eindtijd 10:00 ligt niet na begintijd 12:00"],
    ["5e di 10:00-11:00", "klopt niet"],
    ["dinsdag om tien", "klopt niet"],
  ])("rejects %s with a precise message", (text, message) => {
    const parsed = parseSchedule(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it("allows 24:00 as an end time only", () => {
    expect(parseSchedule("vr 20:00-24:00").ok).toBe(true);
    expect(parseSchedule("vr 24:00-24:00").ok).toBe(false);
  });
});

describe("nextOccurrence", () => {
  // Tuesday 24 November 2026, 10:30 local time.
  const now = toLocal(new Date("2026-11-24T09:30:00Z"), TZ);

  it("finds the next weekly date, and counts one still going on", () => {
    expect(formatNext(nextOccurrence(entries("do 14:00-16:00"), now), now)).toBe("donderdag 26 november, 14:00–16:00");
    expect(formatNext(nextOccurrence(entries("di 10:00-12:00"), now), now)).toBe("nu bezig, tot 12:00 (vandaag, 10:00–12:00)");
    expect(formatNext(nextOccurrence(entries("di 14:00-15:00"), now), now)).toBe("vandaag, dinsdag 24 november, 14:00–15:00");
    expect(formatNext(nextOccurrence(entries("wo 09:00-10:00"), now), now)).toBe("morgen, woensdag 25 november, 09:00–10:00");
    // Already over today: next week.
    expect(formatNext(nextOccurrence(entries("di 08:00-09:00"), now), now)).toBe("dinsdag 1 december, 08:00–09:00");
  });

  it("handles monthly entries: 1e, 4e and laatste", () => {
    // The 4th Tuesday of November 2026 is today (24th); the 1st Thursday of December is the 3rd.
    expect(nextOccurrence(entries("1e do 19:00-21:00"), now)?.date).toEqual({ year: 2026, month: 12, day: 3 });
    expect(nextOccurrence(entries("4e di 19:00-21:00"), now)?.date).toEqual({ year: 2026, month: 11, day: 24 });
    // The last Saturday of November 2026 is the 28th; of December the 26th.
    expect(nextOccurrence(entries("laatste za 10:00-13:00"), now)?.date).toEqual({ year: 2026, month: 11, day: 28 });
    const afterNovember = toLocal(new Date("2026-11-28T15:00:00Z"), TZ);
    expect(nextOccurrence(entries("laatste za 10:00-13:00"), afterNovember)?.date).toEqual({ year: 2026, month: 12, day: 26 });
    // The 2nd Monday after a month with a 5th Monday: 30 November is the 5th, so next is 14 December.
    const lateNovember = toLocal(new Date("2026-11-29T12:00:00Z"), TZ);
    expect(nextOccurrence(entries("2e ma 19:00-21:00"), lateNovember)?.date).toEqual({ year: 2026, month: 12, day: 14 });
  });

  it("says op afspraak for an empty schedule", () => {
    expect(formatNext(nextOccurrence([], now), now)).toBe("op afspraak");
  });

  it("uses local wall-clock time across the daylight saving switches", () => {
    // 29 March 2026: clocks go from 02:00 to 03:00 in Amsterdam. 08:30 UTC is 10:30 CEST.
    const spring = toLocal(new Date("2026-03-29T08:30:00Z"), TZ);
    expect(spring).toMatchObject({ month: 3, day: 29, minutes: 10 * 60 + 30 });
    expect(formatNext(nextOccurrence(entries("zo 10:00-12:00"), spring), spring)).toBe("nu bezig, tot 12:00 (vandaag, 10:00–12:00)");
    // The day before, 08:30 UTC was still 09:30 CET: not started yet.
    const saturday = toLocal(new Date("2026-03-28T08:30:00Z"), TZ);
    expect(saturday.minutes).toBe(9 * 60 + 30);
    expect(formatNext(nextOccurrence(entries("za 10:00-12:00"), saturday), saturday)).toBe("vandaag, zaterdag 28 maart, 10:00–12:00");
    // 25 October 2026: back from 03:00 to 02:00. 23:30 UTC on the 24th is 01:30 on Sunday the 25th.
    const autumn = toLocal(new Date("2026-10-24T23:30:00Z"), TZ);
    expect(autumn).toMatchObject({ month: 10, day: 25, minutes: 90 });
    expect(toLocal(new Date("2026-10-25T11:00:00Z"), TZ).minutes).toBe(12 * 60);
  });

  it("'nu' means open now or starting within the hour, also past midnight", () => {
    const lateEvening = toLocal(new Date("2026-11-24T22:40:00Z"), TZ); // 23:40 on Tuesday
    const slots = nowSlots(lateEvening, lateEvening.minutes);
    expect(onDuring(entries("wo 00:00-01:00"), slots)).toBe(true);
    expect(onDuring(entries("di 23:00-24:00"), slots)).toBe(true);
    expect(onDuring(entries("wo 01:00-02:00"), slots)).toBe(false);
    const morning = nowSlots(now, now.minutes);
    expect(onDuring(entries("di 11:15-12:00"), morning)).toBe(true);
    expect(onDuring(entries("di 11:45-12:00"), morning)).toBe(false);
    expect(onDuring(entries("di 09:00-10:30"), morning)).toBe(false);
  });
});
