import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_CSV, FIXTURES, conversation, serviceWith } from "./helpers.js";

const ZWOLLE = join(FIXTURES, "zwolle-valid.csv");

describe("answers with listings people can act on", () => {
  it("gives the name, one sentence, next date, address with distance, cost, contact and a map link", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    const r = await conversation(service)("waar kan ik koffie drinken in 3701?");
    expect(r?.kind).toBe("results");
    const text = r!.replies[0]!.text;
    expect(text).toContain("Dit vond ik voor ontmoeting, in de buurt van 3701:");
    expect(text).toMatch(/1\. Koffieochtend/);
    expect(text).toMatch(/Wanneer: (nu bezig|vandaag|morgen|\w+dag \d+ \w+)/);
    expect(text).toMatch(/Waar: .+, Zeist \((minder dan 100 m|\d+ m|\d+,\d km), (in de buurt|iets verder weg)\)/);
    expect(text).toMatch(/Kosten: /);
    expect(text).toMatch(/Contact: bel 030 000 \d{4}/);
    expect(text).toMatch(/Kaart: https:\/\/www\.openstreetmap\.org\/\?mlat=52\.\d+&mlon=5\.\d+#map=18\/52\.\d+\/5\.\d+/);
    expect(text.match(/^\d\. /gm)).toHaveLength(3);
    expect(r!.sources).toHaveLength(3);
    expect(r!.sources[0]).toMatchObject({ title: expect.stringContaining("Koffie"), url: expect.stringMatching(/^https:\/\//) });
    expect(r!.place).toBe("3701");
  });

  it("gives professionals up to five results", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    const r = await service.search.respond({ text: "iets voor een man van 80 in 3705 op dinsdag", persona: "professional", now: new Date("2026-11-24T09:30:00Z") });
    expect(r?.replies[0]!.text).toContain("voor ouderen, op dinsdag, in de buurt van 3705");
    expect(r?.replies[0]!.text.match(/^\d\. /gm)).toHaveLength(5);
    expect(r?.replies[0]!.text).not.toMatch(/Wanneer: (woensdag|donderdag|vrijdag|zaterdag|zondag|maandag)/);
  });

  it("works for another municipality's file without code changes, and flags old information", async () => {
    const { service } = await serviceWith([ZWOLLE]);
    const ask = conversation(service);
    const koffie = await ask("koffie drinken in Zwolle");
    expect(koffie?.replies[0]!.text).toContain("1. Koffieochtend De Pelikaan");
    expect(koffie?.replies[0]!.text).toContain("Wanneer: nu bezig, tot 12:00");
    const taal = await ask("waar kan ik Nederlands leren in 8043?");
    const text = taal!.replies[0]!.text;
    expect(text).toContain("1. Taalcafé Stadshagen");
    expect(text).toContain("Wanneer: donderdag 26 november, 19:00–21:00");
    expect(text).toContain("Even bellen om te checken");
    expect(text).toContain("Contact: bel 030 000 9003 of mail taal@stadshagen.example");
  });
});

describe("asking for a place", () => {
  it("asks for a postcode or wijk with the location button, and answers once the place comes", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    const ask = conversation(service);
    const first = await ask("ik zoek een koffieochtend");
    expect(first?.kind).toBe("need_place");
    expect(first?.replies[0]).toMatchObject({ requestLocation: true, text: expect.stringContaining("postcode (bijvoorbeeld 3701)") });
    const second = await ask("3701");
    expect(second?.kind).toBe("results");
    expect(second?.replies[0]!.text).toContain("voor ontmoeting, in de buurt van 3701");
    expect(second?.place).toBe("3701");
    // The place is remembered for the next question.
    const third = await ask("en sporten?");
    expect(third?.replies[0]!.text).toContain("voor sport en bewegen, in de buurt van 3701");
  });

  it("answers a waiting question with a shared location, and a location alone with what is near now", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    const ask = conversation(service);
    await ask("waar kan ik mensen ontmoeten bij mij in de buurt");
    const located = await ask("", { location: { lat: 52.0775, lon: 5.2535 } });
    expect(located?.replies[0]!.text).toContain("voor ontmoeting, bij uw locatie");
    const alone = await conversation(service)("", { location: { lat: 52.0775, lon: 5.2535 } });
    expect(alone?.kind).toBe("results");
    expect(alone?.replies[0]!.text).toMatch(/Dit is er bij uw locatie, nu of binnen een uur:|Nu of binnen een uur vond ik niets/);
  });

  it("remembers what was understood, not what was written", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    const r = await service.search.respond({ text: "ik zoek dinsdagochtend koffie voor mijn vader van 78, hij heet Henk", persona: "resident", now: new Date("2026-11-24T09:30:00Z") });
    expect(r?.kind).toBe("need_place");
    expect(r?.memory).toBeDefined();
    expect(r?.memory).not.toMatch(/Henk|vader|78/);
    expect(JSON.parse(r!.memory!)).toMatchObject({ pending: { categories: ["ontmoeting"], audiences: ["ouderen"], timeWords: "dinsdagochtend" } });
  });

  it("says so when it does not know the place", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    const r = await conversation(service)("ik woon in Atlantisdorp, is er een taalcafé?");
    expect(r).toMatchObject({ kind: "need_place", replies: [{ text: expect.stringContaining('Ik ken "Atlantisdorp" niet') }] });
  });

  it("says by name that a place outside the listings' gemeenten has no activities, and what still helps", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    const text = (await conversation(service)("ik woon in Rotterdam, is er een taalcafé?"))!.replies[0]!.text;
    expect(text).toContain("Ik heb geen activiteiten in Rotterdam.");
    expect(text).toContain("Ik ken alleen activiteiten in Zeist.");
    expect(text).toContain("Bel de gemeente Rotterdam: 14 en dan het netnummer");
    expect(text).not.toMatch(/Kaart:|iets verder weg/);
  });

  it("uses a place named earlier in the conversation", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    const r = await conversation(service, { place: "Kerckebosch" })("is er een repair café?");
    expect(r?.replies[0]!.text).toContain("in de buurt van Kerckebosch");
  });
});

