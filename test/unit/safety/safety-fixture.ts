import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createSafetyCheck } from "../../../src/safety/safety-check.js";

/** The shipped lexicons in `knowledge/`: the tests check the real data, not a copy. */
export const knowledgeDir = fileURLToPath(new URL("../../../knowledge", import.meta.url));

export const safety = createSafetyCheck(knowledgeDir);

/** The dev questions of the retrieval evaluation: real questions that must be answered, never diverted. */
export const devQuestions: string[] = readFileSync(fileURLToPath(new URL("../../fixtures/dev.jsonl", import.meta.url)), "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { question: string }).question);

/** Everyday resident questions about the sociale basis: never a crisis, never out of scope. */
export const residentQuestions = [
  "waar kan ik sporten",
  "iets voor mijn moeder die dementie heeft",
  "is er een koffieochtend in de wijk?",
  "waar kan ik samen eten met anderen",
  "mijn vader is 80 en eenzaam, is er iets voor hem?",
  "mijn buurman is eenzaam",
  "ik zoek een maatje voor mijn zoon",
  "hoe laat is het buurthuis open?",
  "kan ik gratis sporten in Zeist",
  "is er taalles voor nieuwkomers",
  "ik wil vrijwilligerswerk doen",
  "hulp bij formulieren invullen",
  "waar is de schuldhulp inloop",
  "ik heb hulp nodig met mijn telefoon",
  "mijn moeder heeft dementie, ik ben mantelzorger. waar kan ik terecht?",
  "ik wil graag andere mensen ontmoeten",
  "wat kost de koffieochtend?",
  "hoeveel is het per keer?",
  "is er weer koffie morgen in het buurthuis?",
  "zijn er activiteiten voor kinderen in de zomer",
  "ik kan niet meer lopen, is er vervoer naar het buurthuis?",
  "welke buurtsportcoach is er in mijn wijk",
  "ik wil meer bewegen, iets voor 55-plussers?",
  "koffie drinken in 3701 vandaag",
  "Wat zegt het onderzoek over veiligheid en overlast in de buurt?",
  "de buurt is niet veilig meer door overlast van jongeren",
  "geweld in de wijk neemt toe, wat doet de gemeente?",
  "wanneer is de brandweer open dag",
  "ik wil mijn zelfvertrouwen vergroten",
  "ik wil mijn leven weer oppakken na de scheiding",
  "hoe maak ik een afspraak met het wijkteam",
];
