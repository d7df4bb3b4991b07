import { describe, expect, it } from "vitest";
import { localDayAndMinute, OfficeHoursError, parseOfficeHours } from "../../../src/handoff/office-hours.js";

const TZ = "Europe/Amsterdam";
// Amsterdam is UTC+1 in November (winter time).
const at = (iso: string) => new Date(iso);

describe("office hours", () => {
  const hours = parseOfficeHours("ma-vr 09:00-17:00; za 10:00-12:00", TZ);

  it("parses day ranges and single days", () => {
    expect(hours.windows.map((w) => `${w.weekday}:${w.start}-${w.end}`)).toEqual([
      "0:540-1020",
      "1:540-1020",
      "2:540-1020",
      "3:540-1020",
      "4:540-1020",
      "5:600-720",
    ]);
  });

  it("is open on a weekday afternoon in local time, not in UTC", () => {
    // Monday 08:30 UTC = 09:30 in Amsterdam.
    expect(hours.isOpen(at("2026-11-23T08:30:00Z"))).toBe(true);
    // Monday 07:59 UTC = 08:59 in Amsterdam.
    expect(hours.isOpen(at("2026-11-23T07:59:00Z"))).toBe(false);
    // Monday 16:00 UTC = 17:00: the end is exclusive.
    expect(hours.isOpen(at("2026-11-23T16:00:00Z"))).toBe(false);
    expect(hours.nextOpening(at("2026-11-23T08:30:00Z"))).toBeNull();
  });

  it("names the next opening in plain Dutch", () => {
    // Friday 19:00 local → Saturday 10:00.
    expect(hours.nextOpening(at("2026-11-27T18:00:00Z"))?.text).toBe("morgen (zaterdag) om 10:00");
    // Saturday 13:00 local → Monday 09:00.
    expect(hours.nextOpening(at("2026-11-28T12:00:00Z"))?.text).toBe("maandag om 09:00");
    // Monday 07:00 local → today 09:00.
    expect(hours.nextOpening(at("2026-11-23T06:00:00Z"))?.text).toBe("vandaag om 09:00");
    // Sunday 23:30 local → tomorrow (Monday).
    expect(hours.nextOpening(at("2026-11-22T22:30:00Z"))?.text).toBe("morgen (maandag) om 09:00");
  });

  it("follows daylight saving time (wall clock, not UTC offset)", () => {
    const summer = parseOfficeHours("ma-vr 09:00-17:00", TZ);
    // 1 June 2026 is a Monday; 07:30 UTC = 09:30 summer time.
    expect(summer.isOpen(at("2026-06-01T07:30:00Z"))).toBe(true);
    expect(localDayAndMinute(at("2026-06-01T07:30:00Z"), TZ)).toEqual({ weekday: 0, minutes: 570 });
  });

  it("handles a wrapping day range and a window up to midnight", () => {
    const weekend = parseOfficeHours("vr-ma 20:00-24:00", TZ);
    expect(weekend.windows.map((w) => w.weekday)).toEqual([0, 4, 5, 6]);
    // Sunday 23:30 local.
    expect(weekend.isOpen(at("2026-11-22T22:30:00Z"))).toBe(true);
    // Tuesday 12:00 local → Friday 20:00.
    expect(weekend.nextOpening(at("2026-11-24T11:00:00Z"))?.text).toBe("vrijdag om 20:00");
  });

  it("a single weekly window a week away is still found", () => {
    const once = parseOfficeHours("ma 09:00-10:00", TZ);
    // Monday 11:00 local → next Monday.
    expect(once.nextOpening(at("2026-11-23T10:00:00Z"))?.text).toBe("volgende week maandag om 09:00");
  });

  it("rejects bad specs with a message naming OFFICE_HOURS", () => {
    expect(() => parseOfficeHours("maandag 9-5", TZ)).toThrow(OfficeHoursError);
    expect(() => parseOfficeHours("ma 17:00-09:00", TZ)).toThrow(/OFFICE_HOURS/);
    expect(() => parseOfficeHours("", TZ)).toThrow(/OFFICE_HOURS/);
  });
});
