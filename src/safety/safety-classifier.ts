import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { BREAK, isBreak, tokenise } from "../text/normalise.js";
import { foldChatWords } from "./phrase-matcher.js";
import {
  logisticClassifier,
  naiveBayesClassifier,
  textFeatures,
  trainLogistic,
  trainNaiveBayes,
  type Classification,
  type LabelledText,
  type LogisticModel,
  type NaiveBayesModel,
  type TextClassifier,
} from "./text-classifier.js";
import type { SituationReader } from "./situation-reader.js";

/**
 * The statistical second net of the safety check: a naive Bayes classifier trained at start from the
 * examples in `knowledge/safety/classifier-training.json`, with the thresholds of `classifier.json`
 * (chosen on a split of the training data by {@link chooseThresholds}, never on the test sets).
 * The safety check asks it only when the phrase lists found no crisis.
 */

/** The classes of the training file. */
export const SAFETY_CLASSES = ["suicide", "acute", "unsafe_home", "concern", "information", "ordinary"] as const;
/** Messages shorter than this are left to the phrase lists. */
const MIN_WORDS = 2;
/** The least probability of the suicide tier, as the most likely one, that sets the weaker sign. */
const LEANING = 0.6;
/** A sentence of a longer message is read on its own from this many words (for the weaker sign only). */
const SENTENCE_WORDS = 3;

export type SafetyClass = (typeof SAFETY_CLASSES)[number];

const examplesByLanguage = z.record(z.string().regex(/^[a-z]{2,3}$/, "a language code like nl, en, ar"), z.array(z.string().trim().min(2)));
export const trainingSchema = z.object({
  classes: z.object(Object.fromEntries(SAFETY_CLASSES.map((c) => [c, examplesByLanguage])) as Record<SafetyClass, typeof examplesByLanguage>),
});

const threshold = z.number().gt(0).lte(1);
export const classifierSettingsSchema = z.object({
  /**
   * The model: `naive_bayes` (alpha, scale) or `logistic` (epochs, rate, l2), both over the same features;
   * `ensemble` averages the two.
   */
  model: z.object({
    kind: z.enum(["naive_bayes", "logistic", "ensemble"]).default("naive_bayes"),
    alpha: z.number().positive(),
    scale: z.number().positive(),
    epochs: z.number().int().min(1).max(100).default(10),
    rate: z.number().positive().default(4),
    l2: z.number().min(0).default(0),
  }),
  /** How the thresholds are chosen: folds, and the largest share of each kind of message allowed over a threshold. */
  tuning: z.object({
    folds: z.number().int().min(2).max(20),
    /** How many times the cross-validation is run, each with another split of the examples. */
    repeats: z.number().int().min(1).max(10).default(1),
    /** Largest share of ordinary and information examples (out of fold) that may reach a crisis threshold. */
    ordinaryCrisis: z.number().min(0).max(0.2),
    /** Largest share of ordinary and information examples that may reach the concern threshold. */
    ordinaryConcern: z.number().min(0).max(0.2),
    /** Largest share of examples of another crisis or of heavy feelings that may reach a crisis threshold. */
    otherTier: z.number().min(0).max(0.5),
    /**
     * Largest share of ordinary examples that may reach the `unanswered` threshold: a weaker sign of heavy
     * feelings that counts only when the assistant has no real answer to the message.
     */
    unanswered: z.number().min(0).max(0.2),
    /** No threshold is set below this, whatever the split says. */
    minimum: z.number().min(0).max(1),
  }),
  thresholds: z.object({ acute: threshold, suicide: threshold, unsafe_home: threshold, information: threshold, concern: threshold, unanswered: threshold }),
});

export type ClassifierSettings = z.infer<typeof classifierSettingsSchema>;
export type Thresholds = ClassifierSettings["thresholds"];
export type TrainingExample = { text: string; label: SafetyClass; lang: string };

/**
 * What the classifier decides: a tier (or none) and the class probabilities. It names no language: the
 * script of the message or the assistant's language detector decides the reply language.
 */
export interface ClassifierVerdict {
  tier?: "acute" | "suicide" | "unsafe_home" | "information" | "concern";
  /** For the `information` tier: the crisis topic it is most likely about (whose numbers to add). */
  topic?: "acute" | "suicide" | "unsafe_home";
  /**
   * No tier, but heavy feelings are likely enough (distress ≥ the `unanswered` threshold) that a message the
   * assistant cannot answer should get the concern reply rather than "I am not sure".
   */
  unsure?: true;
  classification: Classification;
}

