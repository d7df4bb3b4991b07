import { isBreak } from "../text/normalise.js";

/**
 * A small multinomial naive Bayes text classifier over word, word-pair and character n-gram features,
 * trained in one pass (a few milliseconds for a few thousand short examples) and applied in a few
 * microseconds. The safety check uses it as a second net beside the phrase lists: it generalises to
 * wordings that no phrase was written for, because it scores every part of every word.
 *
 * Binary features (a feature counts once per message), class-balanced counts (each class weighs the same
 * whatever its number of examples) and Laplace smoothing. Scores are length-normalised before the
 * softmax, so a long policy paragraph is not made certain by its length alone.
 */

export interface LabelledText {
  /** Tokens from {@link tokenise} (folded, with break tokens), already chat-word folded. */
  tokens: readonly string[];
  label: string;
}

export interface NaiveBayesOptions {
  /** Laplace smoothing added to every feature count. */
  alpha: number;
  /** Sharpness of the softmax over length-normalised scores. */
  scale: number;
  /** Which features: all (words, pairs, character n-grams) or only character n-grams (language). */
  features?: "all" | "chars";
}

export interface Classification {
  /** The labels, best first, with their probability. */
  ranked: Array<{ label: string; p: number }>;
  /** Probability of one label (0 for an unknown label). */
  p(label: string): number;
}

export interface TextClassifier {
  labels: readonly string[];
  classify(tokens: readonly string[]): Classification;
}

const MIN_GRAM = 3;
const MAX_GRAM = 4;

/**
 * The features of a tokenised message: `w:` words, `b:` pairs of neighbouring words within a clause and
 * `c:` character 3- and 4-grams of each clause (spaces included, so "wil dood" gives "l do"), each once.
 */
export function textFeatures(tokens: readonly string[], kind: "all" | "chars" = "all"): string[] {
  const features = new Set<string>();
  let clause: string[] = [];
  const flush = () => {
    if (clause.length === 0) return;
    if (kind === "all") {
      for (let i = 0; i < clause.length; i++) {
        features.add(`w:${clause[i]}`);
        if (i > 0) features.add(`b:${clause[i - 1]} ${clause[i]}`);
      }
    }
    const text = ` ${clause.join(" ")} `;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (let i = 0; i + n <= text.length; i++) features.add(`c:${text.slice(i, i + n)}`);
    }
    clause = [];
  };
  for (const token of tokens) {
    if (isBreak(token)) flush();
    else clause.push(token);
  }
  flush();
  return [...features];
}

/** Trains a classifier on labelled, tokenised examples. */
export function trainNaiveBayes(examples: readonly LabelledText[], options: NaiveBayesOptions): TextClassifier {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const index = new Map(labels.map((label, i) => [label, i]));
  const perClass = labels.map((label) => examples.filter((e) => e.label === label).length);
  const mean = examples.length / labels.length;
  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(labels.length);
  for (const example of examples) {
    const c = index.get(example.label)!;
    // Class-balanced: every class brings the same weight, however many examples it has.
    const weight = mean / perClass[c]!;
    for (const feature of textFeatures(example.tokens, options.features)) {
      let row = counts.get(feature);
      if (!row) counts.set(feature, (row = new Float64Array(labels.length)));
      row[c]! += weight;
      totals[c]! += weight;
    }
  }
  const vocabulary = counts.size;
  const weights = new Map<string, Float64Array>();
  for (const [feature, row] of counts) {
    const logs = new Float64Array(labels.length);
    let sum = 0;
    for (let c = 0; c < labels.length; c++) {
      logs[c] = Math.log((row[c]! + options.alpha) / (totals[c]! + options.alpha * vocabulary));
      sum += logs[c]!;
    }
    // Centred: a feature as likely in every class adds nothing.
    for (let c = 0; c < labels.length; c++) logs[c]! -= sum / labels.length;
    weights.set(feature, logs);
  }

  return {
    labels,
    classify(tokens) {
      const scores = new Float64Array(labels.length);
      let known = 0;
      for (const feature of textFeatures(tokens, options.features)) {
        const row = weights.get(feature);
        if (!row) continue;
        known++;
        for (let c = 0; c < labels.length; c++) scores[c]! += row[c]!;
      }
      const probabilities = softmax(scores, known === 0 ? 0 : options.scale / Math.sqrt(known));
      const ranked = labels.map((label, c) => ({ label, p: probabilities[c]! })).sort((a, b) => b.p - a.p);
      return { ranked, p: (label) => probabilities[index.get(label) ?? -1] ?? 0 };
    },
  };
}

function softmax(scores: Float64Array, factor: number): Float64Array {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s * factor);
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) sum += out[i] = Math.exp(scores[i]! * factor - max);
  for (let i = 0; i < scores.length; i++) out[i]! /= sum;
  return out;
}
