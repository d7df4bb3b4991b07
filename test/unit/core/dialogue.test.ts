import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { createAssistant } from "../../../src/core/assistant.js";
import type { HandoffQueue } from "../../../src/core/ports.js";
import { texts } from "../../../src/core/texts.js";
import { loadDialogueCues } from "../../../src/dialogue/dialogue-cues.js";
import { createSafetyCheck } from "../../../src/safety/safety-check.js";
import { createFakeComposer, createFakeRetriever, createTestClock, createSmallAssistant, createTestStore, inbound, type TestStore } from "../../support/fakes.js";

const KNOWLEDGE = fileURLToPath(new URL("../../../knowledge", import.meta.url));
const safety = createSafetyCheck(KNOWLEDGE);
const cues = loadDialogueCues(KNOWLEDGE);

describe("dialogue cues", () => {
  it("reads a how-often word as a yes to the question about harming oneself only when it answers it", () => {
    for (const text of ["soms", "ja, soms wel", "elke dag eigenlijk", "ik denk er elke dag aan", "sometimes", "I think about it often", "bazen"]) {
      expect(cues.crisisAnswer?.(text), text).toBe("yes");
    }
    // A new message that happens to say how often something happens is read as a message of its own.
    for (const text of ["thuis is er elke dag ruzie", "mijn buurman maakt vaak lawaai s nachts", "we eten soms bij mijn oma"]) {
      expect(cues.crisisAnswer?.(text), text).toBeUndefined();
    }
    expect(cues.crisisAnswer?.("nee, soms wel")).toBe("yes");
  });

  it("reads an answer that opens a longer message, and keeps what follows it", () => {
    const cases: Array<[string, "yes" | "no" | "unsure", string]> = [
      ["nee dat niet, maar ik weet niet wat ik met mezelf aan moet", "no", "ik weet niet wat ik met mezelf aan moet"],
      ["nee hoor maar waar kan ik koffie drinken in Zeist", "no", "waar kan ik koffie drinken in zeist"],
      ["no not really, but the evenings are so long", "no", "the evenings are so long"],
      ["hayır, ama çok yalnızım burada", "no", "cok yalnizim burada"],
      // After the no, how often and what of is a yes: the safe side.
      ["nee, maar soms denk ik er wel aan als ik wakker lig", "yes", "soms denk ik er wel aan als ik wakker lig"],
      ["ik weet het niet, ik ben gewoon heel erg moe van alles", "unsure", "ik ben gewoon heel erg moe van alles"],
    ];
    for (const [text, answer, rest] of cases) expect(cues.crisisAnswerLead?.(text), text).toEqual({ answer, rest });
    // A short answer is one answer; a message that does not open with an answer is a message of its own.
    for (const text of ["nee, soms wel", "nee hoor, gewoon moe", "waar is het buurthuis, ik wil er nee tegen zeggen", "mijn zoon zegt nee tegen alles, wat moet ik doen"]) {
      expect(cues.crisisAnswerLead?.(text), text).toBeUndefined();
    }
  });

  it("reads a typed yes or no in several languages, with filler around it", () => {
    for (const yes of ["ja", "Ja graag!", "ja hoor, dank je", "oke", "yes please", "نعم", "evet", "tak", "так"]) expect(cues.answer(yes), yes).toBe("yes");
    for (const no of ["nee", "Nee, dank u wel", "liever niet", "no thanks", "لا", "hayır", "nie", "ні"]) expect(cues.answer(no), no).toBe("no");
    for (const other of ["ja maar waar is het buurthuis?", "nee ik zoek iets anders voor mijn moeder", "3701", ""]) expect(cues.answer(other), other).toBeUndefined();
  });

  it("reads a word about the crisis numbers: afraid to call, what happens, free and anonymous, thanks", () => {
    const cases: Array<[string, string]> = [
      ["ik durf het gewoon niet", "cannotCall"],
      ["ik kan nu echt niet praten", "cannotCall"],
      ["I can't call, my phone has no credit", "cannotCall"],
      ["не можу подзвонити", "cannotCall"],
      ["wat gebeurt er als ik ze bel?", "whatHappens"],
      ["what should I say when they answer", "whatHappens"],
      ["что говорить?", "whatHappens"],
      ["komt de politie dan?", "private"],
      ["c'est anonyme ?", "private"],
      ["ist das kostenlos?", "private"],
      ["oke dankjewel", "thanks"],
      ["merci, je vais appeler", "thanks"],
      // Afraid to call beside a thanks: the worry is what is answered.
      ["bedankt, maar ik durf niet te bellen", "cannotCall"],
    ];
    for (const [text, kind] of cases) expect(cues.crisisFollowUp?.(text), text).toBe(kind);
    for (const text of ["waar is het buurthuis in zeist", "ik wil niet meer leven", "bedankt voor de informatie over de voedselbank en de kledingbank hier in de buurt"]) {
      expect(cues.crisisFollowUp?.(text), text).toBeUndefined();
    }
  });

  it("reads a short 'weet ik niet' as an answer, not a longer sentence with those words", () => {
    for (const text of ["weet ik niet", "Geen idee!", "dat weet ik niet precies", "ik weet het niet", "no idea"]) expect(cues.isDontKnow?.(text), text).toBe(true);
    for (const text of ["ik weet niet waar ik heen moet met mijn schulden", "ja graag", "3701"]) expect(cues.isDontKnow?.(text), text).toBe(false);
  });

  it("gives De Kindertelefoon to a young person with heavy feelings or trouble at home, not to anyone with a question", () => {
    const young = ["ik ben 13 en thuis is er altijd ruzie", "mijn ouders schreeuwen de hele tijd en ik voel me kut", "ik word gepest op school"];
    for (const text of young) expect(cues.youthLine?.(text, false), text).toContain("0800-0432");
    // Heavy feelings already known (the safety check said so): a sign of being young is enough.
    expect(cues.youthLine?.("ik zit in de brugklas en voel me zo alleen", true)).toContain("Kindertelefoon");
    for (const text of ["ik ben 14 en zoek huiswerkhulp in zeist", "ik ben 81 en voel me zo somber", "mijn moeder heeft ruzie met de buren"]) {
      expect(cues.youthLine?.(text, false), text).toBeUndefined();
    }
  });

  it("does not ask a young person their age when they already said it, and says je", () => {
    for (const text of ["ik ben 15 en mn vader slaat me", "ben bijna 14 en voel me heel alleen", "16 jaar, thuis is het altijd ruzie"]) {
      const line = cues.youthLine?.(text, true);
      expect(line, text).toContain("0800-0432");
      expect(line, text).not.toMatch(/jonger dan 18/i);
      expect(line, text).not.toMatch(/\b(u|uw)\b/i);
    }
    // Only a sign of being young, no age: the question stays.
    expect(cues.youthLine?.("ik zit in de brugklas en voel me zo alleen", true)).toMatch(/jonger dan 18/);
  });

  it("tells a bare help request from a question about help", () => {
    for (const text of ["help", "Help me!", "ik heb hulp nodig", "kunt u me helpen?", "i need help", "ساعدني"]) expect(cues.isHelpRequest(text), text).toBe(true);
    for (const text of ["ik heb hulp nodig met mijn belastingaangifte", "help bij schulden in zeist", "hulp voor mantelzorgers"]) expect(cues.isHelpRequest(text), text).toBe(false);
  });

  it("hears something heavy inside a question, and not its negation", () => {
    expect(cues.empathy("mijn man is in maart overleden, is er een rouwgroep in de buurt?")).toBe("loss");
    expect(cues.empathy("my husband passed away, is there a group for widows?")).toBe("loss");
    expect(cues.empathy("أشعر بالوحدة، أين يمكنني أن ألتقي بالناس؟")).toBe("alone");
    expect(cues.empathy("ik zorg voor mijn moeder met dementie en ik ben zo moe")).toBeDefined();
    expect(cues.empathy("ik voel me niet eenzaam, ik zoek gewoon een hobby")).toBeUndefined();
    expect(cues.empathy("waar kan ik koffie drinken op dinsdag")).toBeUndefined();
  });
});

