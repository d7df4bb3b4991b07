import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import type { AssistantReply } from "../../../src/core/types.js";
import { loadDialogueCues } from "../../../src/dialogue/dialogue-cues.js";
import { createSafetyCheck } from "../../../src/safety/safety-check.js";
import { createSmallAssistant, createTestStore, inbound, type TestStore } from "../../support/fakes.js";

const KNOWLEDGE = fileURLToPath(new URL("../../../knowledge", import.meta.url));
const safety = createSafetyCheck(KNOWLEDGE);
const cues = loadDialogueCues(KNOWLEDGE);
const all = (reply: AssistantReply) => reply.replies.map((r) => r.text).join("\n");

/** Someone with debts whose money words were heard as heavy feelings, and who says so. */
describe("a reply that misread the message", () => {
  let testStore: TestStore;
  const make = () => createSmallAssistant({ store: testStore.store, safety, cues });
  beforeEach(() => {
    testStore = createTestStore();
  });

  it("'ja of nee' in a question is no yes to the question about death", () => {
    expect(cues.crisisAnswer?.("kost die schuldhulp geld ja of nee")).toBeUndefined();
    expect(cues.crisisAnswer?.("ja")).toBe("yes");
  });

  it("'ik bedoel …' right after the heavy-feelings reply: sorry, no 113 again, and the context ends", async () => {
    const assistant = make();
    await assistant.handle(inbound("ik voel me zo alleen"));
    const repaired = await assistant.handle(inbound("ik bedoel geld he. kost die schuldhulp geld ja of nee"));
    expect(all(repaired)).toMatch(/^Sorry, dan begreep ik u verkeerd\./);
    expect(all(repaired)).not.toContain("0800-0113");
    expect(repaired.intent).not.toBe("crisis");
    const state = await testStore.store.getState("terminal:conv-1");
    expect(state.lastConcern).toBeUndefined();
  });

  it("'waarom begin je over zelfmoord?' is a complaint, not a signal, also without a heavy reply before", async () => {
    const reply = await make().handle(inbound("waarom begin je nou over zelfmoord?? ik vraag alleen of schuldhulp geld kost"));
    expect(reply.intent).not.toBe("crisis");
    expect(all(reply)).toMatch(/^Sorry/);
  });

  it("a signal in what is left is still heard", async () => {
    const assistant = make();
    await assistant.handle(inbound("ik voel me zo alleen"));
    const reply = await assistant.handle(inbound("ik bedoel: ik wil niet meer leven"));
    expect(reply.intent).toBe("crisis");
    expect(all(reply)).toContain("113");
  });

  it("heavy only to the classifier beside a money need: the warm line, the first steps, then 113's line", async () => {
    const assessed = safety.assess("kost dat geld? ik heb echt niks meer");
    expect(assessed.needsPerson).toBe("money");
    const reply = await make().handle(inbound("kost dat geld? ik heb echt niks meer"));
    const texts = reply.replies.map((r) => r.text);
    expect(texts[0]).toMatch(/zwaar/);
    expect(texts.at(-1)).toContain("113");
    expect(texts.join("\n")).toMatch(/schuldhulp|bijstand|voedselbank/i);
    if (assessed.concernGuessed) expect(texts.join("\n")).not.toMatch(/Wilt u dat een sociaal werker/);
  });

  it("'nee zo bedoel ik het niet, …' after the question about death is a no, and the question after it is answered", () => {
    const lead = cues.crisisAnswerLead?.("nee zo bedoel ik het niet, ik ben gewoon op. is er een groep voor partners van iemand met dementie?");
    expect(lead?.answer).toBe("no");
    expect(lead?.rest).toMatch(/groep voor partners/);
  });
});