export interface SafetyClassifier {
  /** Tokens from `tokenise`, already chat-word folded. */
  judge(tokens: readonly string[]): ClassifierVerdict;
  /**
   * The sentences of a message of several sentences that are heavy on their own (distress at the concern
   * threshold): a weaker sign, like `unsure`, once the lists have read them (a denial, an excuse).
   */
  heavySentences(tokens: readonly string[]): string[][];
  /** The situation reader (`situation-reader.ts`), when the classifier was opened with its model. */
  situation?: SituationReader;
}

/** The training file and the settings file of the classifier, in `<knowledgeDir>/safety/`. */
export function classifierFiles(knowledgeDir: string): { training: string; settings: string } {
  const dir = join(knowledgeDir, "safety");
  return { training: join(dir, "classifier-training.json"), settings: join(dir, "classifier.json") };
}

/** Reads `classifier.json` (model, tuning, thresholds), with a message naming the file and field. */
export function loadClassifierSettings(knowledgeDir: string): ClassifierSettings {
  return readJson(classifierFiles(knowledgeDir).settings, classifierSettingsSchema);
}

/** Reads the training file and settings of `<knowledgeDir>/safety/`, with a message naming the file and field. */
export function loadClassifierData(knowledgeDir: string): { examples: TrainingExample[]; settings: ClassifierSettings } {
  const training = readJson(classifierFiles(knowledgeDir).training, trainingSchema);
  const settings = loadClassifierSettings(knowledgeDir);
  return { examples: examplesOf(training), settings };
}

/** The examples of a training file (`classifier-training.json`, `situations.json`), by class and language. */
export function examplesOf(training: z.infer<typeof trainingSchema>): TrainingExample[] {
  return SAFETY_CLASSES.flatMap((label) =>
    Object.entries(training.classes[label]).flatMap(([lang, texts]) => texts.map((text) => ({ text, label, lang }))),
  );
}

/** Tokenises and chat-word folds training texts the way messages are read. */
export function prepare(examples: readonly TrainingExample[], chatWords?: ReadonlyMap<string, string>): Array<LabelledText & { lang: string }> {
  return examples.map((e) => ({ tokens: foldChatWords(tokenise(e.text), chatWords), label: e.label, lang: e.lang }));
}

/** A trained tier model: the parts its kind needs (both for the ensemble). Saved by `classifier-store.ts`. */
export interface TrainedModel {
  kind: ClassifierSettings["model"]["kind"];
  bayes?: NaiveBayesModel;
  logistic?: LogisticModel;
}

/** Trains the tier model (a few hundred milliseconds for a few thousand examples) and applies the thresholds. */
export function createSafetyClassifier(
  examples: readonly TrainingExample[],
  settings: ClassifierSettings,
  chatWords?: ReadonlyMap<string, string>,
): SafetyClassifier {
  return safetyClassifierFromModel(trainSafetyModel(examples, settings, chatWords), settings.thresholds);
}

/** Trains the tier model on the training examples, read the way messages are read. */
export function trainSafetyModel(
  examples: readonly TrainingExample[],
  settings: ClassifierSettings,
  chatWords?: ReadonlyMap<string, string>,
): TrainedModel {
  return trainModelParts(prepare(examples, chatWords), settings.model);
}

/** The safety classifier of a trained (or saved) tier model, with the thresholds of `classifier.json`. */
export function safetyClassifierFromModel(trained: TrainedModel, thresholds: Thresholds): SafetyClassifier {
  const tiers = modelClassifier(trained);
  return {
    judge(tokens) {
      const classification = tiers.classify(tokens);
      // One word says too little for a statistical guess ("Woonwagens."): that is the phrase lists' work.
      const words = tokens.filter((t) => !isBreak(t)).length;
      const tier = words >= MIN_WORDS ? decideTier(classification, thresholds) : undefined;
      if (tier === "information") return { tier, topic: topicOf(classification), classification };
      if (tier) return { tier, classification };
      // Unsure also when suicide is its single most likely tier: the concern reply only follows when the
      // assistant has no real answer, and then a kind question costs less than a missed signal.
      // Leaning only when the lean is clear: "a letter I do not understand" at one in three is no sign.
      const leaning = classification.ranked[0]?.label === "suicide" && classification.p("suicide") >= LEANING;
      return words >= MIN_WORDS && (distress(classification) >= thresholds.unanswered || leaning) ? { unsure: true, classification } : { classification };
    },
    heavySentences(tokens) {
      return heavySentences(tiers, tokens, thresholds.concern);
    },
  };
}

