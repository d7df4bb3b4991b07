import { describe, expect, it } from "vitest";
import { crisisTier } from "../../../src/core/ports.js";
import { safety } from "./safety-fixture.js";

/**
 * An emergency that may be a suicide attempt (pills taken "because it is better this way") gets 113 beside
 * 112: the classifier's reading of a suicidal signal is kept next to the danger the lists found. An
 * ordinary emergency (a fall, a fire) gets 112 alone.
 */
const tiersOf = (text: string) => [...new Set((safety.assess(text).crisisKinds ?? []).map(crisisTier))];

describe("an emergency with a suicidal signal", () => {
  it("gets 112 first and 113 beside it", () => {
    for (const text of ["ik heb al mijn slaappillen ingenomen, het is beter zo", "I took the whole box of my mums pills, everyone is better off"]) {
      expect(tiersOf(text), text).toEqual(["acute", "suicide"]);
    }
  });
  it("an emergency without one gets 112 alone", () => {
    for (const text of ["mijn vader is van de trap gevallen en bloedt aan zijn hoofd", "er is brand in de keuken van de buren", "my dad collapsed and isnt breathing"]) {
      expect(tiersOf(text), text).toEqual(["acute"]);
    }
  });
  it("slikken is not read as a typo of stikken", () => {
    expect(safety.assess("hoeveel paracetamol mag je slikken per dag bij griep").crisis).toBeUndefined();
  });
});
