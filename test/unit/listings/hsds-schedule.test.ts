import { describe, expect, it } from "vitest";
import { readHsdsSchedule } from "../../../src/listings/hsds-schedule.js";

const TODAY = new Date(Date.UTC(2026, 10, 24));
const read = (row: Record<string, unknown>) => readHsdsSchedule({ __path: "schedules[0]", opens_at: "10:00", closes_at: "12:00", ...row }, TODAY);

describe("HSDS schedules into [NTH ]DAY HH:MM-HH:MM", () => {
  it("reads weekly days, with or without freq, and HSDS 2 weekdays", () => {
    expect(read({ freq: "WEEKLY", byday: "MO,WE" }).entries).toEqual(["ma 10:00-12:00", "wo 10:00-12:00"]);
    expect(read({ byday: "fr" }).entries).toEqual(["vr 10:00-12:00"]);
    expect(read({ weekday: 7 }).entries).toEqual(["zo 10:00-12:00"]);
    expect(read({ weekday: "Tuesday" }).entries).toEqual(["di 10:00-12:00"]);
  });

  it("reads monthly ordinals 1TU and -1FR, and the RRULE idiom BYDAY=SA;BYMONTHDAY=8..14 (second Saturday)", () => {
    expect(read({ freq: "MONTHLY", byday: "1TU,3TU" }).entries).toEqual(["1e di 10:00-12:00", "3e di 10:00-12:00"]);
    expect(read({ freq: "MONTHLY", byday: "-1FR" }).entries).toEqual(["laatste vr 10:00-12:00"]);
    const idiom = read({ freq: "MONTHLY", byday: "SA", bymonthday: "8,9,10,11,12,13,14" });
    expect(idiom.entries).toEqual(["2e za 10:00-12:00"]);
    expect(idiom.warnings).toEqual([]);
  });

  it("keeps wkst and interval 1 as a plain weekly rule, expanded with rrule when other parts are set", () => {
    const r = read({ freq: "WEEKLY", wkst: "SU", interval: "1", byday: "TH", valid_from: "2026-01-01", dtstart: "2026-01-01" });
    expect(r.entries).toEqual(["do 10:00-12:00"]);
    expect(r.warnings).toEqual([]);
    expect(read({ freq: "DAILY" }).entries).toHaveLength(7);
  });

  it("warns, keeps the description and shows no wrong day for rules the notation cannot hold", () => {
    const fortnightly = read({ freq: "WEEKLY", interval: 2, byday: "SA", dtstart: "2026-01-03", description: "Om de week op zaterdag" });
    expect(fortnightly.entries).toEqual([]);
    expect(fortnightly.errors).toEqual([]);
    expect(fortnightly.warnings[0]?.message).toContain("interval=2");
    expect(fortnightly.note).toBe("Om de week op zaterdag");
    const fifteenth = read({ freq: "MONTHLY", bymonthday: "15" });
    expect(fifteenth.entries).toEqual([]);
    expect(fifteenth.warnings[0]?.message).toContain("bymonthday=15");
    const fifth = read({ freq: "MONTHLY", byday: "5MO" });
    expect(fifth.entries).toEqual([]);
    expect(fifth.warnings).toHaveLength(1);
  });

  it("leaves out expired schedules and short series, says when a schedule starts later or stops", () => {
    expect(read({ byday: "WE", valid_to: "2025-06-30" })).toMatchObject({ entries: [], warnings: [expect.objectContaining({ field: "valid_to", message: expect.stringContaining("verlopen") })] });
    expect(read({ byday: "WE", count: 3 })).toMatchObject({ entries: [], warnings: [expect.objectContaining({ message: expect.stringContaining("loopt maar kort") })] });
    const later = read({ byday: "WE", valid_from: "2027-01-01" });
    expect(later.entries).toEqual(["wo 10:00-12:00"]);
    expect(later.warnings[0]?.message).toContain("2027-01-01");
    const stops = read({ byday: "WE", valid_to: "2027-12-31" });
    expect(stops.entries).toEqual(["wo 10:00-12:00"]);
    expect(stops.warnings[0]?.message).toContain("stopt op 2027-12-31");
  });

  it("refuses really invalid values with the field", () => {
    expect(read({ byday: "TU", closes_at: "25:00" }).errors[0]).toMatchObject({ field: "closes_at" });
    expect(read({ byday: "TU", closes_at: "09:00" }).errors[0]?.message).toContain("ligt niet na");
    expect(read({ byday: "XX" }).errors[0]).toMatchObject({ field: "byday" });
    expect(read({ freq: "HOURLY2", byday: "TU" }).errors[0]).toMatchObject({ field: "freq" });
    expect(read({ byday: "TU", interval: 0 }).errors[0]).toMatchObject({ field: "interval" });
    expect(read({ byday: "TU", valid_to: "31-12-2027" }).errors[0]).toMatchObject({ field: "valid_to" });
    expect(read({ byday: "TU", bymonthday: "40" }).errors[0]).toMatchObject({ field: "bymonthday" });
    expect(read({}).errors[0]).toMatchObject({ field: "byday" });
  });

  it("takes a schedule with only a description as 'op afspraak' with that text", () => {
    const r = readHsdsSchedule({ __path: "s", description: "Op afspraak, bel ons" }, TODAY);
    expect(r).toMatchObject({ entries: [], errors: [], note: "Op afspraak, bel ons" });
    expect(r.warnings).toHaveLength(1);
  });
});