/**
 * The sentences of a longer message that, read on their own, are as heavy as the concern tier asks of a
 * whole message: a signal beside a practical question ("Hoe zeg ik mijn huur op? Ik heb niemand die straks
 * voor de kat zorgt.") is diluted by the question's words when the message is read as one.
 */
export function heavySentences(model: TextClassifier, tokens: readonly string[], heavy: number): string[][] {
  const parts = sentencesOf(tokens).filter((s) => s.filter((t) => !isBreak(t)).length >= SENTENCE_WORDS);
  return parts.length >= 2 ? parts.filter((s) => distress(model.classify(s)) >= heavy) : [];
}

/** The sentences of a token list (split at full stops, question marks and the like, not at commas). */
function sentencesOf(tokens: readonly string[]): string[][] {
  const out: string[][] = [[]];
  for (const t of tokens) {
    if (t === BREAK) out.push([]);
    else out[out.length - 1]!.push(t);
  }
  return out.filter((s) => s.length > 0);
}

/** Trains the model the settings name. */
export function trainModel(examples: readonly LabelledText[], model: ClassifierSettings["model"]): TextClassifier {
  return modelClassifier(trainModelParts(examples, model));
}

/** Trains the parts of the model the settings name. */
export function trainModelParts(examples: readonly LabelledText[], model: ClassifierSettings["model"]): TrainedModel {
  if (model.kind === "naive_bayes") return { kind: model.kind, bayes: trainNaiveBayes(examples, model).model };
  // Both models read the same features: compute them once, as compact arrays (training is the peak of memory).
  const featured = examples.map((e) => ({ ...e, features: e.features ?? Int32Array.from(textFeatures(e.tokens)) }));
  const logistic = trainLogistic(featured, model).model;
  if (model.kind === "logistic") return { kind: model.kind, logistic };
  return { kind: model.kind, logistic, bayes: trainNaiveBayes(featured, model).model };
}

/** The classifier of a trained model; the ensemble averages logistic regression and naive Bayes. */
export function modelClassifier(trained: TrainedModel): TextClassifier {
  const part = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`The ${trained.kind} safety model has no ${name} part`);
    return value;
  };
  if (trained.kind === "naive_bayes") return naiveBayesClassifier(part(trained.bayes, "naive Bayes"));
  const logistic = logisticClassifier(part(trained.logistic, "logistic"));
  if (trained.kind === "logistic") return logistic;
  const bayes = naiveBayesClassifier(part(trained.bayes, "naive Bayes"));
  return {
    labels: logistic.labels,
    classify(tokens) {
      const a = logistic.classify(tokens);
      const b = bayes.classify(tokens);
      const p = (label: string) => (a.p(label) + b.p(label)) / 2;
      const ranked = logistic.labels.map((label) => ({ label, p: p(label) })).sort((x, y) => y.p - x.p);
      return { ranked, p };
    },
  };
}

/**
 * Graduated use: high acute → 112; high suicide → 113 first; high unsafe at home → Veilig Thuis; a clear
 * question about these topics ("hoe praat ik met iemand die depressief is") → the information tier;
 * medium distress → concern.
 */
export function decideTier(c: Classification, t: Thresholds): ClassifierVerdict["tier"] {
  if (c.p("acute") >= t.acute) return "acute";
  if (c.p("suicide") >= t.suicide) return "suicide";
  if (c.p("unsafe_home") >= t.unsafe_home) return "unsafe_home";
  if (c.p("information") >= t.information) return "information";
  if (distress(c) >= t.concern) return "concern";
  return undefined;
}

/** The crisis topic an information question is most likely about: heavy feelings count as the suicide topic (113, De Luisterlijn). */
export function topicOf(c: Classification): NonNullable<ClassifierVerdict["topic"]> {
  const scores = { suicide: distress(c), unsafe_home: c.p("unsafe_home"), acute: c.p("acute") };
  return (Object.keys(scores) as Array<keyof typeof scores>).reduce((a, b) => (scores[b] > scores[a] ? b : a));
}

