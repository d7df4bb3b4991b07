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
  /** The features of `tokens`, when already computed (training two models on the same examples). */
  features?: readonly number[] | Int32Array;
}

export interface LogisticOptions {
  /** Passes over the training data. */
  epochs: number;
  /** Learning rate of the first pass; it decays as 1 / (1 + pass). */
  rate: number;
  /** L2 weight decay per update of a feature's weights. */
  l2: number;
}

export interface NaiveBayesOptions {
  /** Laplace smoothing added to every feature count. */
  alpha: number;
  /** Sharpness of the softmax over length-normalised scores. */
  scale: number;
  /** Which features: all (words, pairs, character n-grams) or only character n-grams. */
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

/** What a trained naive Bayes classifier is made of: enough to save it and to rebuild it without training. */
export interface NaiveBayesModel {
  labels: string[];
  /** Centred log-likelihoods, `BUCKETS × labels` (row = feature). */
  weights: Float32Array;
  /** 1 for a feature bucket seen in training. */
  seen: Uint8Array;
  scale: number;
  features: "all" | "chars";
}

/** What a trained logistic regression is made of. */
export interface LogisticModel {
  labels: string[];
  /** `BUCKETS × labels` (row = feature). */
  weights: Float32Array;
  bias: Float64Array;
  features: "all" | "chars";
}

const MIN_GRAM = 3;
const MAX_GRAM = 4;
/** Features are hashed into this many buckets (the hashing trick): no strings are built per feature. */
const BUCKETS = 1 << 17;
const MASK = BUCKETS - 1;
/** The number of feature buckets a saved model must have. */
export const FEATURE_BUCKETS = BUCKETS;

/** FNV-1a over the characters of `text` from `start` to `end`, seeded by the kind of feature. */
function hash(text: string, start: number, end: number, seed: number): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) & MASK;
}

/**
 * The feature ids of a tokenised message: words, pairs of neighbouring words within a clause and
 * character 3- and 4-grams of each clause (spaces included, so "wil dood" gives "l do"), each once.
 */
export function textFeatures(tokens: readonly string[], kind: "all" | "chars" = "all"): number[] {
  // Each feature once, in the order first seen: a stamp per bucket instead of a Set (no garbage per message).
  if (++generation === 0xffffffff) {
    stamps.fill(0);
    generation = 1;
  }
  const out: number[] = [];
  const features = {
    add(feature: number) {
      if (stamps[feature] === generation) return;
      stamps[feature] = generation;
      out.push(feature);
    },
  };
  let clause: string[] = [];
  const flush = () => {
    if (clause.length === 0) return;
    const text = ` ${clause.join(" ")} `;
    if (kind === "all") {
      // Word and pair spans inside `text`: a word starts after a space.
      let start = 1;
      let previous = -1;
      for (const word of clause) {
        const end = start + word.length;
        features.add(hash(text, start, end, 1));
        if (previous >= 0) features.add(hash(text, previous, end, 2));
        previous = start;
        start = end + 1;
      }
    }
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (let i = 0; i + n <= text.length; i++) features.add(hash(text, i, i + n, 2 + n));
    }
    clause = [];
  };
  for (const token of tokens) {
    if (isBreak(token)) flush();
    else clause.push(token);
  }
  flush();
  return out;
}

/** `stamps[f] === generation`: feature `f` was already taken for the current message. */
const stamps = new Uint32Array(BUCKETS);
let generation = 0;

/** Trains a classifier on labelled, tokenised examples. */
export function trainNaiveBayes(examples: readonly LabelledText[], options: NaiveBayesOptions): TextClassifier & { model: NaiveBayesModel } {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const classes = labels.length;
  const index = new Map(labels.map((label, i) => [label, i]));
  const perClass = labels.map((label) => examples.filter((e) => e.label === label).length);
  const mean = examples.length / classes;
  const counts = new Float32Array(BUCKETS * classes);
  const seen = new Uint8Array(BUCKETS);
  const totals = new Float64Array(classes);
  for (const example of examples) {
    const c = index.get(example.label)!;
    // Class-balanced: every class brings the same weight, however many examples it has.
    const weight = mean / perClass[c]!;
    for (const feature of example.features ?? textFeatures(example.tokens, options.features)) {
      counts[feature * classes + c]! += weight;
      seen[feature] = 1;
      totals[c]! += weight;
    }
  }
  let vocabulary = 0;
  for (let f = 0; f < BUCKETS; f++) vocabulary += seen[f]!;
  const weights = new Float32Array(BUCKETS * classes);
  const denominators = Array.from(totals, (total) => Math.log(total + options.alpha * vocabulary));
  for (let f = 0; f < BUCKETS; f++) {
    if (!seen[f]) continue;
    const row = f * classes;
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += weights[row + c] = Math.log(counts[row + c]! + options.alpha) - denominators[c]!;
    // Centred: a feature as likely in every class adds nothing.
    for (let c = 0; c < classes; c++) weights[row + c]! -= sum / classes;
  }
  const model: NaiveBayesModel = { labels, weights, seen, scale: options.scale, features: options.features ?? "all" };
  return Object.assign(naiveBayesClassifier(model), { model });
}