describe("follow-ups and widening", () => {
  it("keeps the need and changes the day on 'en morgen?'", async () => {
    const { service } = await serviceWith([ZWOLLE]);
    const ask = conversation(service);
    await ask("taalcafé in Zwolle");
    const r = await ask("en morgen?");
    expect(r?.replies[0]!.text).toMatch(/^Morgen vond ik niets/);
    expect(r?.replies[0]!.text).toContain("Taalcafé Stadshagen");
  });

  it("widens to another day when nothing is on at the asked time", async () => {
    const { service } = await serviceWith([ZWOLLE]);
    const r = await conversation(service)("taalcafé in Zwolle op zondag");
    const text = r!.replies[0]!.text;
    expect(text).toContain("Op zondag vond ik niets. Ik kijk daarom ook naar andere dagen.");
    expect(text).toContain("Dit vond ik voor taal en leren, in de buurt van Zwolle:");
    expect(text).toContain("Wanneer: donderdag 26 november, 19:00–21:00");
  });

  it("drops a filter that nothing matches, and says which", async () => {
    const { service } = await serviceWith([ZWOLLE]);
    const r = await conversation(service)("taalcafé in het Pools in Zwolle");
    expect(r?.replies[0]!.text).toContain("Ik vond niets dat precies past (in het Pools)");
    expect(r?.replies[0]!.text).toContain("Taalcafé Stadshagen");
  });

  it("shows other activities when the need is not on offer", async () => {
    const { service } = await serviceWith([ZWOLLE]);
    const r = await conversation(service)("vervoer naar de dokter in Zwolle");
    expect(r?.replies[0]!.text).toContain("Ik vond geen vervoer in de buurt. Ik laat andere activiteiten zien.");
    expect(r?.replies[0]!.text).toMatch(/1\. /);
  });

  it("never offers another gemeente's far-away activities as 'iets verder weg'", async () => {
    const { service } = await serviceWith([ZWOLLE]);
    const text = (await conversation(service)("koffie drinken in 3701"))!.replies[0]!.text;
    expect(text).toContain("Ik heb geen activiteiten in 3701 (Zeist).");
    expect(text).not.toMatch(/iets verder weg|Kaart:/);
  });

  it("filters on cost and language", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    const free = await conversation(service)("gratis sporten in Zeist");
    expect(free?.replies[0]!.text).toContain("voor sport en bewegen, gratis");
    expect(free?.replies[0]!.text.match(/Kosten: (.+)/g)?.every((line) => line === "Kosten: gratis")).toBe(true);
    const english = await conversation(service)("taalcafé in het Engels in 3702");
    expect(english?.replies[0]!.text).toContain("in het Engels");
  });
});

