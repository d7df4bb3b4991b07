import { describe, expect, it } from "vitest";
import { buildGazetteer, loadGazetteer } from "../../../src/listings/gazetteer.js";
import { loadListingsVocabulary } from "../../../src/listings/listings-vocabulary.js";
import { toLocal } from "../../../src/listings/local-calendar.js";
import { isListingsQuestion, understandQuestion } from "../../../src/listings/understand-question.js";
import { KNOWLEDGE_DIR, TUESDAY_MORNING } from "./helpers.js";

const vocabulary = loadListingsVocabulary(KNOWLEDGE_DIR);
const gazetteer = loadGazetteer(KNOWLEDGE_DIR, []);
const now = toLocal(TUESDAY_MORNING, "Europe/Amsterdam"); // Tuesday 24 November 2026, 10:30
const understand = (text: string) => understandQuestion(text, { vocabulary, gazetteer, now });
const placeName = (text: string) => {
  const p = understand(text).place;
  return p?.known ? p.place.name : p?.text;
};
const dates = (text: string) => understand(text).time?.slots.map((s) => `${s.date.day}/${s.date.month} ${s.from}-${s.to}`);

describe("place", () => {
  it.each([
    ["waar kan ik koffie drinken in 3701?", "3701"],
    ["koffie in 3701 AB", "3701"],
    ["koffie in 3701AB", "3701"],
    ["hulp met formulieren in Kerckebosch", "Kerckebosch"],
    ["kerkebos koffie drinken", "Kerckebosch"],
    ["sporten in dendolder", "Den Dolder"],
    ["iets in Huis ter Heide", "Huis ter Heide"],
    ["samen eten in zeist-west", "Zeist-West"],
    ["koffie in de L-flat", "Vollenhove"],
    ["yoga in zeits", "Zeist"],
  ])("%s → %s", (text, name) => {
    expect(placeName(text)).toBe(name);
  });

  it("keeps the full postcode text and marks unknown places", () => {
    expect(understand("computerhulp bij 3701 AB").place).toMatchObject({ known: true, text: "3701 AB" });
    expect(understand("ik woon in Atlantisdorp, is er een taalcafé?").place).toEqual({ known: false, text: "Atlantisdorp" });
    expect(understand("ik woon in Rotterdam, is er een taalcafé?").place).toMatchObject({ known: true, place: { name: "Rotterdam", kind: "gemeente" } });
    expect(understand("taalcafé in 1000 ZZ").place).toMatchObject({ known: false, postcode: "1000 ZZ" });
  });

  it("does not read times, ages, phone numbers or years as postcodes", () => {
    expect(understand("koffie om 10:00 voor mijn vader van 78").place).toBeUndefined();
    expect(understand("bel 030 000 3701 voor koffie").place).toBeUndefined();
    expect(understand("koffie in 2026").place).toBeUndefined();
  });

  it("knows towns and postcodes from the listings themselves (another municipality)", () => {
    const listing = { id: "x", name: "x", categories: ["ontmoeting" as const], audience: [], latitude: 52.51, longitude: 6.09, schedule: "", languages: [], city: "Zwolle", postcode: "8011 AA" };
    const local = buildGazetteer([], [], [listing]);
    const q = understandQuestion("koffie in Zwolle", { vocabulary, gazetteer: local, now });
    expect(q.place).toMatchObject({ known: true, place: { name: "Zwolle", lat: 52.51 } });
    expect(understandQuestion("koffie in 8011", { vocabulary, gazetteer: local, now }).place).toMatchObject({ known: true, text: "8011" });
  });

  it("recognises a message that is only a place", () => {
    expect(understand("3701").bare).toBe(true);
    expect(understand("ik woon in Kerckebosch").bare).toBe(true);
    expect(understand("Den Dolder").bare).toBe(true);
    expect(understand("koffie in 3701").bare).toBe(false);
  });

  it("reads a town beside its own postcode as one place, in any order and script", () => {
    for (const text of ["Zeist 3701", "3701 zeist", "ik woon in zeist, 3701", "ساكنة بزيست 3701"]) {
      const q = understand(text);
      expect(q.bare, text).toBe(true);
      expect(q.place, text).toMatchObject({ known: true, text: "3701" });
    }
    // A town that is not where the postcode lies is no answer to "where?": it is left to the rest of the message.
    expect(understand("Zwolle 3701").bare).toBe(false);
  });
});

