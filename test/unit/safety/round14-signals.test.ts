import { describe, expect, it } from "vitest";
import { firstTier } from "./safety-sets.js";
import { safety } from "./safety-fixture.js";

/**
 * Round 14: sentences written for this file, from a teenager played in a conversation. Self-harm said as a
 * habit ("ik kras soms", "is het raar dat ik kras?") gets 113 first; "kras" as a scratch on a lottery ticket
 * does not. Parents who throw things while they fight are unsafe at home; parents who visit are not.
 */
const selfHarmHabit = [
  "ik kras soms",
  "k kras vaak als het thuis weer mis is",
  "is het raar dat ik kras?",
  "ik was aan het krassen op mijn kamer",
];
const scratchLookAlikes = ["ik kras een lot bij de sigarenwinkel", "waar kan ik een kraslot kopen", "de kat krast aan de bank"];

const unsafeParents = ["mijn ouders maken altijd ruzie en soms gooien ze met dingen", "ik ben bang voor mijn ouders"];
const ordinaryParents = ["mijn ouders komen op bezoek en ik ben bang dat ze het huis vies vinden", "mijn ouders wonen in Utrecht, is daar een buurthuis?"];

describe("round 14: self-harm as a habit, and parents at home", () => {
  it("gets 113 first for self-harm said as a habit", () => {
    const missed = selfHarmHabit.filter((t) => firstTier(safety.assess(t)) !== "suicide");
    expect(missed, missed.join("\n")).toEqual([]);
  });

  it("keeps a scratch card and a cat quiet", () => {
    const found = scratchLookAlikes.filter((t) => firstTier(safety.assess(t)) !== undefined);
    expect(found, found.join("\n")).toEqual([]);
  });

  it("reads parents who throw things or are feared as unsafe at home, and a visit as ordinary", () => {
    const missed = unsafeParents.filter((t) => firstTier(safety.assess(t)) !== "unsafe_home");
    expect(missed, missed.join("\n")).toEqual([]);
    const found = ordinaryParents.filter((t) => firstTier(safety.assess(t)) !== undefined);
    expect(found, found.join("\n")).toEqual([]);
  });
});

/** From a widower, a mother writing Levantine Arabic and the blind sets b38/b39 (read after their first run). */
const widowerSignals = [
  "laat maar. eerlijk gezegd hoeft het voor mij niet zo lang meer te duren",
  "sinds mijn vrouw dood is mis ik haar zo, ik wil het liefst weer bij haar zijn",
  "ik ben 92, ik heb genoeg geleefd",
  "het is mooi geweest zo",
];
const widowerLookAlikes = [
  "de wachtrij hoeft voor mij niet zo lang te duren",
  "ik heb lang genoeg geleefd in Utrecht, ik wil verhuizen naar Zeist",
  "mijn moeder is overleden en mijn vader wil weer bij ons zijn met kerst",
  "mijn hond is dood, ik mis hem, wil weer een hond, kan ik bij het asiel?",
  "het was een mooie dag, het is mooi geweest",
];
const emergencies = [
  "يا الله، في نار بالمطبخ، الزيت اشتعل والدخان كتير!",
  "اشتعلت النار في المطبخ",
  "في دخان كتير بالبيت",
  "Mijn ex staat NU voor de deur met een mes en schopt ertegen",
  "kind van de buren zit alleen op de balkonreling 4e verdieping",
];
const emergencyLookAlikes = [
  "طبخت أرز على النار في المطبخ، هل يوجد درس طبخ؟",
  "ik ben er helemaal klaar mee, wasmachine kapot en de verhuurder reageert niet. kan de gemeente iets doen?",
  "mijn kind zit op de vensterbank te lezen, is er een bibliotheek open?",
];

describe("round 14: a widower's signs, and emergencies in Levantine Arabic", () => {
  it("gets 113 first for finality and wanting to be with a partner who died", () => {
    const missed = widowerSignals.filter((t) => firstTier(safety.assess(t)) !== "suicide");
    expect(missed, missed.join("\n")).toEqual([]);
  });
  it("keeps a queue, a move, a visit at Christmas and a new dog quiet", () => {
    const found = widowerLookAlikes.filter((t) => firstTier(safety.assess(t)) === "suicide");
    expect(found, found.join("\n")).toEqual([]);
  });
  it("gets 112 first for fire, a knife at the door and a child at a height", () => {
    const missed = emergencies.filter((t) => firstTier(safety.assess(t)) !== "acute");
    expect(missed, missed.join("\n")).toEqual([]);
  });
  it("keeps cooking on the fire, a landlord who does not answer and a child reading quiet", () => {
    const found = emergencyLookAlikes.filter((t) => firstTier(safety.assess(t)) !== undefined);
    expect(found, found.join("\n")).toEqual([]);
  });
});

describe("round 14: a goodbye posted online, and sleeping without waking in Arabic", () => {
  it("gets 113 first", () => {
    for (const t of ["mijn dochter zette op haar insta 'bedankt voor alles, sorry' en reageert niet meer", "أخي يقول دائماً إنه يتمنى أن ينام ولا يستيقظ أبداً"]) {
      expect(safety.assess(t).crisisKinds ?? [], t).toContainEqual(expect.stringMatching(/suicide|self_harm/));
    }
  });
  it("keeps thanks for help with a move, sleeping well and a neighbour who does not answer quiet", () => {
    for (const t of ["ik heb een post op insta gezet: bedankt allemaal voor de hulp bij de verhuizing", "اتمنى ان انام جيدا الليلة، هل يوجد يوغا في زيست؟", "bedankt voor alles, de buurvrouw reageert niet meer op mijn brieven over de heg"]) {
      expect(firstTier(safety.assess(t)), t).toBeUndefined();
    }
  });
});
