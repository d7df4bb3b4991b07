import { describe, expect, it } from "vitest";
import { formatSchedule } from "../../../src/listings/schedule.js";
import { readScheduleText } from "../../../src/listings/schedule-text.js";

const WEEKDAYS_9_17 = "ma 09:00-17:00; di 09:00-17:00; wo 09:00-17:00; do 09:00-17:00; vr 09:00-17:00";

/** How coordinators write schedules in a spreadsheet, and the canonical schedule each one means. */
const ACCEPTED: Array<[string, string]> = [
  ["di 10:00-12:00", "di 10:00-12:00"],
  ["dinsdag 10.00-12.00", "di 10:00-12:00"],
  ["Dinsdag 10:00 - 12:00", "di 10:00-12:00"],
  ["DINSDAG 10:00–12:00", "di 10:00-12:00"],
  ["di 10u-12u", "di 10:00-12:00"],
  ["di 10-12 uur", "di 10:00-12:00"],
  ["elke dinsdag van 10.00 tot 12.00 uur", "di 10:00-12:00"],
  ["op dinsdag van 10 tot 12", "di 10:00-12:00"],
  ["dinsdags 10:00-12:00", "di 10:00-12:00"],
  ["din. 10:00-12:00", "di 10:00-12:00"],
  ["wo. 10.00-12.00", "wo 10:00-12:00"],
  ["do 9u30-11u", "do 09:30-11:00"],
  ["ma/wo 9:30-11", "ma 09:30-11:00; wo 09:30-11:00"],
  ["ma, wo 9-12", "ma 09:00-12:00; wo 09:00-12:00"],
  ["ma, wo, 9-12", "ma 09:00-12:00; wo 09:00-12:00"],
  ["za en zo 10-16", "za 10:00-16:00; zo 10:00-16:00"],
  ["ma t/m vr 9-17", WEEKDAYS_9_17],
  ["ma-vr 9-17", WEEKDAYS_9_17],
  ["maandag tot en met vrijdag 09:00-17:00", WEEKDAYS_9_17],
  ["van maandag t/m vrijdag van 9 tot 17 uur", WEEKDAYS_9_17],
  ["doordeweeks 9-17", WEEKDAYS_9_17],
  ["in het weekend 10-16", "za 10:00-16:00; zo 10:00-16:00"],
  ["ma 9-12 en 13-17", "ma 09:00-12:00; ma 13:00-17:00"],
  ["ma 9-12, wo 13-15", "ma 09:00-12:00; wo 13:00-15:00"],
  ["ma 9-12 en wo 13-15", "ma 09:00-12:00; wo 13:00-15:00"],
  ["ma 9:00-12:00\nwo 13:00-15:00", "ma 09:00-12:00; wo 13:00-15:00"],
  ["di 10:00-12:00; 1e do 19:00-21:00", "di 10:00-12:00; 1e do 19:00-21:00"],
  ["1e do 19:00-21:00", "1e do 19:00-21:00"],
  ["eerste donderdag van de maand 19-21", "1e do 19:00-21:00"],
  ["1e en 3e do 19-21", "1e do 19:00-21:00; 3e do 19:00-21:00"],
  ["1e di en 3e do 19-21", "1e di 19:00-21:00; 3e do 19:00-21:00"],
  ["laatste vrijdag van de maand 17.30-19.30", "laatste vr 17:30-19:30"],
  ["Woensdagmiddag 13.30-16.00 uur", "wo 13:30-16:00"],
  ["dinsdagavond 19-21", "di 19:00-21:00"],
  ["vr 20:00-24:00", "vr 20:00-24:00"],
  ["di 08:00-09:00", "di 08:00-09:00"],
  ["zo 02:00-04:00", "zo 02:00-04:00"],
  ["  ", ""],
];

/** What could mean two things, or is not a schedule: refused, saying what is wrong and the accepted form. */
const REFUSED: Array<[string, string]> = [
  ["ma tot vr 9-17", 'schrijf "ma t/m vr"'],
  ["di 2-4", "14:00-16:00"],
  ["dinsdagavond 7-9", "valt niet in de avond"],
  ["dinsdag", "bij dinsdag staat geen tijd"],
  ["dinsdagochtend", "geen tijd"],
  ["10:00-12:00", "staat geen dag"],
  ["di 10:00", "alleen een begintijd"],
  ["di vanaf 10:00", "begrijp ik niet"],
  ["om de week di 10-12", "om de week"],
  ["di 10-12 even weken", "om de week"],
  ["xx 10:00-11:00", 'onbekende dag "xx"'],
  ["di 19:00-25:00", "tijd 25:00 bestaat niet"],
  ["di 10:60-11:00", "tijd 10:60 bestaat niet"],
  ["di 12:00-10:00", "eindtijd"],
  ["vr t/m ma 9-17", "loopt terug"],
  ["1e ma en wo 10-12", "hoort één dag"],
  ["5e di 10:00-11:00", "gebruik 1e, 2e, 3e, 4e of laatste"],
  ["di 10:00-12:00 ongeveer", "begrijp ik"],
];

describe("readScheduleText", () => {
  it.each(ACCEPTED)("reads %j as %j", (text, canonical) => {
    const parsed = readScheduleText(text);
    expect(parsed.ok ? formatSchedule(parsed.entries) : parsed.error).toBe(canonical);
  });

  it.each(REFUSED)("refuses %j (%s) and shows the accepted form", (text, problem) => {
    const parsed = readScheduleText(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toContain(problem);
    expect(parsed.error).toContain('"di 10:00-12:00"');
  });

  it("reads its own canonical output back the same", () => {
    for (const [, canonical] of ACCEPTED) {
      const again = readScheduleText(canonical);
      expect(again.ok && formatSchedule(again.entries)).toBe(canonical);
    }
  });
});
