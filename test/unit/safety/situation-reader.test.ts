import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SITUATION_MODEL_FILE } from "../../../src/safety/classifier-store.js";
import { loadSafetyLexicons } from "../../../src/safety/lexicons.js";
import { loadClassifierData } from "../../../src/safety/safety-classifier.js";
import { chatWordMap, createSafetyCheck, createSafetyCheckFromLexicons } from "../../../src/safety/safety-check.js";
import { chooseSituationThresholds, loadSituationExamples, loadSituationSettings } from "../../../src/safety/situation-reader.js";
import { openSafetyClassifier } from "../../../src/safety/classifier-store.js";
import { knowledgeDir, safety } from "./safety-fixture.js";

/**
 * The situation reader: a model of whole messages as residents write them (knowledge/safety/situations.json)
 * that reads a long message as one situation. Measured on the blind sets that were written after its data and
 * never trained on (test/fixtures/blind/safety-b67.jsonl and later).
 */

type Row = { text: string; lang: string; tier: "suicide" | "acute" | "unsafe_home" | "none" };
const blindDir = fileURLToPath(new URL("../../fixtures/blind/", import.meta.url));
const blind: Row[] = readdirSync(blindDir)
  .filter((f) => /^safety-b\d+\.jsonl$/.test(f))
  .flatMap((f) => readFileSync(join(blindDir, f), "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Row));
const signals = blind.filter((r) => r.tier === "suicide");
const ordinary = blind.filter((r) => r.tier === "none");
const settings = loadSituationSettings(knowledgeDir);
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** 113 in the first reply: the suicide tier, the concern reply, or the weaker sign (the concern reply or 113's line). */
const heard = (a: ReturnType<typeof safety.assess>) => a.crisis === "suicide" || a.crisis === "self_harm" || a.crisis === "danger" || a.concern === true || a.concernIfUnanswered === true;

describe("the situation reader", () => {
  it("is measured on blind sets its data never held", () => {
    const trained = new Set(loadSituationExamples(knowledgeDir).map((e) => e.text));
    expect(blind.length).toBeGreaterThanOrEqual(400);
    // Only the common wordings many writers write alike ("van mij hoeft het niet meer") stand in both.
    const both = blind.filter((r) => trained.has(r.text.trim()));
    expect(both.length / blind.length).toBeLessThan(0.05);
    expect(both.filter((r) => words(r.text) >= settings.crisisWords).map((r) => r.text)).toEqual([]);
  });

  it("with the lists and the sentence classifier, hears ≥ 95% of the blind warning signals; without it, fewer", () => {
    const { rate } = share(signals, (r) => heard(safety.assess(r.text)));
    expect(rate).toBeGreaterThanOrEqual(0.95);
    // The same lists and sentence classifier without the situation reader hear fewer (so the reader counts).
    const lexicons = loadSafetyLexicons(knowledgeDir);
    const sentenceOnly = openSafetyClassifier(knowledgeDir, chatWordMap(lexicons.chatWords));
    const without = createSafetyCheckFromLexicons(lexicons, undefined, { ...sentenceOnly, situation: undefined });
    expect(share(signals, (r) => heard(without.assess(r.text))).rate).toBeLessThan(rate - 0.03);
  });

  it("raises no crisis of its own on the blind ordinary messages", () => {
    const alarmed = ordinary.filter((r) => safety.assess(r.text).crisis && safety.assess(r.text).guessed && safety.readSituation(r.text)?.tier === safety.assess(r.text).crisis);
    expect(alarmed.map((r) => r.text)).toEqual([]);
  });

  it("says nothing below minimumWords and gives only the weaker sign below crisisWords", () => {
    for (const r of blind) {
      const n = words(r.text);
      const tier = safety.readSituation(r.text)?.tier;
      if (n < settings.minimumWords - 2) expect(tier, r.text).toBeUndefined();
      if (n < settings.crisisWords - 3 && tier) expect(tier, r.text).toBe("unanswered");
    }
  });

  it("turns a suicidal tier that only the sentence classifier guessed into the concern reply when the whole message reads as exhaustion", () => {
    // A carer at night (found by a helper playing one): the sentence classifier alone reads "ik ben op ik wil gewoon een weekend weg" as a signal.
    const carer = "het is half 2 en ik lig weer wakker, ik doe alles voor mijn man, wassen aankleden eten geven, hij herkent me soms niet meer en ik ben op ik wil gewoon een weekend weg";
    const lexicons = loadSafetyLexicons(knowledgeDir);
    const sentenceOnly = openSafetyClassifier(knowledgeDir, chatWordMap(lexicons.chatWords));
    const without = createSafetyCheckFromLexicons(lexicons, undefined, { ...sentenceOnly, situation: undefined });
    expect(without.assess(carer)).toMatchObject({ crisis: "suicide", guessed: true });
    const a = safety.assess(carer);
    expect(a.crisis).toBeUndefined();
    expect(a).toMatchObject({ concern: true, concernGuessed: true });
    // A signal the lists read keeps its tier, whatever the reader says.
    expect(safety.assess("ik wil dood, ik doe alles voor mijn man en ik ben op, ik wil gewoon een weekend weg").crisis).toBe("suicide");
  });

  it("leaves a denial and an ordinary use of heavy words to the lists", () => {
    const denial = "ik heb nooit aan zelfmoord gedacht, ik wil alleen weten of er een zwemclub is voor mensen van boven de zestig in de wijk";
    expect(safety.assess(denial).crisis).toBeUndefined();
    expect(safety.assess(denial).concern).toBeUndefined();
  });

  it("keeps the thresholds that cross-validation on the situations chooses (run src/safety/tune-classifier.ts after a change)", () => {
    const { examples, settings: model } = loadClassifierData(knowledgeDir);
    const chatWords = chatWordMap(loadSafetyLexicons(knowledgeDir).chatWords);
    const chosen = chooseSituationThresholds(examples, loadSituationExamples(knowledgeDir), model.model, settings, chatWords);
    expect(chosen.thresholds).toEqual(settings.thresholds);
  });
});

describe("the saved situation model", () => {
  const work = mkdtempSync(join(tmpdir(), "wijkwijzer-situation-model-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("is written beside the sentence model and reads as the model trained in memory", () => {
    const dir = join(work, "index");
    const saved = createSafetyCheck(knowledgeDir, { dir, inProcess: true });
    expect(readdirSync(dir)).toContain(SITUATION_MODEL_FILE);
    const again = createSafetyCheck(knowledgeDir, { dir });
    for (const r of signals.slice(0, 20)) {
      const expected = safety.readSituation(r.text)?.classification.ranked.map((x) => [x.label, x.p.toFixed(5)]);
      expect(saved.readSituation(r.text)?.classification.ranked.map((x) => [x.label, x.p.toFixed(5)])).toEqual(expected);
      expect(again.readSituation(r.text)?.classification.ranked.map((x) => [x.label, x.p.toFixed(5)])).toEqual(expected);
    }
  });
});

describe("the shared cache of trained models", () => {
  it("keeps the newest four models of a kind and removes older ones", () => {
    const cache = join(tmpdir(), "wijkwijzer-models");
    mkdirSync(cache, { recursive: true });
    const stale = [1, 2, 3, 4, 5].map((i) => join(cache, `situation-model-${"0".repeat(31)}${i}.bin`));
    for (const path of stale) {
      writeFileSync(path, "not a model");
      utimesSync(path, new Date(Date.now() - 86_400_000), new Date(Date.now() - 86_400_000));
    }
    const lexicons = loadSafetyLexicons(knowledgeDir);
    openSafetyClassifier(knowledgeDir, chatWordMap(lexicons.chatWords), { rebuild: true, inProcess: true });
    const left = readdirSync(cache).filter((name) => name.startsWith("situation-model-"));
    expect(left.length).toBeLessThanOrEqual(4);
    expect(stale.filter((path) => existsSync(path)).length).toBeLessThanOrEqual(3);
    for (const path of stale) rmSync(path, { force: true });
  });
});

function share<T>(items: T[], ok: (item: T) => boolean): { rate: number; misses: T[] } {
  const misses = items.filter((item) => !ok(item));
  return { rate: 1 - misses.length / Math.max(1, items.length), misses };
}
