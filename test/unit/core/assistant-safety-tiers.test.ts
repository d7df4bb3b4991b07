import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { createAssistant, type AssistantDeps } from "../../../src/core/assistant.js";
import type { AssistantReply } from "../../../src/core/types.js";
import { createSafetyCheck } from "../../../src/safety/safety-check.js";
import {
  createFakeComposer,
  createFakeListings,
  createFakeRetriever,
  createTestClock,
  createTestStore,
  inbound,
  passage,
  type FakeRetriever,
  type TestStore,
} from "../../support/fakes.js";

const safety = createSafetyCheck(fileURLToPath(new URL("../../../knowledge", import.meta.url)));
const CONTACT = "Sociaal wijkteam Zeist: 030-1234567.";

let testStore: TestStore;
let retriever: FakeRetriever;

function makeAssistant(overrides: Partial<AssistantDeps> = {}) {
  return createAssistant({
    retriever,
    composer: createFakeComposer(),
    store: testStore.store,
    safety,
    listings: createFakeListings(/koffie/i),
    now: createTestClock(),
    retentionDays: 90,
    wijkteamContact: CONTACT,
    ...overrides,
  });
}

beforeEach(() => {
  testStore = createTestStore();
  retriever = createFakeRetriever([passage({ text: "Huiselijk geweld is geweld door iemand uit de kring van het slachtoffer." })]);
});

const first = (reply: AssistantReply) => reply.replies[0]?.text ?? "";
const all = (reply: AssistantReply) => reply.replies.map((r) => r.text).join("\n");

describe("safety tiers in the assistant", () => {
  it("acute danger: 112 is the first thing said, in the language of the message", async () => {
    const nl = await makeAssistant().handle(inbound("mijn buurman ligt op de grond en ademt niet"));
    expect(nl.intent).toBe("crisis");
    expect(first(nl).startsWith("Bel nu 112")).toBe(true);
    const en = await makeAssistant().handle(inbound("my neighbour is lying on the floor and not breathing"));
    expect(first(en).startsWith("Call 112 now")).toBe(true);
  });

  it("suicidal signals: 113 first, then the direct question and a person", async () => {
    const reply = await makeAssistant().handle(inbound("het heeft allemaal geen zin meer"));
    expect(reply.intent).toBe("crisis");
    const text = first(reply);
    expect(text.split("\n")[0]).toMatch(/113.*0800-0113.*113\.nl/);
    expect(text).toContain("Denkt u erover om uzelf iets aan te doen?");
    expect(text).toContain("112");
    expect(text).not.toContain("Wat naar dat u dit meemaakt");
    expect(all(reply)).toContain(CONTACT);
    expect(retriever.calls).toHaveLength(0);
  });

  it("unsafe at home: 112 when in danger now, then Veilig Thuis", async () => {
    const reply = await makeAssistant().handle(inbound("mijn vriend slaat me als hij gedronken heeft"));
    expect(reply.intent).toBe("crisis");
    const lines = first(reply).split("\n\n");
    expect(lines[0]).toContain("112");
    expect(lines[1]).toContain("0800-2000");
  });

  it("two crises at once: the deciding number first, the other's number in the same reply", async () => {
    const reply = await makeAssistant().handle(inbound("ik wil dood en mijn man slaat me"));
    const lines = first(reply).split("\n\n");
    expect(lines[0]).toContain("0800-0113");
    expect(lines[1]).toContain("0800-2000");
  });

  it.each([
    ["أريد أن أموت", "ar", "اتصل"],
    ["ölmek istiyorum", "tr", "arayın"],
    ["chcę umrzeć", "pl", "zadzwoń"],
    ["я хочу померти", "uk", "телефонуйте"],
    ["ich will sterben", "de", "Rufen Sie"],
  ])("%s: the crisis reply in %s, with the Dutch numbers", async (text, _lang, word) => {
    const reply = await makeAssistant().handle(inbound(text));
    expect(reply.intent).toBe("crisis");
    expect(first(reply).toLowerCase()).toContain(word.toLowerCase());
    expect(first(reply)).toContain("0800-0113");
    expect(first(reply)).toContain("112");
  });

  it("a detected message language decides the reply language", async () => {
    const reply = await makeAssistant({ languages: { detect: () => ({ language: "en", evidence: "sure" }) } }).handle(inbound("ik wil dood"));
    expect(first(reply)).toContain("Talk to 113 Suicide Prevention");
  });

  it("heavy feelings: concern with warmth, a person, 113 and De Luisterlijn, and ontmoeting; no alarm", async () => {
    const reply = await makeAssistant().handle(inbound("ik voel me zo alleen"));
    expect(reply.intent).toBe("concern");
    const text = first(reply);
    expect(text).toMatch(/Dat klinkt zwaar/);
    expect(text).toContain("0900-0767");
    expect(text).toContain("113");
    expect(text).toMatch(/ontmoeten/);
    expect(text).not.toContain("Bel nu 112");
    expect(all(reply)).toContain(CONTACT);
  });

  it("heavy feelings with a concrete question are answered (listings), not diverted", async () => {
    const reply = await makeAssistant().handle(inbound("ik voel me alleen, is er koffie in de buurt?"));
    expect(reply.intent).toBe("listings");
  });

  it("information questions: the answer and the numbers, without the alarm or 'wat naar'", async () => {
    const reply = await makeAssistant().handle(inbound("wat is huiselijk geweld?"));
    expect(reply.intent).toBe("answer");
    expect(retriever.calls).toHaveLength(1);
    const last = reply.replies.at(-1)?.text ?? "";
    expect(last).toContain("0800-2000");
    expect(all(reply)).not.toContain("Wat naar dat u dit meemaakt");
    const suicide = await makeAssistant().handle(inbound("mag je iemand vragen of hij aan zelfmoord denkt?"));
    expect(suicide.intent).toBe("answer");
    expect(suicide.replies.at(-1)?.text).toContain("0800-0113");
  });
});

describe("safety tiers next to a practical need", () => {
  it("a crisis with debts: the numbers first, then the first steps for the debts", async () => {
    const reply = await makeAssistant().handle(inbound("mijn schulden worden steeds hoger en ik zie geen uitweg meer"));
    expect(reply.intent).toBe("crisis");
    expect(first(reply)).toContain("0800-0113");
    expect(reply.replies[1]?.text).toMatch(/schuldhulp/i);
  });

  it("heavy feelings of a mantelzorger: the warmth and the lines first, then the mantelzorg steps and a person", async () => {
    const reply = await makeAssistant().handle(inbound("ik zorg al 3 jaar voor mn man met dementie en ik kan het niet meer aan"));
    expect(reply.intent).toBe("concern");
    expect(first(reply)).toContain("113");
    expect(reply.replies[1]?.text).toMatch(/mantelzorg/i);
  });

  it("stress and sleeplessness over debts: concern first, then the debt steps", async () => {
    const reply = await makeAssistant().handle(inbound("ik heb schulden en ik slaap niet meer van de stress"));
    expect(reply.intent).toBe("concern");
    expect(first(reply)).toContain("113");
    expect(reply.replies[1]?.text).toMatch(/schuld/i);
  });

  it("a practical need without heavy feelings stays a handoff with its first steps", async () => {
    const reply = await makeAssistant().handle(inbound("mijn schulden stapelen op"));
    expect(reply.intent).toBe("handoff");
    expect(first(reply)).toMatch(/schuld/i);
  });
});
