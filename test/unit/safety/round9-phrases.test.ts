import { describe, expect, it } from "vitest";
import { copiedIntoLexicon, firstTier } from "./safety-sets.js";
import { knowledgeDir, safety } from "./safety-fixture.js";

/**
 * Round 9 phrases, written for this file: a parent who smashes things at home (Veilig Thuis), an overdose
 * said with a number (112), self-harm and "no reason to live" in Russian and Ukrainian, not wanting to live
 * in Moroccan Arabic written in Latin letters (113).
 */
const unsafe = ["mijn stiefvader smijt borden kapot als hij boos is", "papa sloeg gisteren de stoel stuk en ik durf niet naar huis", "my stepdad smashed plates again last night"];
const acute = ["mijn vriendin heeft net 20 pillen geslikt", "he just took 40 tablets, what do i do"];
const suicide = ["моя сестра режет себе руки", "он сказал что жить незачем", "мій брат ріже собі руки", "bghit nmout sf", "ma bghitch n3ich b7al hakka"];
const quiet = [
  "mijn moeder gooit het kapotte glas in de glasbak",
  "papa heeft de oude stoel naar de kringloop gebracht",
  "ik heb 20 pillen paracetamol in huis voor de hele familie",
  "я купила 30 таблеток витаминов",
  "bghit n3ich f hollanda mzyan",
];

describe("round 9 phrases", () => {
  it("a parent smashing things is unsafe at home", () => {
    for (const t of unsafe) expect(firstTier(safety.assess(t)), t).toBe("unsafe_home");
  });
  it("an overdose said with a number is an emergency", () => {
    for (const t of acute) expect(firstTier(safety.assess(t)), t).toBe("acute");
  });
  it("self-harm and not wanting to live in Russian, Ukrainian and Moroccan Arabizi get 113 first", () => {
    for (const t of suicide) expect(firstTier(safety.assess(t)), t).toBe("suicide");
  });
  it("look-alikes raise no crisis", () => {
    for (const t of quiet) expect(safety.assess(t).crisis, t).toBeUndefined();
  });
  it("copies no test sentence into the lists", () => {
    expect(copiedIntoLexicon(knowledgeDir, [...unsafe, ...acute, ...suicide, ...quiet])).toEqual([]);
  });
});