describe("what is not for listings", () => {
  it.each(["wat is de sociale basis?", "Welke rol speelt sport als sociaal middel voor ouderen?", "hallo"])("returns null for %s", async (text) => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    expect(await conversation(service)(text)).toBeNull();
  });
});

describe("loading LISTINGS_DIR", () => {
  it("skips an invalid file whole with its report in the log, loads the others, and ignores README.md", async () => {
    const logLines: string[] = [];
    const { service } = await serviceWith([ZWOLLE, join(FIXTURES, "invalid.csv"), join(FIXTURES, "hsds-nested.json")], { logLines });
    expect((await service.listings()).map((l) => l.id).sort()).toEqual(["nested-1", "zwl-001", "zwl-002", "zwl-003", "zwl-004", "zwl-005"]);
    const warning = logLines.find((l) => l.includes("invalid.csv"));
    expect(warning).toContain("listings file is invalid and was skipped");
    expect(warning).toContain("tijd 25:00 bestaat niet");
  });

  it("updates when a file changes and removes the listings of a file that is gone", async () => {
    const { service, dir } = await serviceWith([ZWOLLE]);
    writeFileSync(join(dir, "README.md"), "# not listings\n");
    copyFileSync(join(FIXTURES, "hsds-nested.json"), join(dir, "extra.json"));
    await service.loadDirectory();
    expect(await service.listings()).toHaveLength(6);
    rmSync(join(dir, "zwolle-valid.csv"));
    await service.loadDirectory();
    expect((await service.listings()).map((l) => l.id)).toEqual(["nested-1"]);
  });

  it("renders every listing as a retrieval document", async () => {
    const { service } = await serviceWith([ZWOLLE]);
    const doc = (await service.documents()).find((d) => d.id === "listing:zwl-002")!;
    expect(doc).toMatchObject({ kind: "listing", title: "Beweegclub 60+ Assendorp", url: "https://assendorp-sport.example" });
    expect(doc.text).toContain("Soort activiteit: sport en bewegen.");
    expect(doc.text).toContain("Voor wie: ouderen.");
    expect(doc.text).toContain("elke woensdag van 10:00 tot 11:00 en elke eerste vrijdag van de maand van 14:00 tot 15:00");
    expect(doc.text).toContain("Kosten: €2,00.");
    expect((await service.documents()).find((d) => d.id === "listing:zwl-004")!.text).toContain("Wanneer: op afspraak.");
  });
});

describe("follow-ups stay follow-ups", () => {
  it("does not turn an unrelated question with a day into the last search", async () => {
    const { service } = await serviceWith([ZWOLLE]);
    const ask = conversation(service);
    await ask("taalcafé in Zwolle");
    expect(await ask("hoe wordt het weer morgen?")).toBeNull();
    await ask("taalcafé in Zwolle");
    expect((await ask("liever gratis"))?.replies[0]!.text).toContain("voor taal en leren, gratis");
  });
});

describe("distances stay honest", () => {
  it("shows what was asked a little further away, with its distance said, before other kinds nearby", async () => {
    const { service } = await serviceWith([ZWOLLE]);
    // Breezicht, the far north of Stadshagen: 5.7 km from the one beweegclub.
    const text = (await conversation(service)("bewegen in breezicht"))!.replies[0]!.text;
    expect(text).toMatch(/^Binnen 5 km vond ik niets\. Het dichtstbij is \d,\d km hier vandaan\./);
    expect(text).toContain("Beweegclub 60+ Assendorp");
    expect(text).toMatch(/\(\d,\d km, ver weg\)/);
    expect(text).not.toContain("in de buurt van Breezicht");
  });
});

