import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createWegwijzer } from "../../../src/knowledge/wegwijzer/wegwijzer.js";
import { parseEntry, readWegwijzer, type WegwijzerCues } from "../../../src/knowledge/wegwijzer/wegwijzer-entries.js";

const cues: WegwijzerCues = {
  sections: {
    "wat is het": ["wat is"],
    "voor wie": ["voor wie"],
    "wat kost het": ["kost", "gratis"],
    "wat kunt u doen": ["aanvragen", "waar"],
  },
  local: ["hoeveel", "wanneer", "hier", "kan ik"],
  gemeente: ["gemeente", "hier", "bij ons"],
  localAlone: ["tot welk inkomen"],
};

const entry = (id: string, terms: string, extra = "", local = "") =>
  parseEntry(
    `---\nid: ${id}\ntitle: "${id}"\nterms: "${terms}"\npublisher: "Uitgever"\nurl: "https://example.org/${id}"\naudience: "residents"\n${local ? `local: "${local}"\n` : ""}---\n` +
      `## Wat is het\n${id} is iets. Het helpt u. Meer uitleg.\n\n## Voor wie\nVoor iedereen.\n\n## Wat kost het\nHet is gratis.\n\n## Wat kunt u doen\nBel ons.\n${extra}`,
    `${id}.md`,
  );

const guide = createWegwijzer({
  entries: [
    entry("respijtzorg", "respijtzorg | logeerzorg", "", "hoeveel u krijgt"),
    entry("mantelzorg", "mantelzorg | mantelzorger"),
    entry("mantelzorgmakelaar", "mantelzorgmakelaar | mantelzorg makelaar"),
    entry("eenzaamheid", "eenzaamheid | eenzaam", "\n## Wat helpt\nPraten helpt.\n"),
    entry("cjg", "cjg | centrum voor jeugd en gezin"),
  ],
  cues,
});

