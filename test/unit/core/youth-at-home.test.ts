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

/** A teenager whose parents fight at home, in a channel without a person behind it (the terminal). */
describe("a young person unsafe at home", () => {
  let testStore: TestStore;
  const make = () => createSmallAssistant({ store: testStore.store, safety, cues });
  beforeEach(() => {
    testStore = createTestStore();
  });

  it("gets De Kindertelefoon and Veilig Thuis all in 'je', and not the gemeente's wijkteam in 'u'", async () => {
    const first = await make().handle(inbound("mijn ouders maken altijd ruzie en soms gooien ze met dingen"));
    expect(first.intent).toBe("crisis");
    expect(all(first)).toContain("0800-0432");
    expect(all(first)).toContain("0800-2000");
    expect(all(first)).not.toMatch(/\b(u|uw|Bent u|Wilt u)\b/);
    expect(all(first)).not.toContain("Wilt u met iemand praten?");
  });

  it("hears 'ja ik ben 15' after that reply as the answer: Veilig Thuis and De Kindertelefoon for a child, no heavy-feelings alarm", async () => {
    const assistant = make();
    await assistant.handle(inbound("mijn ouders maken altijd ruzie en soms gooien ze met dingen"));
    const age = await assistant.handle(inbound("ja ik ben 15"));
    expect(all(age)).toContain("0800-0432");
    expect(all(age)).toContain("0800-2000");
    expect(all(age)).not.toContain("Luisterlijn");
    expect((await testStore.store.getState("terminal:conv-1")).ageBand).toBe("minor");
    // Heavy feelings after the unsafe-at-home reply are new: the whole concern reply, in "je".
    const heavy = await assistant.handle(inbound("ik voel me zo alleen"));
    expect(heavy.intent).toBe("concern");
    expect(all(heavy)).toContain("Luisterlijn");
    expect(all(heavy)).toMatch(/Denk je/);
    // And heavy words again soon after: the shorter word, not the same block twice.
    const again = await assistant.handle(inbound("niemand snapt me"));
    expect(all(again)).not.toEqual(all(heavy));
    expect(all(again)).toContain("113");
  });

  it("a bare age with nothing heavy before it gets the question how to help", async () => {
    const reply = await make().handle(inbound("ik ben 15"));
    expect(reply.intent).toBe("smalltalk");
    expect(all(reply)).not.toContain("0800-2000");
  });

  it("an adult who is hit at home keeps 'u' and the wijkteam route", async () => {
    const reply = await make().handle(inbound("mijn man slaat me"));
    expect(all(reply)).toContain("0800-2000");
    expect(all(reply)).toContain("Bent u");
    expect(all(reply)).toContain("Wilt u met iemand praten?");
  });

  it("a young person who asks for a person, with none behind this channel, hears of De Kindertelefoon and school, not the gemeente", async () => {
    const assistant = make();
    await assistant.handle(inbound("ik ben 15"));
    const reply = await assistant.handle(inbound("kan ik hier met een echt mens praten"));
    expect(all(reply)).toContain("0800-0432");
    expect(all(reply)).not.toMatch(/\bu\b|uw gemeente|Wilt u/);
  });

  it("'ik ben 15 en woon in …' keeps the band and the place, and asks how to help in 'je'", async () => {
    const assistant = make();
    const intro = await assistant.handle(inbound("ik ben 15 en woon in zeist"));
    expect(intro.intent).toBe("smalltalk");
    expect(all(intro)).toMatch(/je/);
    expect(all(intro)).not.toMatch(/niet zeker/);
  });

  it("'ik wil vanavond echt niet naar huis, waar kan ik heen' is unsafe at home; a lost key is not", () => {
    expect(safety.assess("ik wil vanavond echt niet naar huis waar kan ik heen").crisis).toBe("violence");
    expect(safety.assess("ik kan niet naar huis want ik ben mijn sleutel kwijt, waar kan ik heen").crisis).toBeUndefined();
  });

  it("after De Kindertelefoon's line, the answer to the question about harming oneself is said with 'je' too", async () => {
    const assistant = make();
    await assistant.handle(inbound("mn ouders hebben heel vaak ruzie thuis en ik voel me rot"));
    const reply = await assistant.handle(inbound("ik kras soms"));
    expect(all(reply)).toContain("113");
    expect(all(reply)).toMatch(/\bje\b/);
    expect(all(reply)).not.toMatch(/\b(u|uw)\b/);
  });

  it("parents who fight and throw things, said in chat words, are unsafe at home", () => {
    expect(safety.assess("mn ouders hebben heel vaak ruzie thuis en soms gooien ze met dingen").crisis).toBe("violence");
    expect(safety.assess("mijn ouders hadden ruzie over wie de oude spullen naar de kringloop gooit").crisis).toBeUndefined();
  });

  it("a crisis right after De Kindertelefoon's line was given is said with 'je'", async () => {
    const assistant = make();
    await assistant.handle(inbound("mn ouders hebben heel vaak ruzie thuis en soms gooien ze met dingen"));
    const reply = await assistant.handle(inbound("ik kras soms"));
    expect(reply.intent).toBe("crisis");
    expect(all(reply)).toContain("113");
    expect(all(reply)).toMatch(/Denk je/);
    expect(all(reply)).not.toMatch(/\b(u|uw|uzelf)\b/);
  });
});
