import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadSafetyLexicons } from "../../../src/safety/lexicons.js";
import { foldChatWords } from "../../../src/safety/phrase-matcher.js";
import { chooseThresholds, loadClassifierData, type SafetyClassifier } from "../../../src/safety/safety-classifier.js";
import { chatWordMap, createSafetyCheckFromLexicons } from "../../../src/safety/safety-check.js";
import { tokenise } from "../../../src/text/normalise.js";
import { corpusSentences, firstTier, readSafetySet, type SafetyCase } from "./safety-sets.js";
import { devQuestions, knowledgeDir, safety } from "./safety-fixture.js";

/**
 * Floors for the statistical second net (`src/safety/safety-classifier.ts`). Its training file was written
 * apart from the test sets, so these sets measure it on wordings it never saw.
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
const signals = [...readSafetySet("signals"), ...holdouts.filter((c) => c.tier === "suicide")];
const acute = [...readSafetySet("acute"), ...holdouts.filter((c) => c.tier === "acute")];
const ordinary = [...readSafetySet("ordinary"), ...holdouts.filter((c) => c.tier === "none")].map((c) => c.text);
const questions = [...devQuestions, ...jsonl<{ question: string }>(`${dir}paraphrase.jsonl`).map((q) => q.question)];
const corpus = corpusSentences(knowledgeDir);

const share = (list: string[], ok: (text: string) => boolean) => list.filter(ok).length / list.length;
const alone = (text: string) => safety.classify(text)?.tier;
const crisisTiers = ["suicide", "acute", "unsafe_home"];
const first113 = ["suicide", "concern"];

describe("the classifier alone, on sets it never saw", () => {
  it("gives 113 in the first reply to half of the warning signals, and 112 to most emergencies", () => {
    expect(share(signals.map((c) => c.text), (t) => first113.includes(alone(t) ?? ""))).toBeGreaterThanOrEqual(0.5);
    expect(share(signals.map((c) => c.text), (t) => alone(t) === "suicide")).toBeGreaterThanOrEqual(0.35);
    expect(share(acute.map((c) => c.text), (t) => alone(t) === "acute")).toBeGreaterThanOrEqual(0.85);
  });

  it("sends most questions about these topics to the information tier, with the topic's numbers", () => {
    const information = [...readSafetySet("information"), ...holdouts.filter((c) => c.tier === "information")].map((c) => c.text);
    expect(share(information, (t) => alone(t) === "information")).toBeGreaterThanOrEqual(0.65);
    expect(safety.classify("hoe steun ik mijn zoon die depressief is")).toMatchObject({ tier: "information", topic: "suicide" });
  });

  it("raises no crisis on ordinary questions, the dev and paraphrase questions or the corpus; concern on at most 1%", () => {
    const quiet = [...ordinary, ...questions, ...corpus];
    expect(quiet.filter((t) => crisisTiers.includes(alone(t) ?? ""))).toEqual([]);
    expect(share(quiet, (t) => alone(t) === "concern")).toBeLessThanOrEqual(0.01);
  });
});

describe("lexicon and classifier together", () => {
  it("≥ 95% of the warning signals get 113 in the first reply, every emergency 112", () => {
    expect(share(signals.map((c) => c.text), (t) => first113.includes(firstTier(safety.assess(t)) ?? ""))).toBeGreaterThanOrEqual(0.95);
    expect(acute.filter((c) => firstTier(safety.assess(c.text)) !== "acute").map((c) => c.text)).toEqual([]);
  });

  it("no false crisis on ordinary questions and the corpus; concern on at most 1% of them", () => {
    const quiet = [...ordinary, ...questions, ...corpus];
    expect(quiet.filter((t) => safety.assess(t).crisis)).toEqual([]);
    expect(share(quiet, (t) => safety.assess(t).concern === true)).toBeLessThanOrEqual(0.01);
  });

  it("an emergency gets 112 first in every language the bot reads", () => {
    const emergencies: Record<string, string> = {
      nl: "opa is van de trap gevallen en beweegt niet",
      en: "my grandpa fell down the stairs and is not moving",
      ar: "جدي سقط ولا يتحرك",
      tr: "dedem merdivenden düştü ve hareket etmiyor",
      pl: "dziadek spadł ze schodów i się nie rusza",
      uk: "дідусь впав зі сходів і не рухається",
      ru: "дедушка упал с лестницы и не двигается",
      fa: "پدربزرگم از پله افتاد و تکان نمی خورد",
      so: "awoowahay ma neefsanayo",
      ti: "ኣባሓጎይ ወዲቑ ኣይንቀሳቐስን",
      es: "mi abuelo se cayó por la escalera y no se mueve",
      fr: "mon grand-père est tombé dans l'escalier et ne bouge plus",
      de: "mein opa ist die treppe runtergefallen und bewegt sich nicht",
    };
    const missed = Object.entries(emergencies).filter(([, text]) => firstTier(safety.assess(text)) !== "acute");
    expect(missed).toEqual([]);
  });
});

describe("the blind-set kinds of message, in several languages", () => {
  const tier = (text: string) => firstTier(safety.assess(text));

  it("someone else's signals get 113 first", () => {
    for (const text of [
      "mijn zus zegt de laatste tijd dat ze liever dood zou zijn",
      "mijn vader praat alleen nog over doodgaan",
      "ik vond verstopte pillen in de kast van mijn moeder",
      "my brother says he wants to die",
      "mi hijo dice que quiere morir",
      "mama mówi że chce umrzeć",
      "annem ölmek istediğini söylüyor",
      "мой брат говорит что хочет умереть",
    ]) {
      expect(tier(text), text).toBe("suicide");
    }
  });

  it("a small child at an edge, a swallowed cleaning product or a fire with no way out gets 112 first", () => {
    for (const text of [
      "mijn peuter klimt op de balkonrand",
      "mijn dochtertje heeft wc reiniger gedronken",
      "er is brand in de flat en ik kan er niet uit",
      "my toddler is alone at the balcony edge",
      "she swallowed bleach",
      "mon fils a avalé de l'eau de javel",
    ]) {
      expect(tier(text), text).toBe("acute");
    }
  });

  it("unsafe at home in a child's voice gets Veilig Thuis", () => {
    for (const text of ["mijn vader slaat me met de riem", "mijn oom houdt me binnen en dreigt me", "my dad hits me with a belt"]) {
      expect(tier(text), text).toBe("unsafe_home");
    }
  });

  it("what the lists read as denied, the classifier does not escalate", () => {
    // A classifier that is sure of a signal in every message: only the lists' negation can stop it.
    const sure: SafetyClassifier = { judge: () => ({ tier: "suicide", classification: { ranked: [], p: () => 0 } }), heavySentences: () => [] };
    const check = createSafetyCheckFromLexicons(loadSafetyLexicons(knowledgeDir), undefined, sure);
    expect(check.assess("ik denk heus niet aan zelfmoord").crisis).toBeUndefined();
    expect(check.assess("i am not suicidal, just bored").crisis).toBeUndefined();
    expect(check.assess("ik zie er zo tegenop, het lukt me allemaal niet").crisis).toBe("suicide");
  });

  it("death idioms in other languages raise no alarm", () => {
    for (const text of ["ich sterbe vor Langeweile", "I'm dying to see that film", "je meurs de faim", "umieram z nudów"]) {
      expect(tier(text), text).toBeUndefined();
    }
  });
});

describe("chat words", () => {
  const chatWords = chatWordMap(loadSafetyLexicons(knowledgeDir).chatWords);

  it("folds abbreviations residents type onto the full word", () => {
    expect(foldChatWords(tokenise("gwn nie idd mn ff wrm"), chatWords)).toEqual(["gewoon", "niet", "inderdaad", "mijn", "even", "waarom"]);
  });

  it("reads a signal typed in chat words as the signal", () => {
    for (const text of ["ik wil er gwn niet zijn", "idd, ik wil er nie meer zijn", "wrm zou ik ng verder leven", "ff eerlijk: ik wil gwn dood"]) {
      expect(firstTier(safety.assess(text)), text).toBe("suicide");
    }
    expect(safety.assess("ff vragen, wrm is het buurthuis dicht?").crisis).toBeUndefined();
  });
});

describe("the training file", () => {
  const { examples, settings } = loadClassifierData(knowledgeDir);

  it("holds every class in Dutch and English, and copies no test sentence", () => {
    const normal = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    const tests = new Set(
      ["signals", "acute", "unsafe-home", "concern", "information", "ordinary"]
        .flatMap((s) => readSafetySet(s as Parameters<typeof readSafetySet>[0]))
        .concat(holdouts)
        .map((c) => normal(c.text)),
    );
    expect(examples.filter((e) => tests.has(normal(e.text))).map((e) => e.text)).toEqual([]);
    for (const label of ["suicide", "acute", "unsafe_home", "concern", "information", "ordinary"]) {
      for (const lang of ["nl", "en"]) expect(examples.some((e) => e.label === label && e.lang === lang), `${label} ${lang}`).toBe(true);
    }
  });

  it("keeps the thresholds that cross-validation on it chooses (run src/safety/tune-classifier.ts after a change)", () => {
    const chatWords = chatWordMap(loadSafetyLexicons(knowledgeDir).chatWords);
    expect(chooseThresholds(examples, settings, chatWords).thresholds).toEqual(settings.thresholds);
  });
});
