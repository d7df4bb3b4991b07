import { describe, expect, it } from "vitest";
import type { CrisisKind } from "../../../src/core/ports.js";
import { devQuestions, residentQuestions, safety } from "./safety-fixture.js";

/** Crisis phrasings that must get the emergency numbers first: Dutch, English, typos, indirect, other languages. */
const crisisPhrasings: Array<[string, CrisisKind]> = [
  ["ik wil dood", "suicide"],
  ["Ik wil dood.", "suicide"],
  ["ik wil dod", "suicide"],
  ["k wil dood", "suicide"],
  ["ikwildood", "suicide"],
  ["IK WIL DOOOOD!!!", "suicide"],
  ["ik denk aan zelfmoord", "suicide"],
  ["zelfmoord", "suicide"],
  ["zelfmord", "suicide"],
  ["ik denk aan zelf moord", "suicide"],
  ["ik wil zelfmoort plegen", "suicide"],
  ["gedachten over zelfdoding", "suicide"],
  ["ik heb zelfmoordgedachten", "suicide"],
  ["ik wil er niet meer zijn", "suicide"],
  ["ik wil er eigenlijk niet meer zijn", "suicide"],
  ["ik zie het niet meer zitten", "suicide"],
  ["ik zie het allemaal niet meer zitten", "suicide"],
  ["iedereen is beter af zonder mij", "suicide"],
  ["ik maak er een eind aan", "suicide"],
  ["ik wil niet meer leven", "suicide"],
  ["het leven heeft geen zin meer", "suicide"],
  ["ik wil slapen en nooit meer wakker worden", "suicide"],
  ["ik wil van de brug springen", "suicide"],
  ["Ik ben suïcidaal", "suicide"],
  ["i want to kill myself", "suicide"],
  ["I want to die", "suicide"],
  ["i just want to end it all", "suicide"],
  ["thinking about suicde", "suicide"],
  ["everyone would be better off without me", "suicide"],
  ["I don't want to live anymore", "suicide"],
  ["ölmek istiyorum", "suicide"],
  ["أريد أن أموت", "suicide"],
  ["chcę umrzeć", "suicide"],
  ["я хочу померти", "suicide"],
  ["ik snijd mezelf", "self_harm"],
  ["ik doe mezelf pijn", "self_harm"],
  ["ik wil mezelf snijden", "self_harm"],
  ["ik heb mezelf weer pijn gedaan", "self_harm"],
  ["zelfbeschadiging", "self_harm"],
  ["I keep hurting myself", "self_harm"],
  ["i cut myself again", "self_harm"],
  ["mijn man slaat me", "violence"],
  ["mn man sloeg me gisteren weer", "violence"],
  ["mijn vriend slaat mij en de kinderen", "violence"],
  ["hij bedreigt me", "violence"],
  ["ik word thuis geslagen", "violence"],
  ["huiselijk geweld", "violence"],
  ["er is huislijk geweld bij ons thuis", "violence"],
  ["ik denk dat de buurjongen mishandeld wordt, kindermishandeling", "violence"],
  ["ik ben bang voor mijn ex", "violence"],
  ["my husband hits me", "violence"],
  ["he threatens me every day", "violence"],
  ["kocam beni dövüyor", "violence"],
  ["زوجي يضربني", "violence"],
  ["mąż mnie bije", "violence"],
  ["er is iemand in mijn huis", "danger"],
  ["er zit een inbreker in ons huis!", "danger"],
  ["ik ben in gevaar", "danger"],
  ["ik word gevolgd door een man", "danger"],
  ["er is brand in mijn flat", "danger"],
  ["acuut gevaar", "danger"],
  ["hij heeft een mes", "danger"],
  ["someone is following me", "danger"],
  ["someone is in my house", "danger"],
  ["I am in danger", "danger"],
  ["tehlikedeyim", "danger"],
  ["jestem w niebezpieczeństwie", "danger"],
  // Indirect and colloquial ways of saying it, with sloppy typing.
  ["ik wil niet meer", "suicide"],
  ["ik wil een einde maken aan mijn leven", "suicide"],
  ["het hoeft voor mij niet meer", "suicide"],
  ["ik ben levensmoe", "suicide"],
  ["was ik maar dood", "suicide"],
  ["niemand zou me missen", "suicide"],
  ["ik ben een last voor iedereen", "suicide"],
  ["ik zie t nie meer ziten", "suicide"],
  ["ik wl dood", "suicide"],
  ["ikwil dood", "suicide"],
  ["zelmoord", "suicide"],
  ["suiside", "suicide"],
  ["ik pleeg zelfmoord", "suicide"],
  ["life is not worth living", "suicide"],
  ["I'm a burden to everyone", "suicide"],
  ["mijn man is agressief", "violence"],
  ["ik durf niet naar huis", "violence"],
  ["ik voel me niet veilig thuis", "violence"],
  ["er staat een man met een mes voor mijn deur", "danger"],
  ["brand!", "danger"],
  ["ik ben gevallen en kan niet opstaan", "danger"],
];

