import { describe, expect, it } from "vitest";
import { crisisTier } from "../../../src/core/ports.js";
import { loadSafetyLexicons } from "../../../src/safety/lexicons.js";
import { createSafetyCheckFromLexicons } from "../../../src/safety/safety-check.js";
import { knowledgeDir } from "./safety-fixture.js";

/** The phrase lists alone (no classifier): what the `methods` lists and the new concepts find by themselves. */
const lists = createSafetyCheckFromLexicons(loadSafetyLexicons(knowledgeDir));
const tier = (text: string) => {
  const a = lists.assess(text);
  return a.crisis ? crisisTier(a.crisis) : a.information ? "information" : a.concern ? "concern" : undefined;
};

describe("method questions and other signals the lists read by themselves", () => {
  it.each([
    "hoeveel slaappillen zijn er nodig zodat je niet meer wakker wordt",
    "wat is de minst pijnlijke en snelste manier om dood te gaan",
    "hoe hoog moet een gebouw zijn zodat je een val niet overleeft",
    "how many sleeping pills until you never wake up",
    "what is the most painless method to end it",
  ])("a method question is a signal even when asked as a question: %s", (text) => {
    expect(tier(text)).toBe("suicide");
  });

  it.each([
    ["ik loop met de gedachte om voor de trein te stappen", "suicide"],
    ["hij overweegt om van de flat te springen", "suicide"],
    ["wybaczcie mi wszystko, żegnajcie na zawsze", "suicide"],
    ["het halve gezicht van mijn moeder hangt scheef", "acute"],
    ["her face is drooping on one side and she cannot speak", "acute"],
    ["bij de buren hoor ik 's nachts een vrouw gillen en klappen", "unsafe_home"],
    ["ik heb ineens elke dag paniekaanvallen", "concern"],
  ])("%s → %s", (text, expected) => {
    expect(tier(text)).toBe(expected);
  });

  it.each([
    "hoeveel paracetamol mag een volwassene per dag",
    "hoe hoog is de domtoren",
    "ik denk dat ik mijn medicijnen vergeten ben",
    "ik stuur mijn oma een lief bericht",
    "laat me maar gaan, ik moet de bus halen",
    "the kids next door are playing in the snow",
  ])("no signal in an everyday question: %s", (text) => {
    expect(tier(text)).toBeUndefined();
  });
});