/** Suicidal signal or heavy feelings: what the concern reply (warmth and a line with 113) is for. */
export function distress(c: Classification): number {
  return c.p("suicide") + c.p("concern");
}

/**
 * Chooses the thresholds on the training data alone: every example is scored by a model trained on the
 * other folds, and each threshold is the lowest value that keeps the out-of-fold false alarms within the
 * shares of `settings.tuning`. Also returns the out-of-fold recall at those thresholds.
 */
export function chooseThresholds(
  examples: readonly TrainingExample[],
  settings: ClassifierSettings,
  chatWords?: ReadonlyMap<string, string>,
): { thresholds: Thresholds; recall: Record<keyof Thresholds, number> } {
  const prepared = prepare(examples, chatWords);
  const { folds, repeats, ordinaryCrisis, ordinaryConcern, otherTier, unanswered, minimum } = settings.tuning;
  // Every example is scored `repeats` times, each time by a model of another split: the thresholds rest on
  // all those scores, not on the one example that a single split puts at the cut. The split is a hash of the
  // text, so adding examples leaves the folds of the others as they were.
  const scored: Array<{ label: string; c: Classification }> = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    const foldOf = examples.map((e) => textHash(e.text, repeat) % folds);
    for (let fold = 0; fold < folds; fold++) {
      const model: TextClassifier = trainModel(
        prepared.filter((_, i) => foldOf[i] !== fold),
        settings.model,
      );
      prepared.forEach((e, i) => {
        if (foldOf[i] === fold) scored.push({ label: e.label, c: model.classify(e.tokens) });
      });
    }
  }
  const of = (labels: string[]) => scored.filter((s) => labels.includes(s.label));
  const quiet = ["ordinary", "information"];
  const lowest = (score: (c: Classification) => number, limits: Array<[string[], number]>) => {
    let t = minimum;
    for (const [labels, share] of limits) {
      const values = of(labels)
        .map((s) => score(s.c))
        .sort((a, b) => b - a);
      const allowed = Math.floor(share * values.length);
      const over = values[allowed];
      if (over !== undefined) t = Math.max(t, Math.ceil((over + 1e-9) * 1000) / 1000);
    }
    return Math.min(t, 1);
  };
  const thresholds: Thresholds = {
    acute: lowest((c) => c.p("acute"), [[quiet, ordinaryCrisis], [["suicide", "concern", "unsafe_home"], otherTier]]),
    suicide: lowest((c) => c.p("suicide"), [[quiet, ordinaryCrisis], [["concern", "acute", "unsafe_home"], otherTier]]),
    unsafe_home: lowest((c) => c.p("unsafe_home"), [[quiet, ordinaryCrisis], [["concern", "acute", "suicide"], otherTier]]),
    // The information tier only adds the numbers to an answer: as rare on everyday questions as concern.
    information: lowest((c) => c.p("information"), [[["ordinary"], ordinaryConcern], [["concern", "acute", "suicide", "unsafe_home"], otherTier]]),
    concern: lowest(distress, [[quiet, ordinaryConcern]]),
    // Only for messages without a real answer, where the cost of a false alarm is a warm reply instead of "not sure".
    unanswered: lowest(distress, [[["ordinary"], unanswered]]),
  };
  const rate = (label: string, ok: (c: Classification) => boolean) => of([label]).filter((s) => ok(s.c)).length / Math.max(1, of([label]).length);
  const recall = {
    acute: rate("acute", (c) => decideTier(c, thresholds) === "acute"),
    suicide: rate("suicide", (c) => decideTier(c, thresholds) === "suicide"),
    unsafe_home: rate("unsafe_home", (c) => decideTier(c, thresholds) === "unsafe_home"),
    information: rate("information", (c) => decideTier(c, thresholds) === "information"),
    concern: rate("suicide", (c) => ["suicide", "concern"].includes(decideTier(c, thresholds) ?? "")),
    unanswered: rate("suicide", (c) => decideTier(c, thresholds) !== undefined || distress(c) >= thresholds.unanswered),
  };
  return { thresholds, recall };
}

/** FNV-1a of a text, seeded: which fold an example falls in for each repeat of the cross-validation. */
export function textHash(text: string, seed: number): number {
  let h = (2166136261 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

export function readJson<S extends z.ZodType>(path: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`Safety classifier file ${path} could not be read: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Safety classifier file ${path} is invalid at "${issue.path.join(".")}": ${issue.message}`);
  }
  return parsed.data;
}
