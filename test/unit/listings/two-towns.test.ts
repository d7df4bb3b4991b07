import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ListingsService } from "../../../src/listings/listings-service.js";
import { conversation, FIXTURES, serviceWith } from "./helpers.js";

/**
 * Two fictional towns loaded together (Amersfoort and Leeuwarden, at real CBS coordinates), none
 * of them the shipped Zeist example: places are found through the national tables only.
 */
const TOWNS = [join(FIXTURES, "towns/amersfoort-fictief.csv"), join(FIXTURES, "towns/leeuwarden-fictief.csv")];
const DAY_AND_TIME = /Wanneer: (vandaag, |morgen, )?(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} \w+, \d{2}:\d{2}–\d{2}:\d{2}|Wanneer: nu bezig, tot \d{2}:\d{2}|Wanneer: op afspraak/;

let service: ListingsService;
beforeAll(async () => {
  ({ service } = await serviceWith(TOWNS));
});

async function ask(text: string) {
  const r = await conversation(service)(text);
  expect(r).not.toBeNull();
  return r!;
}

/** The numbered listing blocks of an answer, each with its own Wanneer/Waar/Kaart lines. */
function blocks(text: string): string[] {
  return text.split("\n\n").filter((b) => /^\d+\. /.test(b));
}

function expectActionable(text: string) {
  const found = blocks(text);
  expect(found.length).toBeGreaterThan(0);
  for (const block of found) {
    expect(block).toMatch(DAY_AND_TIME);
    expect(block).toMatch(/Waar: .+\((minder dan 100 m|\d+ m|\d+(,\d)? km), (in de buurt|iets verder weg|ver weg)\)/);
    expect(block).toMatch(/Kosten: /);
    expect(block).toMatch(/Contact: bel 0\d\d 000 \d{4}/);
    expect(block).toMatch(/Kaart: https:\/\/www\.openstreetmap\.org\/\?mlat=5\d\.\d{5}&mlon=5\.\d{5}/);
  }
}

describe("two towns: a question by wijk, buurt, woonplaats or postcode finds the right listing", () => {
  it.each([
    ["Mijn moeder van 82 wil graag bewegen, is er op woensdag iets in Vathorst?", "Beweegochtend 55+ Vathorst", /woensdag 25 november, 10:00–11:00/],
    ["is er koffie in het Soesterkwartier?", "Koffieochtend Soesterkwartier", /10:00–12:00/],
    ["taalcafé in vathorst", "Taalcafé Vathorst", /zaterdag 28 november, 10:00–12:00/],
    ["samen eten in Hoogland", "Samen eten in Hoogland", /vrijdag 27 november, 17:30–19:30/],
    ["hulp met geld in de Zangvogelbuurt", "Geldloket inloop Liendert", /donderdag 26 november, 13:00–16:00/],
    ["mantelzorg steunpunt in Langenoord", "Mantelzorgsteunpunt Hoogland", /maandag 30 november, 09:00–12:00/],
    ["wandelen voor ouderen in Camminghaburen", "Wandelgroep Camminghaburen", /woensdag 25 november, 10:00–11:30/],
    ["ik zoek een inloop in de Vrijheidswijk", "Inloop Vrijheidswijk", /14:00–16:00/],
    ["samen eten in Stiens", "Buurtmaaltijd Stiens", /vrijdag 27 november, 17:00–19:00/],
    ["schuldhulp in 8917", "Schuldhulp-inloop Bilgaard", /maandag 30 november, 10:00–12:00/],
    ["schuldhulp bij 3815 AB", "Geldloket inloop Liendert", /13:00–16:00/],
    ["koffie in 3812", "Koffieochtend Soesterkwartier", /10:00–12:00/],
    ["computerhulp in Liendert", "Digitaal spreekuur Liendert", /op afspraak/],
  ])("%s → %s", async (question, name, when) => {
    const r = await ask(question);
    expect(r.kind).toBe("results");
    const first = blocks(r.replies[0]!.text)[0]!;
    expect(first).toContain(name);
    expect(first).toMatch(when);
    expectActionable(r.replies[0]!.text);
  });

  it("reads a wijk name with a typo, written together or lower case", async () => {
    for (const q of ["bewegen in Vathrost", "koffie in het soesterkwatier", "wandelen in camminghaburen"]) {
      const r = await ask(q);
      expect(r.kind).toBe("results");
      expect(r.replies[0]!.text).not.toContain("Ik ken");
      expectActionable(r.replies[0]!.text);
    }
  });

  it("does not let an ordinary word that is also a place name take over the question", async () => {
    const r = await ask("best leuk, is er koffie in het Soesterkwartier?");
    expect(r.replies[0]!.text).toContain("in de buurt van Soesterkwartier");
  });
});