describe("the assistant in a conversation", () => {
  let testStore: TestStore;
  const offers: string[] = [];
  const handoff: HandoffQueue = {
    async intercept(message) {
      if (message.action?.id === "handoff_request") {
        offers.push("pressed");
        return { intent: "handoff", replies: [{ text: "Mag ik uw gesprek delen?" }], sources: [], confident: true };
      }
      return null;
    },
    async offer() {
      return { text: "Wilt u met een sociaal werker praten?", buttons: [{ id: "handoff_request", label: "Praat met een mens", answers: "yes" }] };
    },
  };

  function make() {
    return createSmallAssistant({ store: testStore.store, safety, cues, handoff });
  }

  beforeEach(() => {
    testStore = createTestStore();
    offers.length = 0;
  });

  it("a typed 'ja graag' after the offer of a person presses that button", async () => {
    const assistant = make();
    await assistant.handle(inbound("/vergeet"));
    const afterOffer = await assistant.handle(inbound("ja"));
    // /vergeet asks a yes/no question with two buttons: "ja" is its yes.
    expect(afterOffer.forgotten).toBe(true);
  });

  it("a typed button number presses the button with that number", async () => {
    const assistant = make();
    await assistant.handle(inbound("/vergeet"));
    const second = await assistant.handle(inbound("2"));
    expect(second.replies[0]?.text).toBe(texts.forgetCancelled);
  });

  it("a typed no to a question without a 'no' button gets a short, kind answer", async () => {
    const assistant = make();
    const retrieverless = createAssistant({
      retriever: createFakeRetriever([]),
      composer: createFakeComposer(),
      store: testStore.store,
      safety,
      cues,
      handoff,
      now: createTestClock(),
      retentionDays: 90,
      wijkteamContact: "Wijkteam: 030-0000000.",
    });
    const unsure = await retrieverless.handle(inbound("wat is de regeling voor kwijtschelding van hondenbelasting"));
    expect(unsure.confident).toBe(false);
    const yes = await retrieverless.handle(inbound("ja graag"));
    expect(offers).toEqual(["pressed"]);
    expect(yes.intent).toBe("handoff");
    await retrieverless.handle(inbound("wat is de regeling voor kwijtschelding van hondenbelasting"));
    const no = await assistant.handle(inbound("nee hoor"));
    expect(no.replies[0]?.text).toBe(texts.declined);
  });

  it("never asks the same question twice in a row", async () => {
    const assistant = make();
    const first = await assistant.handle(inbound("help"));
    const second = await assistant.handle(inbound("help me"));
    expect(first.replies[0]?.text).toBe(texts.helpQuestion);
    expect(second.replies[0]?.text).toBe(texts.helpQuestionAgain);
    const retrieverless = createAssistant({
      retriever: createFakeRetriever([]),
      composer: createFakeComposer(),
      store: testStore.store,
      safety,
      cues,
      now: createTestClock(),
      retentionDays: 90,
      wijkteamContact: "Wijkteam: 030-0000000.",
    });
    const unsure1 = await retrieverless.handle(inbound("hoe zit het met de zeehondenregeling"));
    const unsure2 = await retrieverless.handle(inbound("en de walvissenregeling dan"));
    expect(unsure1.replies[0]?.text).not.toBe(unsure2.replies[0]?.text);
    expect(unsure2.replies[0]?.text).toBe(texts.notSureAgain);
  });

  it("starts with one line of empathy when something heavy is shared with a question", async () => {
    const assistant = make();
    const reply = await assistant.handle(inbound("sinds mijn vrouw is overleden ben ik veel alleen, waar kan ik koffie drinken?"));
    expect(reply.intent).toBe("listings");
    expect(reply.replies[0]?.text.split("\n")[0]).toMatch(/verdrietig/);
  });

  it("right after a crisis reply, an unanswerable follow-up or 'help' gets the emergency numbers again, later not", async () => {
    let now = new Date("2026-03-04T09:00:00Z");
    const assistant = createAssistant({
      retriever: createFakeRetriever([]),
      composer: createFakeComposer(),
      store: testStore.store,
      safety,
      cues,
      now: () => now,
      retentionDays: 90,
      wijkteamContact: "Wijkteam: 030-0000000.",
    });
    const first = await assistant.handle(inbound("mijn buurman ligt op de grond en ademt niet"));
    expect(first.intent).toBe("crisis");
    const next = await assistant.handle(inbound("wat moet ik nu doen"));
    expect(next.intent).toBe("crisis");
    expect(next.replies[0]?.text).toContain("112");
    const help = await assistant.handle(inbound("help"));
    expect(help.intent).toBe("crisis");
    now = new Date(now.getTime() + 31 * 60_000);
    const later = await assistant.handle(inbound("wat moet ik nu doen"));
    expect(later.intent).not.toBe("crisis");
  });

  it("after the suicide reply a statement that goes on with the story gets 113 again, after an emergency it does not", async () => {
    const make = () =>
      createAssistant({
        retriever: createFakeRetriever([]),
        composer: createFakeComposer(),
        store: testStore.store,
        safety,
        cues,
        now: () => new Date("2026-03-04T09:00:00Z"),
        retentionDays: 90,
        wijkteamContact: "Wijkteam: 030-0000000.",
      });
    const assistant = make();
    expect((await assistant.handle(inbound("voor mij hoeft het allemaal niet meer", { conversationId: "terminal:story", userId: "terminal:story" }))).intent).toBe("crisis");
    const story = await assistant.handle(inbound("mijn fiets heb ik gisteren aan mijn neef gegeven, de rest volgt nog", { conversationId: "terminal:story", userId: "terminal:story" }));
    expect(story.intent).toBe("crisis");
    expect(story.replies[0]?.text).toContain("113");
    expect((await assistant.handle(inbound("de brand in de keuken is groot, bel 112", { conversationId: "terminal:fire", userId: "terminal:fire" }))).intent).toBe("crisis");
    const after = await assistant.handle(inbound("oke de brandweer is geweest, ik ga vrijdag wel naar de markt", { conversationId: "terminal:fire", userId: "terminal:fire" }));
    expect(after.intent).not.toBe("crisis");
  });

  it("thanks at the start of a message that asks nothing gets thanks back, but not right after the suicide reply", async () => {
    const assistant = make();
    const thanks = await assistant.handle(inbound("dankjewel, je hebt me echt geholpen vandaag", { conversationId: "terminal:thanks", userId: "terminal:thanks" }));
    expect(thanks.intent).toBe("smalltalk");
    expect(thanks.replies[0]?.text).toBe(texts.smalltalk.thanks);
    const who = { conversationId: "terminal:goodbye", userId: "terminal:goodbye" };
    expect((await assistant.handle(inbound("voor mij hoeft het allemaal niet meer", who))).intent).toBe("crisis");
    const goodbye = await assistant.handle(inbound("dank u voor alles, ik heb mijn spullen al weggegeven", who));
    expect(goodbye.intent).toBe("crisis");
    expect(goodbye.replies.map((r) => r.text).join("\n")).toContain("113");
  });
});