describe("time", () => {
  it.each([
    ["wat is er nu te doen?", "nu", ["24/11 630-690"]],
    ["is er vandaag iets?", "vandaag", ["24/11 630-1440"]],
    ["koffie morgen", "morgen", ["25/11 0-1440"]],
    ["samen eten vanavond", "vanavond", ["24/11 1080-1440"]],
    ["vanmiddag sporten", "vanmiddag", ["24/11 720-1080"]],
    ["dit weekend iets met kinderen", "dit weekend", ["28/11 0-1440", "29/11 0-1440"]],
    ["op donderdag taalcafé", "donderdag", ["26/11 0-1440"]],
    ["dinsdagochtend koffie", "dinsdagochtend", ["24/11 630-720"]],
    ["maandag avond bingo", "maandagavond", ["30/11 1080-1440"]],
    ["morgenmiddag wandelen", "morgenmiddag", ["25/11 720-1080"]],
    ["koffie doordeweeks", "doordeweeks", ["24/11 630-1440", "25/11 0-1440", "26/11 0-1440", "27/11 0-1440", "30/11 0-1440"]],
  ])("%s → %s", (text, label, slots) => {
    expect(understand(text).time?.label).toBe(label);
    expect(dates(text)).toEqual(slots);
  });

  it("has no time when none is said", () => {
    expect(understand("koffie in 3701").time).toBeUndefined();
  });
});

describe("need, who, cost and language", () => {
  it.each([
    ["waar kan ik koffie drinken", ["ontmoeting"]],
    ["ik wil graag mensen ontmoeten", ["ontmoeting"]],
    ["ik wil sporten", ["sport-en-bewegen"]],
    ["hulp met formulieren", ["geldzaken"]],
    ["waar kan ik eten", ["eten-en-koken"]],
    ["ik wil Nederlands leren", ["taal-en-leren"]],
    ["computerhulp", ["digitale-hulp"]],
    ["hulp met mijn telefoon", ["digitale-hulp"]],
    ["een mantelzorgcafé", ["mantelzorg"]],
    ["repair café", ["klussen-en-wonen"]],
    ["ik wil vrijwilligerswerk doen", ["vrijwilligerswerk"]],
    ["breien en haken", ["creatief-en-cultuur"]],
    ["een wandelgroep", ["sport-en-bewegen"]],
    ["compuetrhulp", ["digitale-hulp"]],
  ])("%s → %j", (text, categories) => {
    expect(understand(text).categories).toEqual(categories);
  });

  it.each([
    ["sporten voor mijn vader van 78", ["ouderen"], 78],
    ["iets voor mijn kinderen", ["kinderen"], undefined],
    ["ik zorg voor mijn moeder", ["mantelzorgers"], undefined],
    ["ik ben nieuw in Nederland", ["nieuwkomers"], undefined],
    ["ik zit in een rolstoel", ["mensen-met-een-beperking"], undefined],
    ["iets voor een man van 80", ["ouderen"], 80],
    ["mijn dochter is 15", ["jongeren"], 15],
    ["iets voor 65+", ["ouderen"], 65],
  ])("%s → %j", (text, audiences, age) => {
    const q = understand(text);
    expect(q.audiences).toEqual(audiences);
    expect(q.age).toBe(age);
  });

  it("reads a wheelchair as an accessibility need", () => {
    expect(understand("ik zit in een rolstoel").accessible).toBe(true);
    expect(understand("koffie drinken").accessible).toBe(false);
  });

  it.each([
    ["gratis koffie", "free"],
    ["ik heb weinig geld", "cheap"],
    ["iets goedkoops", "cheap"],
    ["koffie", undefined],
  ])("%s → cost %s", (text, cost) => {
    expect(understand(text).cost).toBe(cost);
  });

  it("does not read 'weinig geld' as a money need", () => {
    expect(understand("ik heb weinig geld, waar kan ik eten").categories).toEqual(["eten-en-koken"]);
  });

  it.each([
    ["taalcafé in het Engels", ["en"]],
    ["coffee morning in English", ["en"]],
    ["Arabic speaking group", ["ar"]],
    ["Türkçe konuşulan kahve", ["tr"]],
    ["кава по-украински", ["uk"]],
    ["in het Pools", ["pl"]],
  ])("%s → languages %j", (text, languages) => {
    expect(understand(text).languages).toEqual(languages);
  });

  it("guesses a preferred language from the script", () => {
    expect(understand("أين يمكنني شرب القهوة").preferredLanguages).toEqual(["ar"]);
    expect(understand("де можна випити каву").preferredLanguages).toEqual(["uk", "ru"]);
    expect(understand("Де я можу вивчати мову? Їжа").preferredLanguages).toEqual(["uk"]);
  });
});