describe("two towns: outside the covered gemeenten", () => {
  it.each([
    ["koffie drinken in Maastricht", "Ik heb geen activiteiten in Maastricht.", "gemeente Maastricht"],
    ["is er een taalcafé in 1012?", "Ik heb geen activiteiten in 1012 (Amsterdam).", "gemeente Amsterdam"],
    ["sporten in Lemmer", "Ik heb geen activiteiten in Lemmer.", "gemeente De Fryske Marren"],
    ["iets voor ouderen in Wittevrouwen", "Ik heb geen activiteiten in Wittevrouwen.", "gemeente Utrecht"],
  ])("%s → says so by name", async (question, said, gemeente) => {
    const text = (await ask(question)).replies[0]!.text;
    expect(text).toContain(said);
    expect(text).toContain("Ik ken alleen activiteiten in Amersfoort en Leeuwarden.");
    expect(text).toContain(`Bel de ${gemeente}: 14 en dan het netnummer`);
    expect(text).toContain("Juridisch Loket");
    expect(text).not.toMatch(/iets verder weg|Kaart:/);
  });

  it("shows what is just across the border, with honest distances", async () => {
    // Soest borders Amersfoort: the gemeente has no listings, the Soesterkwartier is a few km away.
    const text = (await ask("koffie in Soest")).replies[0]!.text;
    expect(text.startsWith("Ik heb geen activiteiten in Soest zelf. Dit is het dichtstbij, buiten Soest:")).toBe(true);
    expect(blocks(text)[0]).toContain("Koffieochtend Soesterkwartier");
    for (const block of blocks(text)) expect(block).toMatch(/\((\d+ m|\d,\d km), (in de buurt|iets verder weg)\)/);
    // Nothing of the kind within 5 km: no results at all, only the help.
    expect((await ask("sporten in Leusden")).replies[0]!.text).toMatch(/^Ik heb geen activiteiten in Leusden\.\n/);
  });

  it("never calls 10 km 'in de buurt': far results inside a gemeente say how far", async () => {
    // Grou is a village of Leeuwarden, some 19 km from the Stiens meal.
    const text = (await ask("samen eten in Grou")).replies[0]!.text;
    expect(text).toMatch(/Binnen 5 km vond ik niets\. Het dichtstbij is \d+ km hier vandaan\./);
    expect(text).toMatch(/\(\d+ km, ver weg\)/);
    expect(text).not.toContain("in de buurt van Grou");
  });
});

describe("two towns: an ambiguous name asks once", () => {
  it("asks which Bloemenbuurt, with a button each, and answers the choice with the waiting question", async () => {
    const say = conversation(service);
    const first = await say("is er koffie in de Bloemenbuurt?");
    expect(first?.kind).toBe("need_place");
    expect(first?.replies[0]!.text).toBe("Bedoelt u Bloemenbuurt (Amersfoort) of Bloemenbuurt (Leeuwarden)?");
    const buttons = first!.replies[0]!.buttons!;
    expect(buttons.map((b) => b.value)).toEqual(["Bloemenbuurt (Amersfoort)", "Bloemenbuurt (Leeuwarden)"]);
    expect(new Set(buttons.map((b) => b.id)).size).toBe(2);
    const second = await say(buttons[0]!.value!);
    expect(second?.kind).toBe("results");
    expect(blocks(second!.replies[0]!.text)[0]).toContain("Koffieochtend Soesterkwartier");
    expectActionable(second!.replies[0]!.text);
  });

  it("does not ask when the town is said with the name", async () => {
    const r = await ask("koffie in de Bloemenbuurt in Leeuwarden");
    expect(r.kind).toBe("results");
    expect(blocks(r.replies[0]!.text)[0]).toContain("Inloop Vrijheidswijk");
  });
});

describe("two towns: help nearby for a situation that needs a person", () => {
  it("finds the schuldhulp-inloop nearest to the wijk named, and the mantelzorgsteunpunt", async () => {
    const debts = await service.search.nearestHelp!({ text: "ik heb schulden en snap de brieven niet meer, waar kan ik terecht in Liendert?", persona: "resident", now: new Date("2026-11-24T09:30:00Z"), topic: "debts" });
    expect(debts?.reply.text).toContain("Geldloket inloop Liendert");
    expect(debts?.reply.text).toMatch(DAY_AND_TIME);
    expect(debts?.place).toBe("Liendert");
    const care = await service.search.nearestHelp!({ text: "ik kan de zorg voor mijn man niet meer aan", place: "Hoogland", persona: "resident", now: new Date("2026-11-24T09:30:00Z"), topic: "care" });
    expect(care?.reply.text).toContain("Mantelzorgsteunpunt Hoogland");
    const nowhere = await service.search.nearestHelp!({ text: "ik heb schulden", persona: "resident", now: new Date("2026-11-24T09:30:00Z"), topic: "debts" });
    expect(nowhere).toBeNull();
    // Outside the covered gemeenten: said by name, with that gemeente's own route.
    const outside = await service.search.nearestHelp!({ text: "ik heb schulden, ik woon in Maastricht", persona: "resident", now: new Date("2026-11-24T09:30:00Z"), topic: "debts" });
    expect(outside?.outside).toBe(true);
    expect(outside?.reply.text).toContain("Ik heb geen activiteiten in Maastricht.");
    expect(outside?.reply.text).toContain("Bel de gemeente Maastricht: 14 en dan het netnummer.");
  });
});

describe("two towns: the place is remembered so that it finds the same place again", () => {
  it("remembers an ambiguous name with its gemeente, and a follow-up stays there", async () => {
    const say = conversation(service);
    const first = await say("koffie in de Bloemenbuurt in Leeuwarden");
    expect(first?.place).toBe("Bloemenbuurt (Leeuwarden)");
    const later = await say("is er ook iets om samen te eten?");
    expect(blocks(later!.replies[0]!.text)[0]).not.toContain("Hoogland");
    expect((await say("bewegen in Vathorst"))?.place).toBe("Vathorst");
  });
});
