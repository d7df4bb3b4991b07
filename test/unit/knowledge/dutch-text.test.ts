import { describe, expect, it } from "vitest";
import { contentStems, foldText, splitWords, stemWord, tokenize } from "../../../src/knowledge/dutch-text.js";
import { splitSentences } from "../../../src/knowledge/sentences.js";
import { diminutiveBase } from "../../../src/knowledge/query-analyzer.js";
import { closestWord, splitCompound, splitCompoundDeep } from "../../../src/knowledge/vocabulary.js";
import { boundedEditDistance as editDistance } from "../../../src/text/edit-distance.js";

describe("Dutch text handling", () => {
  it("folds diacritics, case and curly quotes", () => {
    expect(foldText("Continuïteit én Cliënt ‘Sociale basis’")).toBe("continuiteit en client 'sociale basis'");
  });

  it("splits letters from digits so 'Wmo2015' and 'Wmo 2015' meet", () => {
    expect(splitWords(foldText("de Wmo2015 en 55+'ers"))).toEqual(["de", "wmo", "2015", "en", "55", "ers"]);
    expect(contentStems("Wmo2015")).toEqual(contentStems("Wmo 2015"));
  });

  it("marks stopwords and question filler but keeps them in order", () => {
    const tokens = tokenize("Wat is dat eigenlijk, die sociale basis?");
    expect(tokens.filter((t) => !t.stop).map((t) => t.surface)).toEqual(["sociale", "basis"]);
    expect(tokens[0]).toMatchObject({ surface: "wat", stop: true });
  });

  it.each([
    ["huizen", "huis"],
    ["sociaal", "sociale"],
    ["individueel", "individuele"],
    ["kinderen", "kind"],
    ["vrijwilligers", "vrijwilliger"],
    ["functies", "functie"],
    ["eenzaamheid", "eenzaam"],
  ])("stems %s and %s alike", (a, b) => {
    expect(stemWord(foldText(a))).toBe(stemWord(foldText(b)));
  });

  it("reads number words as digits (zeven PK's = 7 pk)", () => {
    expect(stemWord("zeven")).toBe("7");
    expect(contentStems("de zeven PK’s")).toEqual(contentStems("7 pk's"));
  });

  it("splits compounds into two known words, with the Dutch linking -s-", () => {
    const known = new Set(["buurt", "contact", "vrijwilliger", "werk", "huis"]);
    const isKnown = (stem: string) => known.has(stem);
    expect(splitCompound("buurtcontact", isKnown)).toEqual(["buurt", "contact"]);
    expect(splitCompound("vrijwilligerswerk", isKnown)).toEqual(["vrijwilliger", "werk"]);
    expect(splitCompound("buurthuizen", isKnown)).toEqual(["buurt", "huis"]);
    expect(splitCompound("gemeente", isKnown)).toBeNull();
  });

  it("never takes a function word as a part: 'meenemen' is not 'meen' + 'men'", () => {
    const known = new Set(["men", "meen", "taal", "les"]);
    const isKnown = (stem: string) => known.has(stem);
    expect(splitCompound("meenemen", isKnown)).toBeNull();
    expect(splitCompound("taalles", isKnown)).toEqual(["taal", "les"]);
  });

  it("splits a question word stacked from three known words, and leaves unknown heads alone", () => {
    const known = new Set(["buurt", "sport", "programma", "huis"].map(stemWord));
    const isKnown = (stem: string) => known.has(stem);
    expect(splitCompound("buurtsportprogramma", isKnown)).toBeNull();
    expect(splitCompoundDeep("buurtsportprogramma", isKnown)).toEqual(["buurt", "sport", "programma"].map(stemWord));
    expect(splitCompoundDeep("buurthuis", isKnown)).toEqual(["buurt", "huis"].map(stemWord));
    expect(splitCompoundDeep("buurtkoffieprogramma", isKnown)).toBeNull();
  });

  it("finds the word a diminutive is made from when the sources know it", () => {
    const known = new Set(["speeltuin", "groep", "bal", "boom", "huis"]);
    const isKnown = (word: string) => known.has(word);
    expect(diminutiveBase("speeltuintjes", isKnown)).toBe("speeltuin");
    expect(diminutiveBase("groepje", isKnown)).toBe("groep");
    expect(diminutiveBase("balletje", isKnown)).toBe("bal");
    expect(diminutiveBase("boompje", isKnown)).toBe("boom");
    expect(diminutiveBase("huisjes", isKnown)).toBe("huis");
    expect(diminutiveBase("meisje", isKnown)).toBeNull();
    expect(diminutiveBase("speeltuin", isKnown)).toBeNull();
  });

  it("measures typos with swaps counted once and gives up beyond the limit", () => {
    expect(editDistance("vrijwiliger", "vrijwilliger", 2)).toBe(1);
    expect(editDistance("eenzaamhied", "eenzaamheid", 2)).toBe(1);
    expect(editDistance("koffie", "sport", 1)).toBe(2);
  });

  it("corrects a typo to the closest known word, but not a different word", () => {
    const words = ["vrijwilliger", "wetten", "mantelzorger", "buurthuis"];
    const frequency = () => 1;
    expect(closestWord("vrijwiliger", words, frequency)).toBe("vrijwilliger");
    expect(closestWord("mantelzorgr", words, frequency)).toBe("mantelzorger");
    // A different first letter is a different word, not a typo.
    expect(closestWord("letten", words, frequency)).toBeNull();
    // Short words are never corrected: too many real words are one letter apart.
    expect(closestWord("bus", ["bos"], frequency)).toBeNull();
  });

  it("splits sentences but not after abbreviations", () => {
    expect(splitSentences("Zie bv. de wijk. Het werkt! Daarna (p. 11) meer.")).toEqual([
      "Zie bv. de wijk.",
      "Het werkt!",
      "Daarna (p. 11) meer.",
    ]);
    expect(splitSentences("Eén zin zonder einde")).toEqual(["Eén zin zonder einde"]);
  });
});
