import { describe, expect, it } from "vitest";
import { backoffDelay, sleep } from "../../../src/core/retry.js";
import { shapeProblem } from "../../../src/http/payload-shape.js";

describe("backoffDelay", () => {
  const policy = { baseDelayMs: 500, maxDelayMs: 4000 };
  it("doubles from the base, with jitter in the upper half, and never exceeds the cap", () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(250);
    expect(backoffDelay(1, policy, () => 1)).toBe(500);
    expect(backoffDelay(3, policy, () => 1)).toBe(2000);
    for (const attempt of [4, 10, 60, 10_000]) {
      expect(backoffDelay(attempt, policy, () => 1)).toBe(4000);
      expect(backoffDelay(attempt, policy, () => 0)).toBe(2000);
    }
  });

  it("sleep rejects at once when aborted", async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error("shutdown"));
    await expect(waiting).rejects.toThrow("shutdown");
  });
});

describe("shapeProblem", () => {
  it("accepts ordinary payloads and refuses deep or huge ones without recursion", () => {
    expect(shapeProblem({ update_id: 1, message: { text: "hallo", entities: [{ type: "bold" }] } })).toBeNull();
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(shapeProblem(deep)).toBe("too_deep");
    expect(shapeProblem(Array.from({ length: 60_000 }, () => 0))).toBe("too_many_values");
  });
});