describe("follow-ups that name a listing of the list before the last one", () => {
  it("finds it by a word of its name, and 'dat' is that one next", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    const ask = conversation(service);
    const rouw = await ask("is er een rouwgroep in 3701?");
    expect(rouw?.replies[0]!.text).toMatch(/1\. Rouwgroep/);
    // A coffee morning asked without a loss named: the rouwgroep is not in that list.
    const coffee = await ask("en een koffieochtend?");
    expect(coffee?.replies[0]!.text).toMatch(/Koffieochtend/);
    expect(coffee?.replies[0]!.text).not.toMatch(/Rouwgroep/);
    const named = await ask("waar is die rouwgroep");
    expect(named?.replies[0]!.text).toMatch(/^Adres: .+Zeist/);
    expect(named?.replies[0]!.text).not.toMatch(/Koffieochtend/);
    // The one just named from the list before is what "dat" means next.
    const last = await ask("en wanneer is dat?");
    expect(last?.replies[0]!.text).not.toMatch(/Koffieochtend/);
    expect(last?.replies[0]!.text).toMatch(/dinsdag/);
  });
});

describe("listings about a life event", () => {
  it("a rouwgroep or geheugencafé comes last unless the person names a loss or dementia", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    const plain = await conversation(service)("ik zoek gezelligheid, mensen ontmoeten in 3701");
    expect(plain?.replies[0]!.text).not.toMatch(/Rouwgroep/);
    const loss = await conversation(service)("mijn man is overleden, ik zoek mensen om mee te praten in 3701");
    expect(loss?.replies[0]!.text).toMatch(/Rouwgroep/);
    const dementia = await conversation(service)("een groep voor partners van iemand met dementie in 3701");
    expect(dementia?.replies[0]!.text).toMatch(/Geheugencafé|Mantelzorgcafé/);
    expect(dementia?.replies[0]!.text).not.toMatch(/Rouwgroep/);
  });
});

describe("a follow-up said in several short sentences", () => {
  it("takes the listing pointed at in one sentence and the questions of all of them", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    const ask = conversation(service);
    const list = await ask("ik zoek samen eten in 3701");
    const first = /1\. ([^\n]+)/.exec(list!.replies[0]!.text)![1]!;
    const second = /2\. ([^\n]+)/.exec(list!.replies[0]!.text)![1]!;
    const reply = (await ask("de eerste. moet je daar opgeven. en is dat ver lopen van mij"))!.replies[0]!.text;
    expect(reply).toMatch(/Adres: /);
    expect(reply).toMatch(/aanmelden|opgeven|afspraak/i);
    expect(reply).not.toContain(second);
    expect(first.length).toBeGreaterThan(0);
  });

  it("is no follow-up when one of the sentences asks something new", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    const ask = conversation(service);
    await ask("ik zoek samen eten in 3701");
    const reply = (await ask("de eerste. is er ook een zwembad in de buurt?"))?.replies[0]?.text ?? "";
    expect(reply).not.toMatch(/^Adres: /);
  });
});

describe("a listing named from a list further back", () => {
  it("is found by its name two lists later", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    const ask = conversation(service);
    const first = await ask("is er een rouwgroep in 3701?");
    expect(first?.replies[0]!.text).toMatch(/1\. Rouwgroep/);
    await ask("en een koffieochtend?");
    await ask("ik zoek ook een wandelgroep");
    const named = await ask("waar is die rouwgroep van daarnet");
    expect(named?.replies[0]!.text).toMatch(/^Adres: .+Zeist/);
    expect(named?.replies[0]!.text).not.toMatch(/wandel/i);
  });
});

describe("a group the person says it is not for", () => {
  it("leaves out listings meant for that group, also in the follow-up", async () => {
    const { service } = await serviceWith([EXAMPLE_CSV]);
    const ask = conversation(service);
    const first = (await ask("taalles in 3701 voor mezelf, niet voor kinderen"))!.replies[0]!.text;
    expect(first).not.toMatch(/peuters|Huiswerk|kinderen van/i);
    const later = (await ask("en op zaterdag?"))?.replies[0]?.text ?? "";
    expect(later).not.toMatch(/peuters/i);
  });
});