describe("crisis detection", () => {
  it("has a broad test set", () => {
    expect(crisisPhrasings.length).toBeGreaterThanOrEqual(30);
  });

  it.each(crisisPhrasings)("%s → %s", (text, kind) => {
    expect(safety.assess(text).crisis).toBe(kind);
  });

  it("two kinds of crisis at once: the deciding one first, every kind listed for its numbers", () => {
    expect(safety.assess("ik wil dood en mijn man slaat me")).toMatchObject({ crisis: "suicide", crisisKinds: ["suicide", "violence"] });
    expect(safety.assess("mijn man slaat me en hij heeft een mes")).toMatchObject({ crisis: "danger", crisisKinds: ["danger", "violence"] });
  });

  it("finds a crisis inside a longer message and after a greeting", () => {
    expect(safety.assess("hoi. ik weet het niet meer. ik zie het niet meer zitten, echt").crisis).toBe("suicide");
    expect(safety.assess("Goedemorgen, mijn man slaat me en ik weet niet waar ik heen moet").crisis).toBe("violence");
  });

  it.each(devQuestions)("dev question is not a crisis and not out of scope: %s", (question) => {
    const assessment = safety.assess(question);
    expect(assessment.crisis).toBeUndefined();
    expect(assessment.outOfScope).toBeUndefined();
  });

  it.each(residentQuestions)("resident question is not a crisis: %s", (question) => {
    expect(residentQuestions.length).toBeGreaterThanOrEqual(15);
    expect(safety.assess(question).crisis).toBeUndefined();
  });

  it.each([
    "ik wil niet dood, ik wil gewoon wat mensen leren kennen",
    "ik denk niet aan zelfmoord",
    "I don't want to die, I want to make friends",
    "ik ben niet in gevaar",
  ])("a negation is not a crisis: %s", (text) => {
    expect(safety.assess(text).crisis).toBeUndefined();
  });

  it.each([
    "ik verveel me dood",
    "mijn hond is dood",
    "mijn man is vorig jaar overleden, ik voel me alleen",
    "het slaat nergens op",
    "mijn moeder staat er alleen voor",
    "de verwachting is dat het beter wordt",
    "ik heb honger naar gezelligheid",
  ])("everyday words that look like crisis words are not a crisis: %s", (text) => {
    expect(safety.assess(text).crisis).toBeUndefined();
  });

  it.each([
    "Wat doet de gemeente tegen huiselijk geweld?",
    "Hoe kan ik als professional huiselijk geweld signaleren?",
    "Hoeveel zelfmoorden zijn er per jaar volgens onderzoek?",
    "Wat zegt het beleid over kindermishandeling?",
  ])("a policy or professional question about a crisis topic is answered, not escalated: %s", (text) => {
    expect(safety.assess(text).crisis).toBeUndefined();
  });

  it("a third party in danger is still a crisis: help lines serve people who worry about others", () => {
    expect(safety.assess("mijn vriendin wil zelfmoord plegen").crisis).toBe("suicide");
    expect(safety.assess("de buurman slaat de kinderen").crisis).toBe("violence");
  });
});