describe("wegwijzer entries", () => {
  it("refuses an entry without the public page of its facts or without a required section", () => {
    expect(() => parseEntry('---\nid: x\ntitle: "X"\nterms: "x"\npublisher: "P"\naudience: "residents"\n---\n## Wat is het\nX.', "x.md")).toThrow(/x\.md: url/);
    expect(() => parseEntry('---\nid: x\ntitle: "X"\nterms: "x"\npublisher: "P"\nurl: "https://p.nl"\naudience: "residents"\n---\n## Wat is het\nX.', "x.md")).toThrow(/Voor wie/);
  });

  it("reads a folder without cues (every question gets the explanation) and refuses a bad cues file", () => {
    const dir = mkdtempSync(join(tmpdir(), "wegwijzer-"));
    try {
      mkdirSync(join(dir, "wegwijzer"));
      writeFileSync(join(dir, "wegwijzer", "x.md"), '---\nid: x\ntitle: "X"\nterms: "xx"\npublisher: "P"\nurl: "https://p.nl"\naudience: "residents"\n---\n## Wat is het\nX.\n## Voor wie\nA.\n## Wat kost het\nB.\n## Wat kunt u doen\nC.\n');
      const read = readWegwijzer(dir);
      expect(read.entries.map((e) => e.id)).toEqual(["x"]);
      expect(createWegwijzer(read).answer("hoeveel kost xx")!.text).toContain("X.");
      writeFileSync(join(dir, "wegwijzer", "cues.json"), '{"sections": {}, "local": "hoeveel"}');
      expect(() => readWegwijzer(dir)).toThrow(/cues\.json: local/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the shipped wegwijzer: every entry has a public https page and the four sections", () => {
    const shipped = readWegwijzer(fileURLToPath(new URL("../../../knowledge", import.meta.url)));
    expect(shipped.entries.length).toBeGreaterThanOrEqual(25);
    for (const e of shipped.entries) expect(e.url).toMatch(/^https?:\/\/[a-z0-9.-]+\.[a-z]{2,}/);
    expect(shipped.cues.local.length).toBeGreaterThan(10);
  });
});

describe("wegwijzer guide", () => {
  it("explains a topic, with its typo or written apart, and names the page the facts come from", () => {
    for (const q of ["wat is respijtzorg", "wat is respijt zorg", "wat is respijtzrg?"]) {
      const a = guide.answer(q)!;
      expect(a.kind).toBe("explanation");
      expect(a.text).toContain("respijtzorg is iets.");
      expect(a.sources).toEqual([{ title: "respijtzorg", publisher: "Uitgever", url: "https://example.org/respijtzorg" }]);
    }
  });

  it("picks the most specific topic: a mantelzorgmakelaar is not mantelzorg", () => {
    expect(guide.answer("wat doet een mantelzorgmakelaar")!.text).toContain("mantelzorgmakelaar is iets.");
    expect(guide.answer("ik ben mantelzorger")!.text).toContain("mantelzorg is iets.");
  });

  it("answers the part asked for: the cost, the next step, or the topic's own part", () => {
    expect(guide.answer("kost mantelzorg geld?")!.text).toContain("Het is gratis.");
    expect(guide.answer("wat helpt tegen eenzaamheid")!.text).toContain("Praten helpt.");
    expect(guide.answer("wat is eenzaamheid")!.text).not.toContain("Praten helpt.");
  });

  it("gives the honest route, not a guess, for what one gemeente decides", () => {
    const a = guide.answer("hoeveel respijtzorg krijg ik")!;
    expect(a.kind).toBe("local_route");
    expect(a.text).toContain("Uw gemeente beslist hoeveel u krijgt");
    expect(a.text).toContain("14");
    expect(a.text).toContain("wijkteam");
    // A topic without local decisions still explains.
    expect(guide.answer("hoeveel kost de mantelzorgmakelaar")!.kind).toBe("explanation");
  });

  it("gives the general gemeente route when no topic is named but the gemeente's own rules are asked", () => {
    const a = guide.answer("wanneer moet ik de kwijtschelding bij de gemeente aanvragen")!;
    expect(a).toMatchObject({ kind: "local_route", topical: false, sources: [] });
    expect(guide.answer("wanneer gaat de bus")).toBeNull();
    // The gemeente may be named with a phrase.
    expect(guide.answer("hoeveel krijg je bij ons")).toMatchObject({ kind: "local_route", topical: false, mixed: false });
  });

  it("without the gemeente named, a question about its rules gets the route only as the fallback", () => {
    expect(guide.answer("tot welk inkomen krijg ik korting")).toMatchObject({ kind: "local_route", topical: false, mixed: true });
    expect(guide.answer("krijg ik korting")).toBeNull();
  });

  it("does not take a local cue inside a phrase that asks for the next step as a question about the gemeente", () => {
    const cuesWithStep = { ...cues, sections: { ...cues.sections, "wat kunt u doen": ["wat kan ik doen"] } };
    const withStep = createWegwijzer({ entries: [entry("respijtzorg", "respijtzorg", "", "hoeveel u krijgt")], cues: cuesWithStep });
    expect(withStep.answer("respijtzorg, wat kan ik doen")!.kind).toBe("explanation");
    expect(withStep.answer("kan ik respijtzorg krijgen")!.kind).toBe("local_route");
  });

  it("says when a question joins two topics, so the sources may answer it first", () => {
    expect(guide.answer("hoort het cjg bij de mantelzorg?")!.mixed).toBe(true);
    expect(guide.answer("wat is het cjg")!.mixed).toBe(false);
    expect(guide.answer("wat is het centrum voor jeugd en gezin")!.text).toContain("cjg is iets.");
  });

  describe("a message that names a background condition and a need", () => {
    const needCues: WegwijzerCues = { ...cues, needBefore: ["hulp bij", "kan iemand", "hoe krijg", "waar kan ik"], needAfter: ["nodig", "aanvragen"] };
    const withBroad = (id: string, terms: string, broad: string) => {
      const e = entry(id, terms);
      return { ...e, broad: broad.split("|").map((t) => t.trim()) };
    };
    const needGuide = createWegwijzer({
      entries: [
        entry("dementie", "dementie | alzheimer"),
        entry("respijtzorg", "respijtzorg | even rust | zorg overnemen"),
        entry("schuldhulp", "schuldhulp | schulden"),
        entry("deurwaarder", "deurwaarder | incassobureau"),
        entry("ouderen", "ouderenadviseur | ouderen | mijn oma"),
        entry("maaltijd", "maaltijdservice | maaltijd | warm eten"),
        withBroad("bijstand", "bijstand", "uitkering"),
        entry("ww", "ww | ontslagen"),
      ],
      cues: needCues,
    });
    const topic = (q: string) => needGuide.answer(q)!.sources[0]!.title;

    it("answers the need, not the condition, in either order and with or without commas", () => {
      expect(topic("ik zorg voor mijn vader met dementie, ik heb echt even rust nodig")).toBe("respijtzorg");
      expect(topic("ik heb even rust nodig want mijn vader heeft dementie")).toBe("respijtzorg");
      expect(topic("mijn man heeft alzheimer kan iemand de zorg overnemen")).toBe("respijtzorg");
      expect(topic("er staat een deurwaarder voor de deur, hoe krijg ik hulp bij mijn schulden")).toBe("schuldhulp");
      expect(topic("ik heb schulden, kan iemand mij helpen met de deurwaarder")).toBe("deurwaarder");
      expect(topic("mijn oma eet slecht, waar kan ik een warme maaltijd voor haar aanvragen")).toBe("maaltijd");
    });

    it("still picks the condition when that is all the message asks about", () => {
      expect(topic("mijn vader heeft dementie, wat is dat precies")).toBe("dementie");
      expect(topic("hulp bij dementie")).toBe("dementie");
      expect(topic("ik heb schulden bij een incassobureau")).toBe("deurwaarder");
    });

    it("lets a specific topic win over a word that only names the kind of help", () => {
      expect(topic("ik ben ontslagen, hoe krijg ik een uitkering")).toBe("ww");
      expect(topic("hoe krijg ik een uitkering")).toBe("bijstand");
      expect(topic("ik ben ontslagen, kan ik bijstand aanvragen")).toBe("bijstand");
    });
  });

  describe("a circumstance or a route beside the help itself, a comparison, the asking clause", () => {
    const withRole = (id: string, terms: string, role: "circumstance" | "route") => ({ ...entry(id, terms), role });
    const roleGuide = createWegwijzer({
      entries: [
        withRole("ziekte", "dementie | parkinson", "circumstance"),
        withRole("inkomen", "bijstand | uitkering", "circumstance"),
        withRole("dokter", "huisarts | dokter", "route"),
        entry("steun", "mantelzorgsteun | respijtzorg"),
        entry("extra", "bijzondere bijstand | wasmachine"),
        entry("jeugd", "jeugdhulp | niet naar school"),
        entry("budget", "budgetbeheer"),
        entry("bewind", "bewindvoering | beschermingsbewind"),
        entry("logeren", "logeerhuis"),
        entry("toeslag", "huurtoeslag"),
      ],
      cues: { ...cues, compare: ["verschil"], questionWords: ["hoe", "is", "moet", "kan"], needBefore: ["hoe vraag"] },
    });
    const topic = (q: string) => roleGuide.answer(q)!.sources[0]!.title;

    it("answers the help asked for, not the illness, the income or the professional named as a way", () => {
      expect(topic("mijn moeder heeft parkinson en ik kan niet meer, is er respijtzorg")).toBe("steun");
      expect(topic("mijn wasmachine is kapot en ik zit in de bijstand")).toBe("extra");
      expect(topic("onze zoon gaat niet naar school, moet dat via de huisarts?")).toBe("jeugd");
      // Alone, the circumstance or the route is still the topic.
      expect(topic("wat is parkinson")).toBe("ziekte");
      expect(topic("hoe vind ik een huisarts")).toBe("dokter");
    });

    it("does not call a question mixed for the circumstance beside it, nor for a story around a topic asked for", () => {
      expect(roleGuide.answer("onze zoon gaat niet naar school, moet dat via de huisarts?")!.mixed).toBe(false);
      const asked = roleGuide.answer("ik woon sinds kort alleen na mijn scheiding en verhuizing, hoe vraag ik huurtoeslag aan")!;
      expect(asked.sources[0]!.title).toBe("toeslag");
      expect(asked.mixed).toBe(false);
      expect(asked.named).toEqual(["huurtoeslag"]);
    });

    it("ranks the topic in the clause that asks above one in the story before it", () => {
      expect(topic("we gingen vroeger naar het logeerhuis. is er budgetbeheer?")).toBe("budget");
      expect(topic("is er een logeerhuis, we hadden budgetbeheer")).toBe("logeren");
    });

    it("explains both topics of a comparison, in the order asked, with both pages", () => {
      const both = roleGuide.answer("wat is het verschil tussen bewindvoering en budgetbeheer")!;
      expect(both.sources.map((s) => s.title)).toEqual(["bewind", "budget"]);
      expect(both.text).toContain("bewind is iets.");
      expect(both.text).toContain("budget is iets.");
      expect(both.mixed).toBe(false);
      expect(roleGuide.answer("wat is het verschil tussen bewindvoering en beschermingsbewind")!.sources).toHaveLength(1);
    });
  });

  it("does not cut a sentence at a stop inside a web address", () => {
    const dotted = createWegwijzer({
      entries: [parseEntry('---\nid: x\ntitle: "X"\nterms: "xx"\npublisher: "P"\nurl: "https://p.nl"\naudience: "residents"\n---\n## Wat is het\nX is iets. Kijk op p.nl voor meer. Nog iets. En nog.\n## Voor wie\nA.\n## Wat kost het\nHet is gratis.\n## Wat kunt u doen\nC.\n', "x.md")],
      cues,
    });
    expect(dotted.answer("waar vind ik xx")!.text).toContain("X is iets. Kijk op p.nl voor meer.");
  });

  it("ranks the shipped wegwijzer by what is asked for", () => {
    const shipped = createWegwijzer(readWegwijzer(fileURLToPath(new URL("../../../knowledge", import.meta.url))));
    const topic = (q: string) => shipped.answer(q)!.sources[0]!.title;
    expect(topic("ik zorg voor mijn vader met dementie, ik heb echt even rust nodig, kan iemand de zorg een weekend overnemen")).toBe("Respijtzorg");
    expect(topic("ik ben ontslagen, hoe krijg ik een uitkering")).toMatch(/^WW/);
    expect(topic("mijn contract wordt niet verlengd, welke uitkering krijg ik dan")).toMatch(/^WW/);
    expect(topic("ik zit in de bijstand en mijn koelkast is kapot, kan ik geld krijgen")).toBe("Bijzondere bijstand");
    expect(topic("mijn dochter wil niet naar school, moet dat via de huisarts")).toMatch(/CJG/);
    expect(shipped.answer("wat is het verschil tussen thuiszorg en wijkverpleging")!.sources.map((s) => s.title)).toEqual(["Thuiszorg", "Wijkverpleging"]);
    expect(shipped.answer("wat is het verschil tussen de wmo en de wlz")!.sources).toHaveLength(2);
  });
});

describe("shipped wegwijzer: working carers, volunteers, arrears and changes (round 9)", () => {
  const shipped = createWegwijzer(readWegwijzer(fileURLToPath(new URL("../../../knowledge", import.meta.url))));
  const topic = (q: string) => shipped.answer(q)?.sources[0]?.title ?? null;
  const cases: Array<{ title: RegExp; asks: string[]; not: string[] }> = [
    {
      title: /^Zorgverlof/,
      asks: [
        "mag mijn werkgever zorgverlof weigeren",
        "mijn moeder is ziek, mag ik vrij van mijn werk om voor haar te zorgen",
        "mijn kind is ziek op school, mag ik van mijn baas naar huis",
        "wat is calamiteitenverlof",
        "krijg ik loon als ik langdurig zorgverlof opneem",
      ],
      not: ["ik ben ziek, moet ik me ziekmelden bij mijn werkgever", "mijn baas geeft me geen vrij voor mijn vakantie"],
    },
    {
      title: /^VOG/,
      asks: ["moet ik als vrijwilliger een vog hebben", "wat kost een verklaring omtrent het gedrag", "hoe vraag ik een vog aan voor de voetbalclub", "is de vog gratis voor vrijwilligers"],
      not: ["hoe word ik vrijwilliger", "ik wil graag vrijwilligerswerk doen hoe werkt dat"],
    },
    {
      title: /^Zorgpremie niet betaald/,
      asks: [
        "ik heb mijn zorgverzekering al maanden niet betaald",
        "wat gebeurt er als ik mijn zorgpremie niet betaal",
        "ik heb een brief van het cak gekregen over een boete",
        "ik heb een achterstand bij mijn zorgverzekeraar",
        "wat is de wanbetalersregeling",
      ],
      not: ["mijn zorgverzekering betaalt de fysio niet", "welke zorgverzekering is goedkoop"],
    },
    {
      title: /^Energierekening niet betaald/,
      asks: [
        "ik kan mijn energierekening niet betalen, mogen ze me afsluiten",
        "onze stroom wordt afgesloten want we kunnen de energierekening niet betalen",
        "mogen ze in de winter het gas afsluiten",
        "ik krijg aanmaningen van mijn energieleverancier",
      ],
      not: ["wat is het energieloket", "mijn energierekening is zo hoog en het huis tocht overal"],
    },
    {
      title: /^Wijzigingen doorgeven voor toeslagen/,
      asks: [
        "mijn inkomen gaat omhoog, moet ik dat doorgeven voor de huurtoeslag",
        "ik heb een nieuwe baan en verdien meer, wat betekent dat voor mijn zorgtoeslag",
        "hoe geef ik een wijziging door aan toeslagen",
      ],
      not: ["hoe vraag ik huurtoeslag aan", "moet ik huurtoeslag terugbetalen", "mijn huur gaat omhoog krijg ik meer huurtoeslag"],
    },
    {
      title: /^Vrijwilligerswerk met bijstand/,
      asks: [
        "mag ik vrijwilligerswerk doen in de bijstand",
        "ik heb een uitkering, mag ik een vrijwilligersvergoeding krijgen",
        "moet ik mijn vrijwilligerswerk doorgeven aan mijn klantmanager",
        "ik zit in de ww en wil vrijwilliger worden",
      ],
      not: ["ik wil graag vrijwilligerswerk doen hoe werkt dat", "ik zit in de bijstand en mijn koelkast is kapot"],
    },
    {
      title: /^Jonge mantelzorgers/,
      asks: [
        "wat is een jonge mantelzorger",
        "ik ben 14 en mijn moeder is ziek, ik doe alles thuis en kom niet aan mijn huiswerk toe",
        "mijn papa heeft kanker en ik help hem elke dag",
        "ik zorg voor mijn broertje omdat mijn moeder depressief is, en op school gaat het slecht",
      ],
      not: ["mijn dochter wordt gepest op school", "ik zorg elke dag voor mijn moeder ben ik dan mantelzorger"],
    },
    {
      title: /^Mantelzorg$/,
      asks: [
        "ik doe boodschappen en kook voor mijn moeder en zet haar medicijnen klaar, ben ik mantelzorger?",
        "ik help mijn vader met zijn administratie en doe zijn boodschappen",
        "ik kook elke dag voor mijn zieke man en regel zijn medicijnen",
      ],
      not: ["mijn vader kan zich niet meer wassen en aankleden, wie helpt", "mijn moeder kookt altijd voor mij", "waar kan ik goedkoop boodschappen doen"],
    },
    {
      title: /^Respijtzorg$/,
      asks: [
        "wie neemt de zorg over als ik een week weg wil",
        "ik wil een week op vakantie, wie zorgt er dan voor mijn man",
        "kan mijn moeder ergens logeren als ik een weekje weg ga",
        "wie past op mijn vader als ik naar het ziekenhuis moet",
      ],
      not: ["mijn vader ligt in het ziekenhuis, mag ik op bezoek"],
    },
    {
      title: /^Voedselbank$/,
      asks: ["kom ik in aanmerking voor de voedselbank", "hoe kom ik bij de voedselbank", "hoeveel leefgeld mag ik hebben voor de voedselbank"],
      not: ["ik heb geen geld voor een nieuwe koelkast, hoe vraag ik bijzondere bijstand aan"],
    },
  ];

  it.each(cases)("answers $title with its own entry, and not its look-alikes", ({ title, asks, not }) => {
    for (const q of asks) expect(topic(q), q).toMatch(title);
    for (const q of not) expect(topic(q) ?? "", q).not.toMatch(title);
  });

  it("says the voedselbank reckons the leefgeld with you, and who decides locally", () => {
    const a = shipped.answer("kom ik in aanmerking voor de voedselbank")!;
    expect(a.text).toContain("rekent de voedselbank samen met u uit");
    expect(a.text).toMatch(/hulpverlener/);
  });

  it("leaves whether volunteer work is allowed beside bijstand to the gemeente, and keeps zorgverlof national", () => {
    const bijstand = shipped.answer("mag ik vrijwilligerswerk doen in de bijstand")!;
    expect(bijstand.kind).toBe("local_route");
    expect(bijstand.text).toContain("Uw gemeente beslist");
    const verlof = shipped.answer("hoeveel dagen kortdurend zorgverlof krijg ik")!;
    expect(verlof.kind).toBe("explanation");
    expect(verlof.text).toContain("2 keer");
  });
});

describe("shipped wegwijzer: reaching the gemeente", () => {
  const shipped = createWegwijzer(readWegwijzer(fileURLToPath(new URL("../../../knowledge", import.meta.url))));
  it("gives 14 + netnummer and leaves opening hours to the gemeente", () => {
    for (const q of ["wanneer is het stadhuis open", "wat is het telefoonnummer van het sociaal loket", "hoe bel ik het zorgloket van mijn gemeente"]) {
      const found = shipped.answer(q);
      expect(found?.sources[0]?.title, q).toBe("De gemeente bereiken");
      expect(found!.text, q).toContain("14");
    }
  });
  it("a number to call for someone to talk to is still De Luisterlijn", () => {
    expect(shipped.answer("welk nummer kan ik bellen als ik even wil praten")?.sources[0]?.title).toMatch(/Luisterlijn/);
  });
});

describe("shipped wegwijzer: a situation told in a long sentence", () => {
  const shipped = createWegwijzer(readWegwijzer(fileURLToPath(new URL("../../../knowledge", import.meta.url))));
  it("finds the need when its words stand up to 16 words apart", () => {
    const q = "ik zorg sinds twee jaar voor mijn moeder met dementie en wil graag een weekje weg";
    expect(shipped.answer(q)?.sources[0]?.title).toBe("Respijtzorg");
  });
});

describe("shipped wegwijzer: how to apply for what the gemeente decides", () => {
  const shipped = createWegwijzer(readWegwijzer(fileURLToPath(new URL("../../../knowledge", import.meta.url))));
  it("gives how to start beside what the gemeente decides, and says the route once", () => {
    const found = shipped.answer("rolstoel aanvragen hoe gaat dat")!;
    expect(found.kind).toBe("local_route");
    expect(found.text).toContain("Wmo-loket");
    expect(found.text).toContain("Uw gemeente beslist");
    const hulp = shipped.answer("hoe vraag ik huishoudelijke hulp aan bij de gemeente")!.text;
    expect(hulp.split("wijkverpleging").length - 1).toBe(1);
  });
});

describe("shipped wegwijzer: decisions, turning 18, beslag, toeslagen, survivors, stairs, upbringing, reading (round 10)", () => {
  const shipped = createWegwijzer(readWegwijzer(fileURLToPath(new URL("../../../knowledge", import.meta.url))));
  const topic = (q: string) => shipped.answer(q)?.sources[0]?.title ?? null;
  const cases: Array<{ title: RegExp; asks: string[]; not: string[] }> = [
    {
      title: /^Bezwaar maken/,
      asks: [
        "mijn aanvraag voor huishoudelijke hulp is afgewezen, kan ik daar iets tegen doen",
        "de gemeente heeft mijn bijzondere bijstand niet toegekend",
        "ik kreeg een brief dat mijn aanvraag is afgewezen wat nu",
        "mijn wmo aanvraag is geweigerd",
        "de gemeente wijst mijn aanvraag voor een scootmobiel af",
      ],
      not: ["mijn creditcard werd geweigerd", "hoe vraag ik bijzondere bijstand aan"],
    },
    {
      title: /^18 worden/,
      asks: [
        "ik word 18, wat moet ik regelen",
        "wat moet je regelen als je 18 wordt",
        "mijn zoon wordt volgende maand achttien, wat moet hij allemaal regelen",
        "moet ik een zorgverzekering als ik 18 ben",
        "wat verandert er als ik 18 ben",
      ],
      not: ["ik ben 18 en woon nog thuis", "hoe vraag ik zorgtoeslag aan"],
    },
    {
      title: /^Beslag en de beslagvrije voet/,
      asks: [
        "er ligt beslag op mijn loon en ik hou bijna niks over, mag dat",
        "de deurwaarder heeft beslag gelegd op mijn salaris, hoeveel mag hij pakken",
        "de deurwaarder houdt zoveel van mijn loon in dat ik de huur niet kan betalen",
        "de deurwaarder pakt zoveel dat ik bijna niks overhoud",
        "hoeveel mag de deurwaarder van mijn salaris afhouden",
      ],
      not: ["ik heb een brief van de deurwaarder gekregen wat moet ik doen", "ik krijg een aanmaning van het incassobureau"],
    },
    {
      title: /^Toeslag terugbetalen/,
      asks: [
        "ik moet zorgtoeslag terugbetalen, kan dat in delen",
        "ik moet 2000 euro toeslag terugbetalen en dat lukt niet in een keer",
        "de belastingdienst wil 800 euro huurtoeslag terug, kan ik dat afbetalen",
        "wat is een persoonlijke betalingsregeling",
        "hoe kan ik mijn kinderopvangtoeslag terugbetalen in termijnen",
      ],
      not: ["hoe vraag ik huurtoeslag aan", "kan ik een betalingsregeling treffen met mijn energieleverancier"],
    },
    {
      title: /^Nabestaandenuitkering/,
      asks: [
        "mijn man is overleden en we hebben een dochter van 10, krijg ik een uitkering",
        "mijn vriend is overleden, we woonden samen en hebben een zoontje van 3",
        "mijn vrouw is overleden en ik sta er alleen voor met twee kinderen",
        "wat is een anw uitkering",
        "mijn kleinzoon heeft allebei zijn ouders verloren",
      ],
      not: ["mijn moeder is overleden wat moet ik allemaal regelen", "mijn vader is overleden, hoe regel ik de begrafenis"],
    },
    {
      title: /^Ouderen en wonen: langer thuis/,
      asks: [
        "mijn moeder kan bijna de trap niet meer op maar wil niet naar een verzorgingshuis",
        "mijn oma kan de trap niet meer op, ze wil in haar eigen huis blijven wonen",
        "mijn vader wil niet naar een verpleeghuis maar traplopen gaat slecht",
      ],
      not: ["wat kost een verpleeghuis"],
    },
    {
      title: /^Centrum voor Jeugd en Gezin/,
      asks: ["mijn dochter van 15 en ik hebben steeds ruzie", "mijn zoon van 16 en ik maken elke dag ruzie", "waar kan ik opvoedadvies krijgen", "ik heb een opvoedvraag over mijn puber"],
      not: ["mijn buren hebben steeds ruzie"],
    },
    {
      title: /^Taalhuis/,
      asks: [
        "ik kan niet goed lezen en schrijven, waar kan ik dat leren zonder dat iedereen het weet",
        "ik schaam me want ik kan slecht lezen",
        "ik ben in nederland geboren maar kan slecht schrijven",
        "wat is laaggeletterdheid",
      ],
      not: ["mijn kind leest graag, welke boeken zijn leuk"],
    },
    {
      title: /^Buurtbemiddeling/,
      asks: ["de buren maken elke avond lawaai, wat kan ik doen", "mijn bovenburen maken 's nachts herrie", "de buurman draait elke nacht harde muziek"],
      not: ["mijn dochter van 15 en ik hebben steeds ruzie"],
    },
  ];

  it.each(cases)("answers $title with its own entry, and not its look-alikes", ({ title, asks, not }) => {
    for (const q of asks) expect(topic(q), q).toMatch(title);
    for (const q of not) expect(topic(q) ?? "", q).not.toMatch(title);
  });

  it("says in plain words what to do: a verzoek for kwijtschelding, doorgeven, what you can do yourself about noise, that advice is free", () => {
    expect(shipped.answer("hoe vraag ik kwijtschelding aan")!.text).toMatch(/verzoek/);
    expect(shipped.answer("wat is kwijtschelding voor wie is dat")!.text).toMatch(/bijstand/);
    expect(shipped.answer("wat is vrijwilligerswerk met bijstand")!.text).toMatch(/doorgeven/);
    const noise = shipped.answer("de buren maken elke avond lawaai, wat kan ik doen")!.text;
    for (const word of ["Schrijf op", "rustig", "woningcorporatie", "politie"]) expect(noise).toContain(word);
    expect(shipped.answer("mijn dochter van 15 en ik hebben steeds ruzie")!.text).toMatch(/gratis/);
    expect(shipped.answer("mijn moeder kan bijna de trap niet meer op maar wil niet naar een verzorgingshuis")!.text).toMatch(/traplift/);
    expect(shipped.answer("mijn man is overleden en we hebben een dochter van 10, krijg ik een uitkering")!.text).toMatch(/SVB/);
  });
});

describe("the shipped wegwijzer on a long story that ends in the question", () => {
  const shipped = createWegwijzer(readWegwijzer(fileURLToPath(new URL("../../../knowledge", import.meta.url))));
  it("answers 'ben ik dan een mantelzorger' about mantelzorg, not about leave from work", () => {
    const answer = shipped.answer("mijn man heeft dementie en ik zorg elke dag voor hem en werk ook nog parttime ben ik dan een mantelzorger of hoe heet dat");
    expect(answer?.text).toMatch(/^Mantelzorg is/);
  });
  it("still joins two words into a term ('respijt zorg', 'mantelzorg makelaar')", () => {
    expect(shipped.answer("wat is respijt zorg")?.text).toMatch(/Respijtzorg/);
    expect(shipped.answer("wat doet een mantelzorg makelaar")?.text).toMatch(/mantelzorgmakelaar/i);
  });
});
