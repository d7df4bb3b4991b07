import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import type { HandoffQueue } from "../../../src/core/ports.js";
import type { AssistantReply } from "../../../src/core/types.js";
import { loadDialogueCues } from "../../../src/dialogue/dialogue-cues.js";
import { createSafetyCheck } from "../../../src/safety/safety-check.js";
import { createSmallAssistant, createTestStore, inbound, type TestStore } from "../../support/fakes.js";

const KNOWLEDGE = fileURLToPath(new URL("../../../knowledge", import.meta.url));
const safety = createSafetyCheck(KNOWLEDGE);
const cues = loadDialogueCues(KNOWLEDGE);
const all = (reply: AssistantReply) => reply.replies.map((r) => r.text).join("\n");

describe("age band cue", () => {
  it("reads an age the person states of themselves as a band, not someone else's age or a duration", () => {
    for (const text of ["ik ben 15", "Ben bijna 14 hoor", "I'm 16 and stuck", "16 jaar en ik weet het niet meer", "ik word 12 volgende week"]) expect(cues.ageBand?.(text), text).toBe("minor");
    for (const text of ["ik ben 82 en woon alleen", "I am 45", "ben net 18 geworden"]) expect(cues.ageBand?.(text), text).toBe("adult");
    for (const text of ["mijn dochter is 14 jaar", "ik ben 10 jaar getrouwd", "ik ben 15 minuten te laat", "ik ben 50 euro kwijt", "hoe laat is het"]) expect(cues.ageBand?.(text), text).toBeUndefined();
  });
});

describe("confidential cue", () => {
  it("reads a request for confidence in several languages, and not an ordinary question", () => {
    for (const text of ["czy ta rozmowa jest poufna?", "هل كلامي هنا سري", "ça reste entre nous ?", "bleibt das hier vertraulich?", "можно анонимно спросить", "ailem duymasın lütfen", "Is het anoniem als ik hier iets vraag?"]) {
      expect(cues.confidential?.(text, "nl"), text).toBeDefined();
    }
    for (const text of ["waar is het buurthuis in zeist", "ik zoek een geheime tuin om te bezoeken", "mijn ouders wonen in Utrecht", "wat doet een sociaal werker?"]) {
      expect(cues.confidential?.(text, "nl"), text).toBeUndefined();
    }
    expect(cues.confidential?.("is this confidential?", "en")?.text).toContain("professional secrecy");
  });
});

describe("age band and confidential requests in the assistant", () => {
  let testStore: TestStore;
  const handoff: HandoffQueue = {
    async intercept(message) {
      return message.action?.id === "handoff_request" ? { intent: "handoff", replies: [{ text: "Mag ik uw gesprek delen?" }], sources: [], confident: true } : null;
    },
    async offer() {
      return { text: "Mag ik ons gesprek delen met een sociaal werker?", buttons: [{ id: "handoff_request", label: "Praat met een mens", answers: "yes" }] };
    },
  };
  const make = (withHandoff = true) => createSmallAssistant({ store: testStore.store, safety, cues, ...(withHandoff ? { handoff } : {}) });

  beforeEach(() => {
    testStore = createTestStore();
  });

  it("keeps only the band of a stated age, and a known minor is not asked the age again", async () => {
    const assistant = make();
    await assistant.handle(inbound("hoi ik ben 14"));
    const state = await testStore.store.getState("terminal:conv-1");
    expect(state.ageBand).toBe("minor");
    // The band, never the number itself.
    expect(Object.values(state)).not.toContain(14);
    const later = await assistant.handle(inbound("thuis is er altijd ruzie en ik voel me echt rot"));
    expect(all(later)).toContain("0800-0432");
    expect(all(later)).not.toMatch(/jonger dan 18/i);
  });

  it("a known adult never gets De Kindertelefoon, even with words of school and parents", async () => {
    const assistant = make();
    await assistant.handle(inbound("ik ben 82 jaar"));
    expect((await testStore.store.getState("terminal:conv-1")).ageBand).toBe("adult");
    const later = await assistant.handle(inbound("mijn ouders zijn er niet meer en ik voel me zo alleen"));
    expect(all(later)).not.toContain("Kindertelefoon");
  });

  it("the band is erased with the conversation", async () => {
    const assistant = make();
    await assistant.handle(inbound("ik ben 16"));
    await testStore.store.forgetUser("terminal:user-1");
    expect((await testStore.store.getState("terminal:conv-1")).ageBand).toBeUndefined();
  });

  it("a young person who asks to talk in confidence gets De Kindertelefoon and people nearby, in je-form, nothing shared", async () => {
    for (const text of ["kan ik hier iets kwijt zonder dat m'n ouders erachter komen", "mijn pa en ma mogen het echt niet weten, kan ik ergens heen"]) {
      testStore = createTestStore();
      const reply = await make().handle(inbound(text));
      const said = all(reply);
      expect(said, text).toContain("0800-0432");
      expect(said, text).toMatch(/vertrouwenspersoon/);
      expect(said, text).toMatch(/huisarts/);
      expect(said, text).not.toMatch(/\b(u|uw)\b/i);
      expect(said, text).not.toMatch(/gesprek delen\?/i);
    }
  });

  it("a known minor asking whether the chat is secret gets the young reply; an adult gets De Luisterlijn and the beroepsgeheim", async () => {
    const assistant = make();
    await assistant.handle(inbound("ik ben 13"));
    const young = await assistant.handle(inbound("blijft dit wel geheim?"));
    expect(all(young)).toContain("Kindertelefoon");
    for (const text of ["Kan ik ook anoniem een vraag stellen?", "niemand mag hiervan weten, ook mijn man niet", "is this chat confidential?"]) {
      testStore = createTestStore();
      const reply = await make().handle(inbound(text));
      const said = all(reply);
      expect(said, text).toContain("088-0767000");
      expect(said, text).not.toContain("Kindertelefoon");
      expect(said, text).not.toMatch(/gesprek delen\?/i);
      expect(reply.replies.flatMap((r) => r.buttons ?? []).map((b) => b.id), text).toContain("handoff_request");
    }
    testStore = createTestStore();
    const nl = await make().handle(inbound("Kan ik ook anoniem een vraag stellen?"));
    expect(all(nl)).toMatch(/beroepsgeheim/);
  });

  it("without a desk, an adult's confidential reply says how to reach the wijkteam", async () => {
    const reply = await make(false).handle(inbound("blijft wat ik hier vertel vertrouwelijk?"));
    expect(all(reply)).toContain("088-0767000");
    expect(all(reply)).toContain("030-0000000");
  });
});