/** A naive Bayes classifier from a trained (or saved) model. */
export function naiveBayesClassifier(model: NaiveBayesModel): TextClassifier {
  const { labels, weights, seen, scale } = model;
  const classes = labels.length;
  const index = new Map(labels.map((label, i) => [label, i]));
  return {
    labels,
    classify(tokens) {
      const scores = new Float64Array(classes);
      let known = 0;
      for (const feature of textFeatures(tokens, model.features)) {
        if (!seen[feature]) continue;
        known++;
        const row = feature * classes;
        for (let c = 0; c < classes; c++) scores[c]! += weights[row + c]!;
      }
      const probabilities = softmax(scores, known === 0 ? 0 : scale / Math.sqrt(known));
      const ranked = labels.map((label, c) => ({ label, p: probabilities[c]! })).sort((a, b) => b.p - a.p);
      return { ranked, p: (label) => probabilities[index.get(label) ?? -1] ?? 0 };
    },
  };
}

/**
 * Trains a multinomial logistic regression (softmax) over the same hashed features, by stochastic
 * gradient descent in a fixed pseudo-random order (the same model every start). Discriminative: it learns
 * which features *separate* the classes ("afscheid" with "collega" is a farewell card, not a goodbye for
 * good), where naive Bayes only counts them. Class-balanced like {@link trainNaiveBayes}; a message's
 * features each weigh 1/√n, so a long text is not made certain by its length alone.
 */
export function trainLogistic(
  examples: readonly LabelledText[],
  options: LogisticOptions,
  kind: "all" | "chars" = "all",
): TextClassifier & { model: LogisticModel } {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const classes = labels.length;
  const index = new Map(labels.map((label, i) => [label, i]));
  const perClass = labels.map((label) => examples.filter((e) => e.label === label).length);
  const mean = examples.length / classes;
  const data = examples.map((e) => ({
    features: e.features instanceof Int32Array ? e.features : Int32Array.from(e.features ?? textFeatures(e.tokens, kind)),
    c: index.get(e.label)!,
  }));
  const weights = new Float64Array(BUCKETS * classes);
  const bias = new Float64Array(classes);
  const scores = new Float64Array(classes);
  const order = data.map((_, i) => i);
  let seed = 12345;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = options.rate / (1 + epoch);
    for (const k of order) {
      const { features, c } = data[k]!;
      if (features.length === 0) continue;
      const x = 1 / Math.sqrt(features.length);
      probabilities(features, x, weights, bias, scores);
      const step = rate * (mean / perClass[c]!);
      const decay = 1 - rate * options.l2;
      for (let j = 0; j < classes; j++) {
        const gradient = scores[j]! - (j === c ? 1 : 0);
        bias[j]! -= step * gradient * 0.1;
        scores[j] = step * gradient * x;
      }
      for (let i = 0; i < features.length; i++) {
        const row = features[i]! * classes;
        if (decay === 1) for (let j = 0; j < classes; j++) weights[row + j]! -= scores[j]!;
        else for (let j = 0; j < classes; j++) weights[row + j] = weights[row + j]! * decay - scores[j]!;
      }
    }
  }
  // Trained in double precision (many small updates); kept and applied in single precision (half the memory).
  const model: LogisticModel = { labels, weights: Float32Array.from(weights), bias, features: kind };
  return Object.assign(logisticClassifier(model), { model });
}

/** A logistic regression classifier from a trained (or saved) model. */
export function logisticClassifier(model: LogisticModel): TextClassifier {
  const { labels, weights, bias } = model;
  const classes = labels.length;
  const index = new Map(labels.map((label, i) => [label, i]));
  return {
    labels,
    classify(tokens) {
      const features = textFeatures(tokens, model.features);
      const out = new Float64Array(classes);
      probabilities(features, features.length === 0 ? 0 : 1 / Math.sqrt(features.length), weights, bias, out);
      const ranked = labels.map((label, c) => ({ label, p: out[c]! })).sort((a, b) => b.p - a.p);
      return { ranked, p: (label) => out[index.get(label) ?? -1] ?? 0 };
    },
  };
}

/** Softmax of bias + x · Σ weights of the features, written into `out`. */
function probabilities(features: ArrayLike<number>, x: number, weights: Float32Array | Float64Array, bias: Float64Array, out: Float64Array): void {
  const classes = bias.length;
  for (let j = 0; j < classes; j++) out[j] = bias[j]!;
  for (let i = 0; i < features.length; i++) {
    const row = features[i]! * classes;
    for (let j = 0; j < classes; j++) out[j]! += weights[row + j]! * x;
  }
  let max = -Infinity;
  for (let j = 0; j < classes; j++) max = Math.max(max, out[j]!);
  let sum = 0;
  for (let j = 0; j < classes; j++) sum += out[j] = Math.exp(out[j]! - max);
  for (let j = 0; j < classes; j++) out[j]! /= sum;
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
