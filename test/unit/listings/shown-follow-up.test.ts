import { describe, expect, it } from "vitest";
import type { Listing } from "../../../src/listings/listing-model.js";
import { toLocal } from "../../../src/listings/local-calendar.js";
import { renderShownFollowUp } from "../../../src/listings/render-follow-up.js";
import { loadFollowUpVocabulary, readShownFollowUp } from "../../../src/listings/shown-follow-up.js";
import { KNOWLEDGE_DIR } from "./helpers.js";

const vocabulary = loadFollowUpVocabulary(KNOWLEDGE_DIR);

function listing(id: string, name: string, schedule: string, extra: Partial<Listing> = {}): Listing {
  return { id, name, categories: ["ontmoeting"], audience: [], latitude: 52.1, longitude: 5.2, schedule, languages: [], ...extra };
}

const shown = [
  listing("a", "Koffieochtend De Linde", "di 10:00-12:00"),
  listing("b", "Repaircafé Noord", "1e za 13:00-16:00"),
  listing("c", "Eettafel Het Anker", "wo 17:30-19:00; vr 17:30-19:00"),
];

const read = (text: string) => readShownFollowUp(text, shown, vocabulary);

describe("follow-ups about the listings just shown", () => {
  it.each([
    ["أين هذا؟", "where"],
    ["كم يكلف؟", "cost"],
    ["متى؟", "when"],
    ["هل يجب التسجيل؟", "signup"],
    ["де це?", "where"],
    ["скільки коштує?", "cost"],
    ["коли це?", "when"],
    ["чи потрібно записуватися?", "signup"],
    ["где это?", "where"],
    ["nerede?", "where"],
    ["ücretli mi?", "cost"],
    ["saat kaçta", "when"],
    ["ile to kosztuje", "cost"],
    ["gdzie to jest?", "where"],
    ["czy trzeba się zapisać?", "signup"],
    ["چقدر هزینه دارد؟", "cost"],
    ["کجاست؟", "where"],
    ["¿cuánto cuesta?", "cost"],
    ["c'est où ?", "where"],
    ["wo ist das?", "where"],
    ["xagee ayuu ku yaal?", "where"],
    ["ኣበይ እዩ?", "where"],
    ["is it free?", "cost"],
    // Spoken Arabic: Levantine, Egyptian, Moroccan, Iraqi.
    ["قديش بتكلف؟", "cost"],
    ["بكام؟", "cost"],
    ["شحال؟", "cost"],
    ["شكد؟", "cost"],
  ])("reads %s in the language it is written in", (text, aspect) => {
    expect(read(text)?.aspects).toEqual([aspect]);
  });

  it.each([
    ["waar is dat", ["where"]],
    ["Waar is het precies?", ["where"]],
    ["kost het wat", ["cost"]],
    ["is dat gratis", ["cost"]],
    ["moet ik me ervoor opgeven?", ["signup"]],
    ["kan ik daar zomaar binnenlopen", ["signup"]],
    ["moet ik een afspraak maken of kan ik gwn langs", ["signup"]],
    ["hoe laat is het", ["when"]],
    ["is het toegankelijk met een rollator", ["access"]],
    ["how much does it cost", ["cost"]],
    ["where is it", ["where"]],
  ])("%s → about all shown, aspect %j", (text, aspects) => {
    const got = read(text);
    expect(got?.aspects.sort()).toEqual([...aspects].sort());
    expect(got?.listings.map((l) => l.id)).toEqual(["a", "b", "c"]);
  });

  it("points at one by position, weekday or a word of its name", () => {
    expect(read("de eerste")?.listings.map((l) => l.id)).toEqual(["a"]);
    expect(read("vertel meer over de tweede")?.listings.map((l) => l.id)).toEqual(["b"]);
    expect(read("en de laatste, wat kost die?")).toMatchObject({ listings: [{ id: "c" }], aspects: ["cost"] });
    expect(read("die van woensdag, waar is die")).toMatchObject({ listings: [{ id: "c" }], aspects: ["where"] });
    expect(read("is het repaircafé gratis")).toMatchObject({ listings: [{ id: "b" }], aspects: ["cost"] });
    expect(read("is de koffieochtend rolstoeltoegankelijk")).toMatchObject({ listings: [{ id: "a" }], aspects: ["access"] });
  });

  it("takes a question that points back with a verb of its own", () => {
    expect(read("moet ik daar een afspraak voor maken?")?.aspects).toEqual(["signup"]);
    expect(read("welke taal spreken ze daar")?.aspects).toEqual(["language"]);
    expect(read("hoe kan ik daar subsidie voor aanvragen bij de gemeente")).toBeUndefined();
  });

  it("leaves new questions alone", () => {
    for (const text of [
      "waar is de voedselbank",
      "wat kost de wmo",
      "is er ook iets op zaterdag voor kinderen",
      "ik zoek een taalcursus",
      "hoe vraag ik huurtoeslag aan",
      "",
      "dank je wel",
    ]) {
      expect(read(text), text).toBeUndefined();
    }
  });

  it("is undefined when nothing was shown, or the position does not exist", () => {
    expect(readShownFollowUp("waar is dat", [], vocabulary)).toBeUndefined();
    expect(readShownFollowUp("de derde", shown.slice(0, 2), vocabulary)).toBeUndefined();
    expect(read("die van maandag")).toBeUndefined();
  });
});

describe("sign-up answers from the listing's own words", () => {
  const now = toLocal(new Date("2026-11-24T09:30:00+01:00"), "Europe/Amsterdam");
  const signup = (l: Listing) => renderShownFollowUp({ listings: [l], aspects: ["signup"] }, now, undefined, vocabulary.listingWords).text;

  it("says walk in for 'zonder afspraak' or an inloop, sign up for 'aanmelden', and not sure otherwise", () => {
    expect(signup(listing("s", "Schuldhulp-inloop", "di 13:00-15:00", { description: "Zonder afspraak hulp als je rekeningen niet meer kunt betalen." }))).toContain("zonder afspraak");
    expect(signup(listing("i", "Inloop Wijkpunt", "ma 09:30-12:00"))).toContain("binnenlopen");
    expect(signup(listing("c", "Computerles", "ma 13:30-15:30", { description: "Vier lessen. Aanmelden bij de balie." }))).toContain("meldt zich eerst aan");
    expect(signup(listing("k", "Koffieochtend", "di 10:00-12:00", { description: "Koffie drinken met buren." }))).toContain("staat niet");
  });
});

describe("a name and a position that disagree", () => {
  it("takes the listing named ('de eerste, het repaircafé' when that was the second)", () => {
    expect(read("de eerste, het repaircafé. waar is dat?")?.listings.map((l) => l.id)).toEqual(["b"]);
    expect(read("de eerste, waar is dat?")?.listings.map((l) => l.id)).toEqual(["a"]);
  });
  it("reads Arabic 'are these really free?' as a question about cost", () => {
    expect(read("هل هذه مجانية فعلا؟")?.aspects).toContain("cost");
  });
});
