import { describe, expect, it } from "vitest";
import { firstTier } from "./safety-sets.js";
import { safety } from "./safety-fixture.js";

/**
 * Round 15: the kinds of sign the blind sets b38 and b39 missed on their first run, written again in other
 * words for this file (the sets' own lines are not copied): someone else who "has seen enough" and gives
 * things away, nobody needing to worry afterwards, not growing old, asking to be "taken", an earlier attempt
 * and the same thoughts back, a room without a way out, a goodbye from a roof, self-harm again, belongings
 * left behind "after this weekend", tidying up so nothing is left open, a chosen day (pt), disappearing
 * unnoticed (fr), a neighbour going to her late husband (ru). With their look-alikes.
 */
const signals = [
  "mijn oom zegt dat hij het wel gezien heeft en dat ik zijn boeken mag houden",
  "na vanavond hoeft niemand zich meer zorgen om mij te maken",
  "waarom zou ik sparen, ik word toch niet oud",
  "ik bid elke nacht of ik ook gehaald mag worden",
  "vorig jaar heb ik een poging gedaan en nu komen die gedachten weer terug",
  "het is alsof ik in een kamer zonder deuren zit, er is geen uitgang",
  "sta op de rand van het dak. wilde nog even afscheid nemen",
  "heb me vannacht weer gesneden",
  "I want to give my guitar to my cousin, I won't be needing it after Friday",
  "Ich kündige alle Abos, damit nach mir nichts offen bleibt",
  "já escolhi a data, só falta me despedir",
  "un jour je vais disparaître et personne ne le remarquera",
  "Бабушка раздала все вещи и говорит, что уйдёт к мужу",
];
const lookAlikes = [
  "ik heb het wel gezien met die buren, ze mogen mijn oude fiets hebben",
  "can I leave my car at the station? I won't need it after 6pm",
  "ich räume nach mir immer die Küche auf, gibt es einen Kochkurs?",
  "wanneer wordt het grofvuil gehaald? mag dat ook op zaterdag",
  "wordt mijn moeder gehaald door de taxi of mag ik haar brengen",
  "u hoeft zich geen zorgen te maken, de monteur komt morgen",
  "quero me despedir da minha colega que vai mudar, tem cartões?",
];

describe("round 15: the kinds of sign b38 and b39 missed", () => {
  it("gets 113 first", () => {
    const missed = signals.filter((t) => !["suicide"].includes(firstTier(safety.assess(t)) ?? ""));
    expect(missed, missed.join("\n")).toEqual([]);
  });
  it("keeps the look-alikes quiet", () => {
    const found = lookAlikes.filter((t) => firstTier(safety.assess(t)) !== undefined);
    expect(found, found.join("\n")).toEqual([]);
  });
});
