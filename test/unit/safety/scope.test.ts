import { describe, expect, it } from "vitest";
import { devQuestions, residentQuestions, safety } from "./safety-fixture.js";

describe("out of scope", () => {
  it.each([
    "wat voor weer wordt het morgen?",
    "hoe wordt het weer dit weekend",
    "what's the weather tomorrow",
    "wie heeft er gewonnen, ajax of psv?",
    "wat is de uitslag van de wedstrijd van feyenoord",
    "hoeveel kost een iphone 15",
    "waar kan ik een laptop kopen",
    "heb je een recept voor lasagne",
    "hoe bak ik pannenkoeken",
    "hoe oud is taylor swift",
    "wat is 12 x 7",
    "hoeveel is 15 keer 3",
    "vertel een mop",
    "tell me a joke",
    "wat is de hoofdstad van Frankrijk",
    "goedkope vlucht naar Spanje boeken",
    "is bitcoin een goede investering",
    "op wie moet ik stemmen",
    "mijn wifi werkt niet",
    "hoe reset ik mijn iphone",
    "wachtwoord vergeten van mijn email",
    "welke film moet ik kijken op netflix",
    "schrijf een gedicht over de lente",
    "hoe laat vertrekt de trein naar Amsterdam",
    "what is the capital of France",
    "hava durumu yarın",
  ])("off-topic: %s", (text) => {
    expect(safety.assess(text).outOfScope).toBe(true);
  });

  it.each([
    "is er weer koffie morgen in het buurthuis?",
    "hoeveel is het per keer?",
    "hoe maak ik een afspraak met het wijkteam",
    "hoe maak ik een melding van overlast",
    "wie won de buurtquiz",
    "is er huiswerkbegeleiding voor mijn dochter",
    "hulp met mijn telefoon",
    "is er hulp in de buurt als mijn telefoon het niet doet",
    "welke sport kan mijn zoon doen",
    "voetbal voor kinderen in de buurt",
    "samen koken in de wijk",
    "wat is de uitslag van het onderzoek",
    "wil het weer proberen met de taalles",
    "open 10:00-12:00, kost €2,50",
    "is er een film avond in het buurthuis",
    "hoe laat begint de filmavond in de wijk",
  ])("in scope (mentions the sociale basis or is no clear off-topic subject): %s", (text) => {
    expect(safety.assess(text).outOfScope).toBeUndefined();
  });

  it.each([...devQuestions, ...residentQuestions])("in scope: %s", (text) => {
    expect(safety.assess(text).outOfScope).toBeUndefined();
  });
});
