import { join } from "node:path";
import { z } from "zod";
import { isBreak } from "../text/normalise.js";
import {
  classifierFiles,
  examplesOf,
  modelClassifier,
  prepare,
  readJson,
  trainModel,
  trainModelParts,
  trainingSchema,
  textHash,
  type ClassifierSettings,
  type TrainedModel,
  type TrainingExample,
} from "./safety-classifier.js";
import type { Classification } from "./text-classifier.js";

/**
 * The situation reader: a third net of the safety check, for longer messages. The phrase lists read
 * phrases and the sentence classifier was trained on short sentences; a resident often tells a situation
 * in many ordinary sentences ("I took my books to the charity shop and sorted my clothes for my sister.
 * She asked why. I said I am moving. That is a bit true."), where no single part is a signal. This model
 * is trained on whole messages as residents write them (`knowledge/safety/situations.json`), beside the
 * sentence examples of `classifier-training.json`, and reads a message as one. It only speaks when the
 * other nets placed nothing, and only on messages of `minimumWords` words or more.
 *
 * Graduated: very likely a suicidal signal → the suicide tier (113 first); likely → the concern reply
 * (warmth, De Luisterlijn, the direct question and 113); less likely (`unanswered`) → the concern reply
 * only when the message gets no real answer, else 113's line beside the answer; likely unsafe at home →
 * Veilig Thuis. Thresholds
 * are chosen by cross-validation on the situations alone (`chooseSituationThresholds`).
 */

const share = z.number().min(0).max(0.2);
const threshold = z.number().gt(0).lte(1);
export const situationSettingsSchema = z.object({
  /** Shorter messages are left to the phrase lists and the sentence classifier. */
  minimumWords: z.number().int().min(1),
  /**
   * Below this many words the reader gives only the weaker sign (`unanswered`: the concern reply when the
   * message gets no real answer, else 113's line beside the answer), at a threshold of its own
   * (`shortUnanswered`, chosen on the ordinary messages of that length): in a short message a look-alike
   * ("ik heb een brief voor mijn ouders geschreven voor hun 40 jarig huwelijk") reads as likely as a signal,
   * and the lists and the sentence classifier read short messages.
   */
  crisisWords: z.number().int().min(1),
  tuning: z.object({
    folds: z.number().int().min(2).max(20),
    /** Largest share of ordinary situations (out of fold) that may reach the suicide threshold. */
    ordinarySuicide: share,
    /** … the concern threshold (suicide and heavy feelings together). */
    ordinaryConcern: share,
    /** … the weaker `unanswered` threshold: the concern reply only when the message gets no real answer. */
    ordinaryUnanswered: share,
    /** … the unsafe-at-home threshold. */
    ordinaryUnsafe: share,
    /** No threshold is set below this. */
    minimum: z.number().min(0).max(1),
  }),
  thresholds: z.object({ suicide: threshold, concern: threshold, unanswered: threshold, unsafe_home: threshold, shortUnanswered: threshold }),
});

export type SituationSettings = z.infer<typeof situationSettingsSchema>;
export type SituationThresholds = SituationSettings["thresholds"];

export interface SituationVerdict {
  /** The message was long enough to be read (`minimumWords`); without it the reader says nothing either way. */
  read: boolean;
  tier?: "suicide" | "concern" | "unanswered" | "unsafe_home";
  classification: Classification;
}

export interface SituationReader {
  /** Tokens from `tokenise`, already chat-word folded. */
  read(tokens: readonly string[]): SituationVerdict;
}

/** The `situations` settings of `<knowledgeDir>/safety/classifier.json`, with a message naming the field. */
export function loadSituationSettings(knowledgeDir: string): SituationSettings {
  return readJson(classifierFiles(knowledgeDir).settings, z.object({ situations: situationSettingsSchema })).situations;
}

/** The situations file of `<knowledgeDir>/safety/`. */
export function situationsFile(knowledgeDir: string): string {
  return join(knowledgeDir, "safety", "situations.json");
}

/** The whole-message examples of `situations.json`, with a message naming the file and field. */
export function loadSituationExamples(knowledgeDir: string): TrainingExample[] {
  return examplesOf(readJson(situationsFile(knowledgeDir), trainingSchema));
}

/** Trains the situation model on the sentence examples and the situations together, the way messages are read. */
export function trainSituationModel(
  sentences: readonly TrainingExample[],
  situations: readonly TrainingExample[],
  model: ClassifierSettings["model"],
  chatWords?: ReadonlyMap<string, string>,
): TrainedModel {
  return trainModelParts(prepare([...sentences, ...situations], chatWords), model);
}