describe("isListingsQuestion", () => {
  it.each([
    "waar kan ik koffie drinken in 3701?",
    "is er vandaag iets voor ouderen in Zeist?",
    "sporten voor mijn vader van 78 in 3705",
    "hulp met formulieren in Kerckebosch",
    "samen eten dit weekend",
    "ik zoek een koffieochtend",
    "koffie drinken",
    "iets voor een man van 80 in 3705 op dinsdag",
    "is er iets gratis voor mijn kinderen?",
    "waar kan ik Nederlands leren?",
    "mijn buurman kan niet meer zelf koken. is er iemand die eten voor hem maakt?",
    "Welke activiteiten zijn er voor ouderen in Zeist?",
    "wat is er nu open in 3701",
    "is er vandaag iets in Den Dolder?",
    // Who, where and a need said as a situation or as "wat kan zij doen", not as an activity word.
    "mijn moeder van 82 woont in Zeist en zit veel alleen",
    "mijn vader van 80 woont in Zeist-West, wat kan hij doen?",
    "iets in Den Dolder voor ouderen",
    "iets gratis op zaterdag in Zeist",
    // A need for a named person of a group ("voor mijn zoon") asks for an activity, without a place.
    "voetbal voor mijn zoon",
    "zwemles voor onze dochter",
    "sporten voor mijn zoontje",
    "football for my son",
  ])("activity: %s", (text) => {
    expect(isListingsQuestion(understand(text))).toBe(true);
  });

  it.each([
    "wat is de sociale basis?",
    "Welke rol speelt sport als sociaal middel voor ouderen?",
    "hoe kunnen gemeenten ouderen beter bereiken?",
    "helpt sporten echt om nieuwe mensen te leren kennen?",
    "waarom zou je samen gaan eten als je de buren bij elkaar wil brengen?",
    "ik zorg elke dag voor mijn zieke moeder. moet de gemeente mij daarbij helpen?",
    "wat doet een buurtsportcoach",
    "heeft zo'n koffiehoekje in de supermarkt eigenlijk zin?",
    "ik wil vrijwilliger worden in de buurt, waar kan dat allemaal bij helpen volgens de overheid?",
    "hoe wordt het weer morgen?",
    "hallo",
    "komen er eigenlijk veel kids af op die activiteiten in de L flat?",
    "is het in die L-flat nou echt gezelliger geworden?",
    "is de huishoudelijke hulp in Zeist gratis?",
  ])("not an activity: %s", (text) => {
    expect(isListingsQuestion(understand(text))).toBe(false);
  });
});

