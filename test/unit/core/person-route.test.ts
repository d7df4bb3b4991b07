import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { createAssistant } from "../../../src/core/assistant.js";
import type { AssistantReply } from "../../../src/core/types.js";
import { createSafetyCheck } from "../../../src/safety/safety-check.js";
import { createFakeComposer, createFakeListings, createFakeRetriever, createTestStore, inbound, type TestStore } from "../../support/fakes.js";

/**
 * With no person reachable (no desk behind the channel), the wijkteam's route is the offer of a person. Said
 * with every reply that offers a person, it repeated turn after turn: now once in half an hour, again when a
 * person is asked for or with a crisis, and never when it would be the whole reply.
 */

const knowledgeDir = fileURLToPath(new URL("../../../knowledge", import.meta.url));
const safety = createSafetyCheck(knowledgeDir);
const CONTACT = "Sociaal wijkteam: 030-1234567.";

let testStore: TestStore;
let clock: number;
beforeEach(() => {
  testStore = createTestStore();
  clock = new Date("2026-11-24T09:00:00Z").getTime();
});

function make() {
  return createAssistant({
    retriever: createFakeRetriever([]),
    composer: createFakeComposer(),
    store: testStore.store,
    safety,
    listings: createFakeListings(/koffie/i),
    now: () => new Date((clock += 60_000)),
    retentionDays: 90,
    wijkteamContact: CONTACT,
  });
}

const routes = (reply: AssistantReply) => reply.replies.filter((r) => r.text.includes(CONTACT)).length;

describe("the wijkteam's route when no person is reachable", () => {
  it("is said once in half an hour, not with every reply that offers a person", async () => {
    const assistant = make();
    expect(routes(await assistant.handle(inbound("ik heb schulden en ik kan de huur niet betalen")))).toBe(1);
    const again = await assistant.handle(inbound("ik heb ook nog een energierekening die ik niet kan betalen"));
    expect(again.replies.length).toBeGreaterThan(0);
    expect(routes(again)).toBe(0);
  });

  it("is said again when a person is asked for, and after half an hour", async () => {
    const assistant = make();
    expect(routes(await assistant.handle(inbound("ik heb schulden en ik kan de huur niet betalen")))).toBe(1);
    expect(routes(await assistant.handle(inbound("kan ik met een echt mens praten")))).toBe(1);
    clock += 31 * 60_000;
    expect(routes(await assistant.handle(inbound("ik heb ook nog een energierekening die ik niet kan betalen")))).toBe(1);
  });

  it("stays with a crisis reply", async () => {
    const assistant = make();
    await assistant.handle(inbound("ik heb schulden en ik kan de huur niet betalen"));
    const crisis = await assistant.handle(inbound("ik wil niet meer leven"));
    expect(crisis.intent).toBe("crisis");
    expect(crisis.replies.map((r) => r.text).join("\n")).toContain("113");
  });
});
