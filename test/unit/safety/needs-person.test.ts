import { describe, expect, it } from "vitest";
import type { SafetyAssessment } from "../../../src/core/ports.js";
import { devQuestions, residentQuestions, safety } from "./safety-fixture.js";

type NeedsPerson = NonNullable<SafetyAssessment["needsPerson"]>;

const situations: Array<[string, NeedsPerson]> = [
  ["ik word uit huis gezet", "eviction"],
  ["morgen sta ik op straat", "eviction"],
  ["ik sta morgen op straat", "eviction"],
  ["de deurwaarder staat voor de deur", "eviction"],
  ["we krijgen een huisuitzetting", "eviction"],
  ["er komt een ontruiming van mijn woning", "eviction"],
  ["we are being evicted", "eviction"],
  ["ik heb geen geld voor eten", "money"],
  ["ik kan de huur niet betalen", "rent"],
  ["ik kan de huur deze maand niet meer betalen", "rent"],
  ["we kunnen de energierekening niet betalen", "debts"],
  ["we hebben geen eten meer", "money"],
  ["mijn kinderen hebben honger", "money"],
  ["I can't pay my rent", "rent"],
  ["mijn schulden stapelen op", "debts"],
  ["ik heb schulden", "debts"],
  ["ik krijg steeds aanmaningen", "debts"],
  ["het incassobureau belt steeds", "debts"],
  ["ik kom er niet meer uit met mijn rekeningen", "debts"],
  ["i have debts", "debts"],
  ["de mantelzorg wordt me te zwaar", "care"],
  ["ik kan de zorg voor mijn moeder niet meer aan", "care"],
  ["ik ben overbelast", "care"],
  ["ik ben mantelzorger en helemaal opgebrand", "care"],
  ["ik wil iemand spreken", "person_requested"],
  ["mag ik een mens", "person_requested"],
  ["praat met een medewerker", "person_requested"],
  ["kan ik met een echt mens praten", "person_requested"],
  ["can I talk to a person", "person_requested"],
  ["I want to speak to a human", "person_requested"],
];

describe("needs a person", () => {
  it.each(situations)("%s → %s", (text, kind) => {
    expect(safety.assess(text).needsPerson).toBe(kind);
  });

  it("the situation wins over a plain request for a person: the first steps are worth giving", () => {
    expect(safety.assess("ik word uit huis gezet, ik wil iemand spreken").needsPerson).toBe("eviction");
  });

  it.each([
    "waar is de schuldhulp inloop",
    "hulp bij schulden in de wijk",
    "schulden",
    "Wat zegt het onderzoek over schulden en armoede?",
    "Welke rol speelt de gemeente bij huisuitzettingen?",
    "is er een maatje die met mij kan praten",
    "ik zoek iemand om mee te wandelen",
    "kan iemand mij helpen met mijn belastingaangifte",
    "mijn vader moet vaker het huis uit",
    "ik maak me zorgen dat mijn moeder te veel alleen is",
    "is er een voedselbank in de buurt",
    "zijn er mantelzorgers die elkaar ontmoeten",
    "ik ben op zoek naar een koffieochtend",
    "is er morgen op straat een buurtfeest",
    "ik heb honger naar gezelligheid",
    "ben je een mens?",
  ])("a question about a service or a topic is not a handoff: %s", (text) => {
    expect(safety.assess(text).needsPerson).toBeUndefined();
  });

  it.each([...devQuestions, ...residentQuestions])("not a handoff: %s", (text) => {
    expect(safety.assess(text).needsPerson).toBeUndefined();
  });
});
