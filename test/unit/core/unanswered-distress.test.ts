import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { createAssistant, type AssistantDeps } from "../../../src/core/assistant.js";
import type { SafetyCheck } from "../../../src/core/ports.js";
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
  type TestStore,
} from "../../support/fakes.js";

/**
 * The classifier's weaker sign of heavy feelings (`concernIfUnanswered`): it changes the reply only when
 * the assistant has no real answer to the message, and only for residents.
 */

const knowledgeDir = fileURLToPath(new URL("../../../knowledge", import.meta.url));
const safety = createSafetyCheck(knowledgeDir);
const WEAK = "elke week is hetzelfde en er verandert niks";
// The real replies and lists; only the weak sign is set by hand, for the one message above.
const withWeakSign: SafetyCheck = {
  ...safety,
  assess: (text) => (text === WEAK || text.startsWith(`${WEAK},`) ? { ...safety.assess(text), concernIfUnanswered: true } : safety.assess(text)),
};

let testStore: TestStore;
beforeEach(() => {
  testStore = createTestStore();
});

function make(overrides: Partial<AssistantDeps> = {}) {
  return createAssistant({
    retriever: createFakeRetriever([]),
    composer: createFakeComposer(),
    store: testStore.store,
    safety: withWeakSign,
    listings: createFakeListings(/koffie/i),
    now: createTestClock(),
    retentionDays: 90,
    wijkteamContact: "Sociaal wijkteam: 030-1234567.",
    ...overrides,
  });
}

const all = (reply: AssistantReply) => reply.replies.map((r) => r.text).join("\n");

describe("a weaker sign of heavy feelings", () => {
  it("gets the concern reply (warmth, De Luisterlijn, 113) instead of 'not sure'", async () => {
    const reply = await make().handle(inbound(WEAK));
    expect(reply.intent).toBe("concern");
    expect(all(reply)).toContain("113");
    expect(all(reply)).toContain("Luisterlijn");
  });

  it("gets the concern reply instead of a quote of the policy sources", async () => {
    const retriever = createFakeRetriever([passage({ text: "De sociale basis is alles wat mensen zonder indicatie kunnen doen." })]);
    const reply = await make({ retriever }).handle(inbound(WEAK));
    expect(reply.intent).toBe("concern");
    expect(all(reply)).not.toContain("sociale basis");
  });

  it("keeps a real answer: listings found for what was asked", async () => {
    const reply = await make().handle(inbound(`${WEAK}, waar kan ik koffie drinken?`));
    expect(reply.intent).toBe("listings");
    expect(all(reply)).toContain("Koffieochtend");
  });

  it("without the sign, an unanswerable message still gets the honest 'not sure'", async () => {
    const reply = await make().handle(inbound("hoe zit het met de fietsenstalling bij het station"));
    expect(reply.intent).toBe("answer");
    expect(reply.confident).toBe(false);
    expect(all(reply)).not.toContain("113");
  });

  it("a professional gets the answer of the sources, not the concern reply", async () => {
    const reply = await make().handle(inbound(WEAK, { persona: "professional", channel: "slack" }));
    expect(reply.intent).not.toBe("concern");
  });
});

describe("the weaker sign on the safety test sets", () => {
  const dir = fileURLToPath(new URL("../../fixtures/safety/", import.meta.url));
  const rows = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .flatMap((f) =>
      readFileSync(`${dir}${f}`, "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => ({ file: f, ...(JSON.parse(l) as { text: string; tier?: string }) })),
    );
  const signals = rows.filter((r) => r.tier === "suicide" || r.file === "signals.jsonl").map((r) => r.text);
  const ordinary = rows.filter((r) => r.tier === "none" || r.file === "ordinary.jsonl" || r.file.startsWith("hard-negatives")).map((r) => r.text);

  it("reaches warning signals that the lists and the classifier's tiers miss", () => {
    const missed = signals.filter((t) => {
      const a = safety.assess(t);
      return !a.crisis && !a.concern;
    });
    expect(missed.filter((t) => safety.assess(t).concernIfUnanswered).length).toBeGreaterThan(0);
  });

  it("counts only in a message about the writer or someone close", () => {
    // The classifier alone scores this kitchen question high (a knife); it speaks of no one.
    const kitchen = "welk mes is het beste om vlees te snijden";
    expect(safety.classify(kitchen)?.unsure).toBe(true);
    expect(safety.assess(kitchen).concernIfUnanswered).toBeUndefined();
  });

  // The flag itself is no reply: it becomes the concern reply only when the assistant has no real answer. Since the
  // classifier's leaning (suicide as its most likely tier) also sets it, the bound is the training's share for
  // this threshold (`tuning.unanswered` in classifier.json, 5%).
  it("is set on at most 5% of ordinary messages and hard look-alikes", () => {
    const flagged = ordinary.filter((t) => safety.assess(t).concernIfUnanswered);
    expect(ordinary.length).toBeGreaterThan(300);
    expect(flagged.length / ordinary.length).toBeLessThanOrEqual(0.05);
  });
});
