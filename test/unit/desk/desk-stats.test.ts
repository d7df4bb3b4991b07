import { describe, expect, it } from "vitest";
import type { UsageStats } from "../../../src/desk/desk-ports.js";
import { deskStats, isoWeek, parsePeriod, PeriodError, toCsv } from "../../../src/desk/desk-stats.js";
import { hashPassword, verifyPassword } from "../../../src/desk/passwords.js";
import { gapKey } from "../../../src/desk/usage-recorder.js";

const NOW = new Date("2026-03-15T12:00:00Z");

describe("desk figures", () => {
  it("reads from/to as whole days and refuses bad dates", () => {
    expect(parsePeriod("2026-03-01", "2026-03-02", NOW)).toEqual({ from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-03T00:00:00Z") });
    const fallback = parsePeriod(undefined, undefined, NOW);
    expect(fallback.to.getTime() - fallback.from.getTime()).toBe(30 * 86_400_000);
    expect(() => parsePeriod("1 maart", undefined, NOW)).toThrow(PeriodError);
    expect(() => parsePeriod("2026-03-05", "2026-03-01", NOW)).toThrow(PeriodError);
  });

  it("numbers ISO weeks across a year end", () => {
    expect(isoWeek("2026-01-01")).toBe("2026-W01");
    expect(isoWeek("2027-01-01")).toBe("2026-W53");
    expect(isoWeek("2026-03-16")).toBe("2026-W12");
  });

  it("suppresses needs under five and takes the median time to claim", async () => {
    const usage = {
      totals: async () => ({ conversations: 3, messages: 9, handoffs: 2, feedbackUp: 1, feedbackDown: 0, claimSeconds: [30, 90, 600], intents: { answer: 9 }, ratings: [4, 5], feedbackReasons: [] }),
      perDay: async () => [{ day: "2026-03-14", conversations: 2, messages: 5, handoffs: 1 }, { day: "2026-03-15", conversations: 1, messages: 4, handoffs: 1 }],
      needs: async () => [{ area: "3701", category: "ontmoeting", count: 7 }, { area: "Vathorst", category: "geldzaken", count: 4 }],
      gaps: async () => [],
    } as unknown as UsageStats;
    const stats = await deskStats(usage, { from: new Date("2026-03-01"), to: NOW });
    expect(stats.needsByArea).toEqual([{ area: "3701", category: "ontmoeting", count: 7 }]);
    expect(stats.timeToClaimP50Seconds).toBe(90);
    expect(stats.ratings).toEqual({ count: 2, average: 4.5 });
    expect(stats.perWeek).toEqual([{ week: "2026-W11", messages: 9, handoffs: 2, conversationDays: 3 }]);
  });

  it("writes CSV that spreadsheets cannot run as formulas", () => {
    expect(toCsv(["a", "b"], [["=SUM(A1)", 'zei "hoi", toen'], [null, 3]])).toBe('a,b\r\n\'=SUM(A1),"zei ""hoi"", toen"\r\n,3\r\n');
  });

  it("groups questions with the same content words, in any order", () => {
    expect(gapKey("Hoe werkt de huurtoeslag?")).toBe(gapKey("huurtoeslag, hoe werkt dat"));
    expect(gapKey("Hoe werkt de huurtoeslag?")).not.toBe(gapKey("Hoe werkt de zorgtoeslag?"));
  });

  it("hashes passwords slowly and verifies only the right one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });
});
