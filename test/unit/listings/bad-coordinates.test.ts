/**
 * The listings index's cell search once looped for ever on a latitude of −1e15 (past 2^53 the cell
 * counter stops moving). Whatever point or radius a caller passes, a search must return.
 */
import { describe, expect, it } from "vitest";
import { isValidGeoPoint } from "../../../src/core/input.js";
import { conversation, EXAMPLE_CSV, serviceWith } from "./helpers.js";

const BAD_POINTS = [
  { lat: -1e15, lon: 5.25 },
  { lat: 52.08, lon: 1e300 },
  { lat: Number.NaN, lon: 5.25 },
  { lat: Number.POSITIVE_INFINITY, lon: 5.25 },
  { lat: 52.08, lon: Number.NEGATIVE_INFINITY },
  { lat: 91, lon: 5.25 },
  { lat: 52.08, lon: -180.5 },
];

describe("coordinates that are not on Earth", () => {
  it("are recognised as invalid, and real points as valid", () => {
    for (const point of BAD_POINTS) expect(isValidGeoPoint(point), JSON.stringify(point)).toBe(false);
    for (const point of [{ lat: 52.08, lon: 5.25 }, { lat: -90, lon: 180 }, { lat: 0, lon: 0 }]) expect(isValidGeoPoint(point)).toBe(true);
  });

  it("make a listings search return without any listing, and leave real searches working", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    for (const location of BAD_POINTS) {
      const response = await conversation(service)("waar kan ik koffie drinken", { location });
      expect(response?.sources ?? []).toEqual([]);
    }
    const real = await conversation(service)("waar kan ik koffie drinken", { location: { lat: 52.0775, lon: 5.2535 } });
    expect(real?.kind).toBe("results");
    expect(real?.sources.length).toBeGreaterThan(0);
  });
});
