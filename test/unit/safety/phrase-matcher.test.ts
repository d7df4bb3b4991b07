import { describe, expect, it } from "vitest";
import { boundedEditDistance } from "../../../src/text/edit-distance.js";
import { BREAK, SOFT_BREAK, foldText, tokenise } from "../../../src/safety/normalise.js";
import { createPhraseMatcher, type MatcherOptions } from "../../../src/safety/phrase-matcher.js";

const options: MatcherOptions = {
  fuzzyMinLength: 6,
  twoTyposFrom: 12,
  maxGap: 2,
  wideGap: 5,
  blockers: ["niet", "geen"],
  notFuzzy: ["staat"],
};

function patternsFound(patterns: string[], text: string, opts: Partial<MatcherOptions> = {}): string[] {
  const matcher = createPhraseMatcher(
    patterns.map((pattern) => ({ pattern, tag: pattern })),
    { ...options, ...opts },
  );
  return matcher.match(tokenise(text)).map((hit) => hit.tag);
}

describe("normalisation", () => {
  it("folds case, accents, apostrophes and letter runs", () => {
    expect(foldText("Zelfmoörd")).toBe("zelfmoord");
    expect(foldText("m'n")).toBe("mn");
    expect(foldText("DOOOOOD")).toBe("dood");
    expect(foldText("łódź")).toBe("lodz");
    expect(foldText("أريد")).toBe("اريد");
  });

  it("marks sentence breaks once and drops empty text", () => {
    expect(tokenise("Hoi!! Ik wil, dood.")).toEqual(["hoi", BREAK, "ik", "wil", SOFT_BREAK, "dood"]);
    expect(tokenise("ja,. nee")).toEqual(["ja", BREAK, "nee"]);
    expect(tokenise("🙂 ... !!")).toEqual([]);
  });
});

describe("bounded edit distance", () => {
  it("counts insertions, deletions, substitutions and swaps", () => {
    expect(boundedEditDistance("zelfmord", "zelfmoord", 2)).toBe(1);
    expect(boundedEditDistance("suicde", "suicide", 2)).toBe(1);
    expect(boundedEditDistance("zelfmoodr", "zelfmoord", 2)).toBe(1);
    expect(boundedEditDistance("kat", "kat", 1)).toBe(0);
  });

  it("gives up past the bound", () => {
    expect(boundedEditDistance("buurthuis", "zelfmoord", 2)).toBe(3);
    expect(boundedEditDistance("a", "abcdef", 1)).toBe(2);
  });
});

describe("phrase matcher", () => {
  it("matches a phrase with filler words, but not over a negation or a sentence break", () => {
    expect(patternsFound(["ik wil dood"], "ik wil echt dood")).toEqual(["ik wil dood"]);
    expect(patternsFound(["ik wil dood"], "ik wil niet dood")).toEqual([]);
    expect(patternsFound(["ik wil dood"], "ik wil. dood")).toEqual([]);
    expect(patternsFound(["ik wil dood"], "ik wil heel erg graag dood")).toEqual([]);
  });

  it("allows a wider gap at ...", () => {
    expect(patternsFound(["zorg voor ... niet meer aan"], "de zorg voor mijn zieke moeder kan ik niet meer aan")).toHaveLength(1);
    expect(patternsFound(["zorg voor ... niet meer aan"], "de zorg voor mijn zieke oude moeder kan ik niet meer aan")).toEqual([]);
  });

  it("tolerates typos in long words only, with the same first letter", () => {
    expect(patternsFound(["zelfmoord"], "zelfmord")).toHaveLength(1);
    expect(patternsFound(["zelfmoord"], "gelfmoord")).toEqual([]);
    expect(patternsFound(["dood"], "door")).toEqual([]);
    expect(patternsFound(["=zelfmoord"], "zelfmord")).toEqual([]);
  });

  it("never reads a listed real word as a typo", () => {
    expect(patternsFound(["slaatje"], "staat", { fuzzyMinLength: 5 })).toEqual([]);
  });

  it("matches a word typed as two and a phrase typed without spaces", () => {
    expect(patternsFound(["zelfmoord"], "zelf moord")).toHaveLength(1);
    expect(patternsFound(["ik wil dood"], "ikwildood")).toHaveLength(1);
  });

  it("supports alternatives, prefixes and anchors", () => {
    expect(patternsFound(["mijn|mn man slaat|sloeg me"], "mn man sloeg me")).toHaveLength(1);
    expect(patternsFound(["buurt*"], "het buurthuis")).toHaveLength(1);
    expect(patternsFound(["ik kan niet meer $"], "ik kan niet meer")).toHaveLength(1);
    expect(patternsFound(["ik kan niet meer $"], "ik kan niet meer lopen")).toEqual([]);
    expect(patternsFound(["^ hoi"], "zeg hoi")).toEqual([]);
  });

  it("rejects a lexicon word the tokeniser could never produce", () => {
    expect(() => patternsFound(["burn-out"], "burn out")).toThrow(/burn-out/);
  });
});

describe("unordered phrases", () => {
  it("a hit starts at its first word, not at the start of the sentence", () => {
    const matcher = createPhraseMatcher([{ pattern: "& zegt dood", tag: "x" }], options);
    const [hit] = matcher.match(tokenise("wat doe je als iemand zegt dat hij dood wil"));
    expect(hit).toMatchObject({ start: 5, end: 9 });
  });

  it("with `$` last, the last of its words ends the sentence", () => {
    const matcher = createPhraseMatcher([{ pattern: "& verzorg|zorg hem|mijn kan niet meer $", tag: "x" }], options);
    const found = (text: string) => matcher.match(tokenise(text)).length > 0;
    expect(found("ik verzorg hem, ik kan niet meer")).toBe(true);
    expect(found("ik kan niet meer, ik zorg al jaren voor mijn moeder. help")).toBe(false);
    expect(found("ik zorg voor mijn kinderen en kan niet meer werken")).toBe(false);
    expect(found("ik zorg voor mijn kinderen en kan niet meer werken. ik kan niet meer")).toBe(false);
  });
});

describe("message-wide unordered phrases (&&)", () => {
  it("find their words across a sentence break and past the 8-word span, never negated", () => {
    const pattern = "&& testament eindelijk rust";
    expect(patternsFound([pattern], "het testament is klaar. de kat is weg en nu is het eindelijk rust")).toEqual([pattern]);
    expect(patternsFound(["& testament eindelijk rust"], "het testament is klaar. de kat is weg en nu is het eindelijk rust")).toEqual([]);
    expect(patternsFound([pattern], "het testament is klaar, maar nog geen rust")).toEqual([]);
  });

  it("stop at 24 words", () => {
    const filler = Array.from({ length: 24 }, (_, i) => `woord${i}`).join(" ");
    expect(patternsFound(["&& testament rust"], `testament ${filler} rust`)).toEqual([]);
  });
});