describe("who it is for, with an age", () => {
  it.each([
    ["ik ben 84 en wil leren whatsappen met mijn kinderen. kan dat ergens in zeist?", ["ouderen"]],
    ["ik ben al 81 en zoek activiteiten in zeist", ["ouderen"]],
    ["is er iets voor mijn moeder van 82 in zeist", ["ouderen"]],
    ["iets leuks voor mijn dochter van 6 in zeist", ["kinderen"]],
    ["ik ben 14, waar kan ik chillen in zeist", ["jongeren"]],
    ["is er ergens koffie in zeist", []],
  ])("%s → %j", (text, audiences) => {
    expect(understand(text).audiences).toEqual(audiences);
  });

  it.each(["ik ben niet oud, ik zoek sport in zeist", "ben yaşlı değilim, zeist spor", "i am not old, sport in zeist", "niet voor ouderen, iets met sport in zeist"])(
    "a group the person says they are not is no filter: %s",
    (text) => {
      expect(understand(text).audiences).not.toContain("ouderen");
    },
  );

  it.each(["dutch lessons for me, not for kids, in zeist", "أريد دروس اللغة الهولندية لي، ليس للأطفال", "Deutschkurs nicht für Kinder in Zeist"])(
    "a group said not to be for is no filter, in other languages too: %s",
    (text) => {
      expect(understand(text).audiences).not.toContain("kinderen");
    },
  );

  it.each(["taalles voor mezelf, de kinderen zijn dan op school", "أريد درس في الصباح لي أنا، لأن الأولاد في المدرسة"])(
    "children named beside 'for me' are not who it is for: %s",
    (text) => {
      expect(understand(text).audiences).not.toContain("kinderen");
    },
  );

  it("keeps a group the message says it is for, whatever the age of the writer", () => {
    expect(understand("ik ben 70 en zoek iets voor mijn kleinkinderen in zeist").audiences).toContain("kinderen");
  });
});

describe("a need said with 'leren'", () => {
  it("is the thing learned when there is one, and learning when there is not", () => {
    expect(understand("ik wil leren videobellen in zeist").categories).toEqual(["digitale-hulp"]);
    expect(understand("ik wil leren in zeist").categories).toEqual(["taal-en-leren"]);
  });

  it("reads teen words and homework help as searches for young people", () => {
    const chill = understand("yo waar kan ik chillen met vrienden in zeist");
    expect(isListingsQuestion(chill)).toBe(true);
    expect(chill.audiences).toContain("jongeren");
    expect(understand("ik moet een mas doen, waar kan dat in zeist").categories).toEqual(["vrijwilligerswerk"]);
    expect(understand("is er huiswerkhulp in zeist").categories).toEqual(["taal-en-leren"]);
  });
});

describe("a follow-up in another language", () => {
  it.each(["is it free?", "هل هو مجاني؟", "czy to jest za darmo?", "is there something on wednesday morning?", "هل يوجد صباح الأربعاء؟"])(
    "has no words of its own beyond the language's small words and the words that ask: %s",
    (text) => {
      const q = understand(text);
      expect(q.leftover).toBe(0);
      expect(q.time !== undefined || q.cost !== undefined).toBe(true);
    },
  );

  it("a new need in another language is still a question of its own", () => {
    expect(understand("is there a doctor on wednesday?").categories.length).toBeGreaterThan(0);
    expect(understand("is there a swimming pool open on wednesday?").leftover + understand("is there a swimming pool open on wednesday?").categories.length).toBeGreaterThan(0);
  });

  it("reads an Arabic morning before the day: صباح الأربعاء is Wednesday morning", () => {
    const slot = understand("هل يوجد صباح الأربعاء؟").time?.slots[0];
    expect(slot?.to).toBeLessThanOrEqual(720);
  });
});

describe("a need the person does not want, and a volunteer sought", () => {
  it("drops a need said not to be wanted, and keeps a need that is lacked", () => {
    expect(understand("nee ik wil geen vrijwilligerswerk doen").categories).not.toContain("vrijwilligerswerk");
    expect(understand("ik wil geen sport, liever koffie in zeist").categories).toEqual(["ontmoeting"]);
    expect(understand("ik heb geen eten, is er een voedselbank").categories).toContain("eten-en-koken");
    expect(understand("wandelen gaat niet zo goed meer. is er ergens koffie in 3701").categories).toEqual(["ontmoeting"]);
  });

  it("reads 'iemand die … een vrijwilliger' as help to get, not volunteer work to do", () => {
    const q = understand("is er in zeist iemand die een dag bij mijn man kan zijn. vrijwilliger of zo");
    expect(q.categories).not.toContain("vrijwilligerswerk");
    expect(q.keywords).toContain("vrijwillig");
    expect(isListingsQuestion(q)).toBe(true);
    expect(understand("ik wil vrijwilligerswerk doen in zeist").categories).toEqual(["vrijwilligerswerk"]);
  });
});
