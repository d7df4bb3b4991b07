/**
 * Measures the safety classifier on the in-repo test sets (never used to train or tune it): 113 in the
 * first reply on the warning signals of the held-out rounds (classifier alone, lists + classifier, and a
 * first-run replay with each round's lists from before it was added), and false alarms on the everyday
 * sets and the corpus. A developer's tool for the README figures table:
 * `npx tsx src/safety/measure-classifier.ts [knowledgeDir]`.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crisisTier, type SafetyAssessment } from "../core/ports.js";
import { loadSafetyLexicons } from "./lexicons.js";
import { createSafetyClassifier, loadClassifierData } from "./safety-classifier.js";
import { chatWordMap, createSafetyCheckFromLexicons } from "./safety-check.js";

const knowledgeDir = process.argv[2] ?? "knowledge";
const fixtures = "test/fixtures";
type Case = { text: string; lang: string; tier?: string };
const jsonl = (path: string): Case[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
const rounds = ["holdout", "holdout-2", "holdout-3", "holdout-4", "holdout-5", "holdout-6"];
const holdout = Object.fromEntries(rounds.map((r) => [r, jsonl(`${fixtures}/safety/${r}.jsonl`)]));
const signals = jsonl(`${fixtures}/safety/signals.jsonl`);
const corpus = readdirSync(join(knowledgeDir, "corpus"))
  .filter((f) => f.endsWith(".md"))
  .flatMap((f) =>
    readFileSync(join(knowledgeDir, "corpus", f), "utf8")
      .replace(/^---[\s\S]*?\n---\n/, "")
      .split(/(?<=[.!?])\s+|\n{2,}/)
      .map((s) => s.trim())
      .filter((s) => s.length > 3),
  );
const questions = [...jsonl(`${fixtures}/dev.jsonl`), ...jsonl(`${fixtures}/paraphrase.jsonl`)].map((q) => (q as unknown as { question: string }).question);
const ordinary = [...jsonl(`${fixtures}/safety/ordinary.jsonl`), ...Object.values(holdout).flat().filter((c) => c.tier === "none")].map((c) => c.text);

const lexicons = loadSafetyLexicons(knowledgeDir);
const chatWords = chatWordMap(lexicons.chatWords);
const { examples, settings } = loadClassifierData(knowledgeDir);
const started = performance.now();
const classifier = createSafetyClassifier(examples, settings, chatWords);
const trainMs = performance.now() - started;
const check = createSafetyCheckFromLexicons(lexicons, undefined, classifier);
const listsOnly = createSafetyCheckFromLexicons(lexicons);

const first = (a: SafetyAssessment) => (a.crisis ? crisisTier(a.crisis) : a.information ? "information" : a.concern ? "concern" : undefined);
const alone = (t: string) => classifier.judge(checkTokens(t)).tier;
const checkTokens = (t: string) => {
  // The tokens as the check reads them: via classify() of a check with this classifier.
  return tokensOf(t);
};
let tokensOf: (t: string) => string[];
{
  // Borrow the check's reading of a text: a classifier that records the tokens it is given.
  let last: readonly string[] = [];
  const spy = createSafetyCheckFromLexicons(lexicons, undefined, { judge: (tokens) => ((last = tokens), { classification: { ranked: [], p: () => 0 } }) });
  tokensOf = (t) => (spy.classify(t), [...last]);
}
const gets113 = (tier: string | undefined) => tier === "suicide" || tier === "concern";
const pct = (n: number, d: number) => `${n} / ${d} (${Math.round((100 * n) / Math.max(1, d))}%)`;

const allSuicide = Object.values(holdout).flat().filter((c) => c.tier === "suicide");
const out: Record<string, unknown> = { examples: examples.length, trainMs: Math.round(trainMs), thresholds: settings.thresholds };
out.holdoutSuicide = {
  classifierAlone113: pct(allSuicide.filter((c) => gets113(alone(c.text))).length, allSuicide.length),
  classifierAloneSuicideTier: pct(allSuicide.filter((c) => alone(c.text) === "suicide").length, allSuicide.length),
  listsAlone113: pct(allSuicide.filter((c) => gets113(first(listsOnly.assess(c.text)))).length, allSuicide.length),
  listsPlusClassifier113: pct(allSuicide.filter((c) => gets113(first(check.assess(c.text)))).length, allSuicide.length),
};
const byLang: Record<string, string> = {};
for (const lang of [...new Set(allSuicide.map((c) => c.lang))]) {
  const cs = allSuicide.filter((c) => c.lang === lang);
  byLang[lang] = pct(cs.filter((c) => gets113(alone(c.text))).length, cs.length);
}
out.holdoutSuicideAloneByLang = byLang;
out.signalsJsonlAlone113 = pct(signals.filter((c) => gets113(alone(c.text))).length, signals.length);
const otherKinds: Record<string, string> = {};
for (const [tier, want] of [["acute", "acute"], ["unsafe_home", "unsafe_home"], ["concern", "concern"], ["information", "information"]] as const) {
  const cs = Object.values(holdout).flat().filter((c) => c.tier === tier);
  otherKinds[tier] = pct(cs.filter((c) => alone(c.text) === want).length, cs.length);
}
out.holdoutOtherAlone = otherKinds;
const quiet = { ordinary, questions, corpus };
const alarms: Record<string, unknown> = {};
for (const [name, list] of Object.entries(quiet)) {
  const crisisAlone = list.filter((t) => ["suicide", "acute", "unsafe_home"].includes(alone(t) ?? ""));
  const concernAlone = list.filter((t) => alone(t) === "concern");
  const infoAlone = list.filter((t) => alone(t) === "information");
  const crisisBoth = list.filter((t) => check.assess(t).crisis);
  const concernBoth = list.filter((t) => check.assess(t).concern);
  alarms[name] = {
    n: list.length,
    crisisAlone: crisisAlone.length,
    concernAlone: concernAlone.length,
    informationAlone: infoAlone.length,
    crisisBoth: crisisBoth.length,
    concernBoth: concernBoth.length,
    examples: [...crisisAlone, ...concernAlone, ...crisisBoth, ...concernBoth].slice(0, 8),
  };
}
out.falseAlarms = alarms;

// First-run replay: each round's lists as they were before the round was added, today's code and this classifier.
const replay: Record<string, string> = {};
const added = (round: string) =>
  execFileSync("git", ["log", "--format=%H", "--diff-filter=A", "--", `${fixtures}/safety/${round}.jsonl`], { encoding: "utf8" }).trim().split("\n").pop()!;
let listsTotal = 0;
let bothTotal = 0;
let n = 0;
for (const round of rounds) {
  const tmp = mkdtempSync(join(tmpdir(), "replay-"));
  try {
    cpSync(join(knowledgeDir, "safety"), join(tmp, "safety"), { recursive: true });
    const parent = `${added(round)}^`;
    for (const file of ["crisis.json", "concern.json"]) {
      writeFileSync(join(tmp, "safety", file), execFileSync("git", ["show", `${parent}:knowledge/safety/${file}`], { encoding: "utf8" }));
    }
    const old = loadSafetyLexicons(tmp);
    const oldLists = createSafetyCheckFromLexicons(old);
    const oldBoth = createSafetyCheckFromLexicons(old, undefined, classifier);
    const cs = holdout[round]!.filter((c) => c.tier === "suicide");
    const l = cs.filter((c) => gets113(first(oldLists.assess(c.text)))).length;
    const b = cs.filter((c) => gets113(first(oldBoth.assess(c.text)))).length;
    listsTotal += l;
    bothTotal += b;
    n += cs.length;
    replay[round] = `lists ${l} / ${cs.length} → + classifier ${b} / ${cs.length}`;
  } catch (error) {
    replay[round] = `not replayable: ${(error as Error).message.slice(0, 120)}`;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
replay.together = `lists ${pct(listsTotal, n)} → + classifier ${pct(bothTotal, n)}`;
out.firstRunReplay = replay;
console.log(JSON.stringify(out, null, 2));
