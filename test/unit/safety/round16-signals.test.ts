import { describe, expect, it } from "vitest";
import { firstTier } from "./safety-sets.js";
import { safety } from "./safety-fixture.js";

/**
 * Round 16: the kinds of sign the blind set b40 missed on its first run (46/60), written again in other words
 * for this file: a rope ready and not yet daring, how many pills "before it no longer turns out well", nobody
 * noticing one is gone, going to sleep hoping it is the last time, no door that opens any more, seeing oneself
 * nowhere in five years, asking "for myself" about debts after death, a will to be arranged "before I am no
 * longer here" this month; Turkish "when I am gone you will be relieved", a Russian earlier attempt and the
 * thoughts back, Spanish searching how to hurt oneself; a child on a balcony edge (tr); an ex who knows the
 * address, an old neighbour scolded and her bank card taken, receipts to show to a partner, a passport taken
 * and not allowed outside. With look-alikes.
 */
const signals: Array<[string, string]> = [
  ["de strop hangt al klaar op zolder, ik durf alleen nog niet", "suicide"],
  ["hoeveel tabletten oxazepam voordat het niet meer goed komt", "suicide"],
  ["ik zit al weken binnen. niemand die merkt als ik er niet meer ben", "suicide"],
  ["ik ga elke nacht slapen met de hoop dat het de laatste keer is", "suicide"],
  ["er is geen deur meer die opengaat voor mij", "suicide"],
  ["waar ik mezelf over een jaar zie? nergens", "suicide"],
  ["wat gebeurt er met een huurschuld als je overlijdt? vraag voor mezelf", "suicide"],
  ["ik wil mijn testament geregeld hebben voordat ik er niet meer ben, deze week nog", "suicide"],
  ["babam 'ben gidince hepiniz rahat edersiniz' diyor", "suicide"],
  ["я пытался в прошлом году, и сейчас опять эти мысли", "suicide"],
  ["mi amiga busca cómo hacerse daño", "suicide"],
  ["komşunun çocuğu balkonun kenarına çıktı", "acute"],
  ["mijn ex weet waar ik nu woon en zegt dat ik het wel zal zien", "unsafe_home"],
  ["de buurman scheldt zijn moeder uit en heeft haar pinpas", "unsafe_home"],
  ["ik moet elke week alle bonnetjes laten zien aan hem, ik krijg 30 euro per week van hem", "unsafe_home"],
  ["mijn schoonmoeder heeft mijn paspoort ingenomen en ik mag niet alleen naar buiten", "unsafe_home"],
];
const lookAlikes = [
  "ik heb een touw gekocht voor de schommel, durf mijn kind er al op?",
  "niemand die merkt dat ik er niet ben geweest op de vergadering, fijn",
  "ik hoop dat het de laatste keer is dat ik moet slapen in het ziekenhuis",
  "Er springen kinderen van de brug in de gracht, is dat eigenlijk toegestaan?",
  "hoe laat een testament maken? ik wil alles geregeld hebben voor mijn kinderen, deze maand nog",
];

describe("round 16: the kinds of sign b40 missed", () => {
  it("gets the right tier first", () => {
    const missed = signals.filter(([t, tier]) => firstTier(safety.assess(t)) !== tier).map(([t]) => t);
    expect(missed, missed.join("\n")).toEqual([]);
  });
  it("keeps the look-alikes quiet", () => {
    const found = lookAlikes.filter((t) => firstTier(safety.assess(t)) !== undefined);
    expect(found, found.join("\n")).toEqual([]);
  });
});
