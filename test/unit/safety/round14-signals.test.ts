import { describe, expect, it } from "vitest";
import { firstTier } from "./safety-sets.js";
import { safety } from "./safety-fixture.js";

/**
 * Round 14: sentences written for this file, from a teenager played in a conversation. Self-harm said as a
 * habit ("ik kras soms", "is het raar dat ik kras?") gets 113 first; "kras" as a scratch on a lottery ticket
 * does not. Parents who throw things while they fight are unsafe at home; parents who visit are not.
 */
const selfHarmHabit = [
  "ik kras soms",
  "k kras vaak als het thuis weer mis is",
  "is het raar dat ik kras?",
  "ik was aan het krassen op mijn kamer",
];
const scratchLookAlikes = ["ik kras een lot bij de sigarenwinkel", "waar kan ik een kraslot kopen", "de kat krast aan de bank"];

const unsafeParents = ["mijn ouders maken altijd ruzie en soms gooien ze met dingen", "ik ben bang voor mijn ouders"];
const ordinaryParents = ["mijn ouders komen op bezoek en ik ben bang dat ze het huis vies vinden", "mijn ouders wonen in Utrecht, is daar een buurthuis?"];

describe("round 14: self-harm as a habit, and parents at home", () => {
  it("gets 113 first for self-harm said as a habit", () => {
    const missed = selfHarmHabit.filter((t) => firstTier(safety.assess(t)) !== "suicide");
    expect(missed, missed.join("\n")).toEqual([]);
  });

  it("keeps a scratch card and a cat quiet", () => {
    const found = scratchLookAlikes.filter((t) => firstTier(safety.assess(t)) !== undefined);
    expect(found, found.join("\n")).toEqual([]);
  });

  it("reads parents who throw things or are feared as unsafe at home, and a visit as ordinary", () => {
    const missed = unsafeParents.filter((t) => firstTier(safety.assess(t)) !== "unsafe_home");
    expect(missed, missed.join("\n")).toEqual([]);
    const found = ordinaryParents.filter((t) => firstTier(safety.assess(t)) !== undefined);
    expect(found, found.join("\n")).toEqual([]);
  });
});
