import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isFollowUp } from "../../../src/answer/follow-up-carry.js";
import { loadDialogueCues } from "../../../src/dialogue/dialogue-cues.js";
import { loadListingsVocabulary } from "../../../src/listings/listings-vocabulary.js";
import { restoreQuery, storeQuery } from "../../../src/listings/search-memory.js";
import { understandQuestion } from "../../../src/listings/understand-question.js";
import { loadGazetteer } from "../../../src/listings/gazetteer.js";
import { toLocal } from "../../../src/listings/local-calendar.js";

const KNOWLEDGE = fileURLToPath(new URL("../../../knowledge", import.meta.url));
const cues = loadDialogueCues(KNOWLEDGE);
const vocabulary = loadListingsVocabulary(KNOWLEDGE);

/** Findings of the review of 7 December, each held by a test. */
describe("review of 7 December", () => {
  it("a complaint clause goes, what follows it in the same sentence is heard", () => {
    expect(cues.misread?.("waarom zeg je dat, ik wil echt dood")?.rest).toBe("ik wil echt dood");
    expect(cues.misread?.("ik bedoel, kost het geld?")?.rest).toBe("kost het geld?");
  });

  it("a life event is found at the start of a word: 'vrouw' is no 'rouw'", () => {
    expect(vocabulary.circumstancesIn("vrouwenochtend vrouwen uit veel landen")).toEqual([]);
    expect(vocabulary.circumstancesIn("rouwgroep over het verlies van iemand")).toContain("rouw");
  });

  it("'en voor kinderen?' after 'niet voor kinderen' asks for children again", () => {
    const gazetteer = loadGazetteer(KNOWLEDGE, []);
    const now = toLocal(new Date("2026-12-07T10:00:00+01:00"), "Europe/Amsterdam");
    const first = understandQuestion("taalles, niet voor kinderen", { vocabulary, gazetteer, now });
    expect(first.notFor).toContain("kinderen");
    const next = understandQuestion("en voor kinderen?", { vocabulary, gazetteer, now });
    const restored = restoreQuery(storeQuery(first), now, next);
    expect(restored.audiences).toContain("kinderen");
    expect(restored.notFor ?? []).not.toContain("kinderen");
  });

  it("'hoe laat begint dat?' is a follow-up; a topic named before its question word is not", () => {
    for (const t of ["hoe laat begint dat?", "wanneer opent die?", "wat betekent dat?"]) expect(isFollowUp(t), t).toBe(true);
    for (const t of ["mantelzorgmakelaar wat doet die en kost dat wat", "de voedselbank, waar is die?"]) expect(isFollowUp(t), t).toBe(false);
  });

  it("wanting to volunteer keeps volunteer work; a volunteer sought for someone is help to get", () => {
    const gazetteer = loadGazetteer(KNOWLEDGE, []);
    const now = toLocal(new Date("2026-12-07T10:00:00+01:00"), "Europe/Amsterdam");
    expect(understandQuestion("ik wil vrijwilliger voor de voedselbank worden", { vocabulary, gazetteer, now }).categories).toContain("vrijwilligerswerk");
    expect(understandQuestion("ik zoek een vrijwilliger voor mijn moeder in zeist", { vocabulary, gazetteer, now }).categories).not.toContain("vrijwilligerswerk");
  });

  it("an age said with trouble at home in the same message gets De Kindertelefoon", async () => {
    const { createSmallAssistant, createTestStore, inbound } = await import("../../support/fakes.js");
    const { createSafetyCheck } = await import("../../../src/safety/safety-check.js");
    const testStore = createTestStore();
    const assistant = createSmallAssistant({ store: testStore.store, safety: createSafetyCheck(KNOWLEDGE), cues });
    const reply = await assistant.handle(inbound("ik ben 13 en woon in zeist, thuis is altijd ruzie"));
    expect(reply.replies.map((r) => r.text).join("\n")).toContain("0800-0432");
  });
});
