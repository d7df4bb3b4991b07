import { describe, expect, it } from "vitest";
import { copiedIntoLexicon, firstTier } from "./safety-sets.js";
import { knowledgeDir, safety } from "./safety-fixture.js";

/**
 * What a neighbour hears through the wall, told over more than one sentence: shouting or blows, and
 * children crying. That is a case for Veilig Thuis (advice, also anonymously). Written for this file;
 * never copied into a lexicon.
 */
const heard = [
  "bij de buren is het vaak ruzie. ik hoor gegil en gebonk en het kind huilt dan lang",
  "de bovenburen schreeuwen 's avonds tegen elkaar, een keer hoorde ik een klap en daarna huilde de baby",
  "elke week weer geschreeuw hiernaast. de kinderen huilen dan en ik weet niet wat ik moet doen",
  "the neighbours downstairs are shouting again, there were loud bangs and now the kids are crying",
];
const lookAlikes = [
  "mijn buren hebben een baby die veel huilt, is er een cursus voor jonge ouders",
  "de buren hebben ruzie over de schutting, de kinderen spelen in de tuin",
  "onze buren hebben ruzie met de gemeente over een boom, hun kind is er bang voor",
];

describe("violence heard at the neighbours", () => {
  it("gets Veilig Thuis", () => {
    for (const text of heard) expect(firstTier(safety.assess(text)), text).toBe("unsafe_home");
  });
  it("look-alikes raise no crisis", () => {
    for (const text of lookAlikes) expect(safety.assess(text).crisis, text).toBeUndefined();
  });
  it("copies no test sentence into the lists", () => {
    expect(copiedIntoLexicon(knowledgeDir, [...heard, ...lookAlikes])).toEqual([]);
  });
});
