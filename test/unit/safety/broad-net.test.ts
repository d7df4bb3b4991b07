import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadSafetyLexicons } from "../../../src/safety/lexicons.js";
import { createSafetyCheckFromLexicons } from "../../../src/safety/safety-check.js";
import { corpusSentences, firstTier, readSafetySet, type SafetyCase } from "./safety-sets.js";
import { devQuestions, knowledgeDir, safety } from "./safety-fixture.js";

/**
 * The broad net (`knowledge/safety/broad-net.json`), the last safety step: a death or ending concept that
 * neither the lists nor the classifier placed gets the concern reply (which names 113).
 */

const dir = fileURLToPath(new URL("../../fixtures/", import.meta.url));
const jsonl = <T>(path: string): T[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
const holdouts = ["holdout", "holdout-2", "holdout-3", "holdout-4", "holdout-5", "holdout-6"].flatMap((r) =>
  jsonl<SafetyCase & { tier: string }>(`${dir}safety/${r}.jsonl`),
);
const ordinary = [...readSafetySet("ordinary"), ...holdouts.filter((c) => c.tier === "none")].map((c) => c.text);
const questions = [...devQuestions, ...jsonl<{ question: string }>(`${dir}paraphrase.jsonl`).map((q) => q.question)];
const corpus = corpusSentences(knowledgeDir);

// The broad net alone: the crisis and concern lists emptied, no classifier.
const lexicons = loadSafetyLexicons(knowledgeDir);
const emptied = <L extends { kinds: object }>(lexicon: L): L => ({
  ...lexicon,
  kinds: Object.fromEntries(Object.keys(lexicon.kinds).map((kind) => [kind, { phrases: [], topics: [], informationOnly: [], methods: [] }])) as L["kinds"],
});
const broadAlone = createSafetyCheckFromLexicons({ ...lexicons, crisis: emptied(lexicons.crisis), concern: emptied(lexicons.concern) });
const first113 = (text: string) => ["suicide", "concern"].includes(firstTier(broadAlone.assess(text)) ?? "");
const share = (list: string[], ok: (text: string) => boolean) => list.filter(ok).length / list.length;

describe("the broad net", () => {
  it("alone gives 113 in the first reply to nearly half of the held-out warning signals", () => {
    const signals = holdouts.filter((c) => c.tier === "suicide").map((c) => c.text);
    expect(share(signals, first113)).toBeGreaterThanOrEqual(0.45);
  });

  it("reads death and ending concepts in unforeseen sentences, in several languages", () => {
    for (const text of [
      "eigenlijk hoop ik gewoon dat ik vannacht doodga",
      "ik wil alleen nog maar voorgoed slapen",
      "ik heb mijn afscheidsbrief al geschreven",
      "I am ready to die honestly",
      "j'ai déjà écrit une lettre d'adieu",
      "ich habe Tabletten gesammelt",
    ]) {
      expect(first113(text), text).toBe(true);
    }
  });

  it("leaves practical questions about death, idioms and negations alone", () => {
    for (const text of [
      "mijn vader is overleden, hoe regel ik de uitvaart?",
      "wie helpt me met het testament van mijn moeder",
      "ik lach me dood om die film",
      "ik ga niet dood hoor, het is maar griep",
      "we gaan voorgoed verhuizen naar Spanje",
      "where can I find help with the funeral costs",
    ]) {
      expect(firstTier(broadAlone.assess(text)), text).toBeUndefined();
    }
  });

  it("with lists and classifier, raises no crisis and concern on at most 1% of everyday text", () => {
    for (const set of [ordinary, questions, corpus]) {
      expect(set.filter((t) => safety.assess(t).crisis)).toEqual([]);
      expect(share(set, (t) => firstTier(safety.assess(t)) === "concern")).toBeLessThanOrEqual(0.01);
    }
  });
});
