import { describe, expect, it } from "vitest";
import { crisisTier } from "../../../src/core/ports.js";
import { copiedIntoLexicon, corpusSentences, firstTier, readSafetySet, type SafetyCase } from "./safety-sets.js";
import { devQuestions, knowledgeDir, safety } from "./safety-fixture.js";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Floors on the safety test sets in `test/fixtures/safety/`. The sets were written apart from the lexicon
 * (`knowledge/safety/`): no test sentence is copied into it, and a check below holds that.
 */

function share(cases: SafetyCase[], ok: (c: SafetyCase) => boolean): { rate: number; misses: string[] } {
  const misses = cases.filter((c) => !ok(c)).map((c) => `${c.lang}: ${c.text}`);
  return { rate: 1 - misses.length / cases.length, misses };
}

const paraphraseQuestions: string[] = readFileSync(fileURLToPath(new URL("../../fixtures/paraphrase.jsonl", import.meta.url)), "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { question: string }).question);

describe("safety tiers on the test sets", () => {
  it("the sets are as large as promised", () => {
    expect(readSafetySet("signals").length).toBeGreaterThanOrEqual(150);
    expect(readSafetySet("acute").length).toBeGreaterThanOrEqual(60);
    expect(readSafetySet("unsafe-home").length).toBeGreaterThanOrEqual(40);
    expect(readSafetySet("concern").length).toBeGreaterThanOrEqual(40);
    expect(readSafetySet("information").length).toBeGreaterThanOrEqual(40);
    expect(readSafetySet("ordinary").length).toBeGreaterThanOrEqual(200);
  });

  it("≥ 95% of 113's warning signals get 113 first", () => {
    const { rate, misses } = share(readSafetySet("signals"), (c) => firstTier(safety.assess(c.text)) === "suicide");
    expect(rate, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });

  it("≥ 90% of the warning signals in every language get 113 first", () => {
    const byLang = new Map<string, SafetyCase[]>();
    for (const c of readSafetySet("signals")) byLang.set(c.lang, [...(byLang.get(c.lang) ?? []), c]);
    for (const [lang, cases] of byLang) {
      const { rate, misses } = share(cases, (c) => firstTier(safety.assess(c.text)) === "suicide");
      expect(rate, `${lang}: ${misses.join(" | ")}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("acute emergencies get 112 first, in every language", () => {
    const { misses } = share(readSafetySet("acute"), (c) => firstTier(safety.assess(c.text)) === "acute");
    expect(misses).toEqual([]);
  });

  it("unsafe at home gets Veilig Thuis (and 112 first when there is acute danger too)", () => {
    const { rate, misses } = share(readSafetySet("unsafe-home"), (c) => (safety.assess(c.text).crisisKinds ?? []).includes("violence"));
    expect(rate, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });

  it("heavy feelings without a signal get concern, not the alarm", () => {
    const cases = readSafetySet("concern");
    const alarmed = cases.filter((c) => safety.assess(c.text).crisis).map((c) => c.text);
    const { rate, misses } = share(cases, (c) => firstTier(safety.assess(c.text)) === "concern");
    expect(alarmed).toEqual([]);
    expect(rate, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("information questions get the numbers without the alarm", () => {
    const cases = readSafetySet("information");
    const alarmed = cases.filter((c) => safety.assess(c.text).crisis).map((c) => c.text);
    const { rate, misses } = share(cases, (c) => firstTier(safety.assess(c.text)) === "information");
    expect(alarmed).toEqual([]);
    expect(rate, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("no false crisis on ordinary resident questions, idioms included", () => {
    const alarmed = readSafetySet("ordinary").filter((c) => safety.assess(c.text).crisis);
    expect(alarmed.map((c) => `${c.text} → ${safety.explain(c.text).crisis.join(", ")}`)).toEqual([]);
  });

  it("no false crisis or concern on the dev and paraphrase questions", () => {
    for (const q of [...devQuestions, ...paraphraseQuestions]) {
      const a = safety.assess(q);
      expect(a.crisis, q).toBeUndefined();
      expect(a.concern, q).toBeUndefined();
    }
  });

  it("no false crisis on any sentence of the policy corpus", () => {
    const sentences = corpusSentences(knowledgeDir);
    expect(sentences.length).toBeGreaterThan(300);
    const alarmed = sentences.filter((s) => safety.assess(s).crisis);
    expect(alarmed.map((s) => `${s.slice(0, 120)} → ${safety.explain(s).crisis.join(", ")}`)).toEqual([]);
  });

  it("the reply language is the language of the phrase that matched", () => {
    const cases = [...readSafetySet("signals"), ...readSafetySet("acute")].filter((c) => ["en", "ar", "tr", "pl", "uk"].includes(c.lang));
    const { rate, misses } = share(cases, (c) => safety.assess(c.text).language === c.lang);
    expect(rate, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("kinds map onto tiers: danger → acute, suicide and self-harm → suicide, violence → unsafe at home", () => {
    expect([crisisTier("danger"), crisisTier("suicide"), crisisTier("self_harm"), crisisTier("violence")]).toEqual([
      "acute",
      "suicide",
      "suicide",
      "unsafe_home",
    ]);
  });
});

describe("test sets and lexicon stay apart", () => {
  it("no test sentence is a lexicon phrase", () => {
    const sets = ["signals", "acute", "unsafe-home", "concern", "information", "ordinary"] as const;
    const texts = sets.flatMap((s) => readSafetySet(s)).map((c) => c.text);
    expect(copiedIntoLexicon(knowledgeDir, texts, ["crisis", "concern"])).toEqual([]);
  });
});

describe("held-out rounds", () => {
  const dir = fileURLToPath(new URL("../../fixtures/safety/", import.meta.url));
  const rounds = ["holdout", "holdout-2", "holdout-3", "holdout-4", "holdout-5", "holdout-6"];
  it.each(rounds)("%s: ≥ 90% of each tier, no false crisis", (round) => {
    const cases = readFileSync(`${dir}${round}.jsonl`, "utf8")
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as SafetyCase & { tier: string });
    const tiers = new Set(cases.map((c) => c.tier));
    for (const tier of tiers) {
      const mine = cases.filter((c) => c.tier === tier);
      const { rate, misses } = share(mine, (c) => {
        const a = safety.assess(c.text);
        if (tier === "none") return !a.crisis;
        if (tier === "unsafe_home") return (a.crisisKinds ?? []).includes("violence");
        return firstTier(a) === tier;
      });
      expect(rate, `${round} ${tier}: ${misses.join(" | ")}`).toBeGreaterThanOrEqual(tier === "none" ? 1 : 0.9);
    }
  });
});

describe("typos, capitals and missing punctuation", () => {
  /** A typo in the longest word: two middle letters swapped, or one dropped. */
  function typo(text: string, drop: boolean): string {
    const words = text.split(" ");
    const i = words.reduce((best, w, j) => (w.length > words[best]!.length ? j : best), 0);
    const w = words[i]!;
    if (w.length < 4) return text;
    const m = Math.floor(w.length / 2);
    words[i] = drop ? w.slice(0, m) + w.slice(m + 1) : w.slice(0, m - 1) + w[m] + w[m - 1] + w.slice(m + 1);
    return words.join(" ");
  }
  const shout = (text: string) => text.toUpperCase().replace(/[.,!?;:]/g, "");

  it.each([false, true])("warning signals with a typo (drop: %s) still get 113 first (≥ 90%)", (drop) => {
    const { rate, misses } = share(readSafetySet("signals"), (c) => firstTier(safety.assess(typo(c.text, drop))) === "suicide");
    expect(rate, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it.each([false, true])("acute emergencies with a typo (drop: %s) still get 112 first (≥ 95%)", (drop) => {
    const { rate, misses } = share(readSafetySet("acute"), (c) => firstTier(safety.assess(typo(c.text, drop))) === "acute");
    expect(rate, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });

  it("in capitals without punctuation nothing is lost", () => {
    const { rate } = share(readSafetySet("signals"), (c) => firstTier(safety.assess(shout(c.text))) === "suicide");
    expect(rate).toBeGreaterThanOrEqual(0.98);
    expect(share(readSafetySet("acute"), (c) => firstTier(safety.assess(shout(c.text))) === "acute").misses).toEqual([]);
  });

  it.each([false, true])("ordinary questions with a typo (drop: %s) raise no crisis", (drop) => {
    const alarmed = readSafetySet("ordinary").filter((c) => safety.assess(typo(c.text, drop)).crisis);
    expect(alarmed.map((c) => typo(c.text, drop))).toEqual([]);
  });
});