/** The reader of a trained (or saved) situation model. */
export function situationReaderFromModel(trained: TrainedModel, settings: SituationSettings): SituationReader {
  const model = modelClassifier(trained);
  return {
    read(tokens) {
      const words = tokens.filter((t) => !isBreak(t)).length;
      const classification = model.classify(tokens);
      if (words < settings.minimumWords) return { read: false, classification };
      return { read: true, tier: decideSituation(classification, settings.thresholds, words < settings.crisisWords), classification };
    },
  };
}

/** The tier of a message (`short`: under `crisisWords` words, where only the weaker sign is possible). */
export function decideSituation(c: Classification, t: SituationThresholds, short = false): SituationVerdict["tier"] {
  // The reader looks for warning signals: heavy feelings alone are the lists' and the sentence classifier's.
  const distress = c.p("suicide");
  if (short) return distress >= t.shortUnanswered ? "unanswered" : undefined;
  if (c.p("suicide") >= t.suicide) return "suicide";
  if (c.p("unsafe_home") >= t.unsafe_home) return "unsafe_home";
  if (distress >= t.concern) return "concern";
  if (distress >= t.unanswered) return "unanswered";
  return undefined;
}

/**
 * Chooses the situation thresholds: each situation is scored by a model trained on the sentence examples
 * and the other folds of the situations; each threshold is the lowest that keeps the out-of-fold ordinary
 * situations of `minimumWords` or more within its share. Returns the out-of-fold recall too.
 */
export function chooseSituationThresholds(
  sentences: readonly TrainingExample[],
  situations: readonly TrainingExample[],
  model: ClassifierSettings["model"],
  settings: SituationSettings,
  chatWords?: ReadonlyMap<string, string>,
): { thresholds: SituationThresholds; recall: { suicide: number; concern: number; unanswered: number; unsafe_home: number } } {
  const { folds, ordinarySuicide, ordinaryConcern, ordinaryUnanswered, ordinaryUnsafe, minimum } = settings.tuning;
  const base = prepare(sentences, chatWords);
  const prepared = prepare(situations, chatWords);
  const foldOf = situations.map((e) => textHash(e.text, 0) % folds);
  const scored: Array<{ label: string; c: Classification; short: boolean }> = [];
  for (let fold = 0; fold < folds; fold++) {
    const classifier = trainModel([...base, ...prepared.filter((_, i) => foldOf[i] !== fold)], model);
    prepared.forEach((e, i) => {
      const words = e.tokens.filter((t) => !isBreak(t)).length;
      if (foldOf[i] === fold && words >= settings.minimumWords) scored.push({ label: e.label, c: classifier.classify(e.tokens), short: words < settings.crisisWords });
    });
  }
  const lowest = (score: (c: Classification) => number, limit: number, short = false) => {
    const values = scored
      .filter((s) => s.label === "ordinary" && s.short === short)
      .map((s) => score(s.c))
      .sort((a, b) => b - a);
    const over = values[Math.floor(limit * values.length)];
    return Math.min(1, Math.max(minimum, over === undefined ? minimum : Math.ceil((over + 1e-9) * 1000) / 1000));
  };
  const thresholds: SituationThresholds = {
    suicide: lowest((c) => c.p("suicide"), ordinarySuicide),
    concern: lowest((c) => c.p("suicide"), ordinaryConcern),
    unanswered: lowest((c) => c.p("suicide"), ordinaryUnanswered),
    unsafe_home: lowest((c) => c.p("unsafe_home"), ordinaryUnsafe),
    shortUnanswered: lowest((c) => c.p("suicide"), ordinaryUnanswered, true),
  };
  const rate = (label: string, ok: (tier: SituationVerdict["tier"]) => boolean) => {
    const of = scored.filter((s) => s.label === label);
    return of.filter((s) => ok(decideSituation(s.c, thresholds, s.short))).length / Math.max(1, of.length);
  };
  return {
    thresholds,
    recall: {
      suicide: rate("suicide", (tier) => tier === "suicide"),
      concern: rate("suicide", (tier) => tier === "suicide" || tier === "concern"),
      unanswered: rate("suicide", (tier) => tier !== undefined && tier !== "unsafe_home"),
      unsafe_home: rate("unsafe_home", (tier) => tier === "unsafe_home"),
    },
  };
}
