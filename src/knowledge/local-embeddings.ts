/**
 * Local embeddings without a model download: feature hashing of stems, word pairs, compound parts,
 * lexicon concepts and character n-grams (for typos and word forms), weighted by idf over the
 * corpus and L2-normalised. Deterministic: the same text and corpus always give the same vector.
 */
import { Embeddings } from "@langchain/core/embeddings";
import { tokenize } from "./dutch-text.js";
import { createQueryAnalyzer, type QueryAnalysis } from "./query-analyzer.js";
import { documentTerms, type FeatureContext } from "./text-features.js";

/**
 * Vector size. 512 retrieves as well as 1024 did on the dev and paraphrase sets (recall@5 0.97 / 0.75
 * against 0.93 / 0.68; the differences are hash collisions landing elsewhere) and halves the cost of
 * every nearest-neighbour search, which hnswlib computes over all dimensions.
 */
export const LOCAL_DIMENSIONS = 512;
/** Total weight of one word's character n-grams relative to the word itself. */
export const NGRAM_WEIGHT = 0.6;

/** The corpus statistics the local embeddings need; saved next to the vector index. */
export interface LocalEmbeddingsState {
  dimensions: number;
  /** Weight of a word's character n-grams (see {@link NGRAM_WEIGHT}). */
  ngramWeight: number;
  documents: number;
  /** Feature → number of documents that have it. */
  documentFrequency: Record<string, number>;
}

/** 32-bit FNV-1a: a stable hash, so vectors do not change between runs or machines. */
export function hashFeature(feature: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < feature.length; i += 1) {
    hash ^= feature.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Memo of each word's n-grams: listings repeat the same words thousands of times. */
const gramCache = new Map<string, string[]>();

function gramsOf(word: string): string[] {
  let grams = gramCache.get(word);
  if (!grams) {
    const padded = `<${word}>`;
    grams = [];
    for (const n of [3, 4]) for (let i = 0; i + n <= padded.length; i += 1) grams.push(`#${padded.slice(i, i + n)}`);
    if (gramCache.size >= 100_000) gramCache.clear();
    gramCache.set(word, grams);
  }
  return grams;
}

/** Character n-grams (3 and 4) of a word with boundary marks; each word's grams share one weight. */
function addNgrams(features: Map<string, number>, words: readonly string[], ngramWeight: number): void {
  if (ngramWeight <= 0) return;
  for (const word of words) {
    if (word.length < 3 || /^\d+$/.test(word)) continue;
    const grams = gramsOf(word);
    const weight = ngramWeight / Math.sqrt(grams.length);
    for (const gram of grams) features.set(gram, (features.get(gram) ?? 0) + weight);
  }
}

export function documentFeatures(text: string, context: FeatureContext, ngramWeight = NGRAM_WEIGHT): Map<string, number> {
  const features = documentTerms(text, undefined, context);
  addNgrams(
    features,
    tokenize(text)
      .filter((t) => !t.stop)
      .map((t) => t.surface),
    ngramWeight,
  );
  return features;
}

/** Counts in how many texts each feature occurs. */
export function fitLocalEmbeddings(
  texts: readonly string[],
  context: FeatureContext,
  options: { dimensions?: number; ngramWeight?: number } = {},
): LocalEmbeddingsState {
  const { dimensions = LOCAL_DIMENSIONS, ngramWeight = NGRAM_WEIGHT } = options;
  const documentFrequency: Record<string, number> = {};
  for (const text of texts) {
    for (const feature of documentFeatures(text, context, ngramWeight).keys()) {
      documentFrequency[feature] = (documentFrequency[feature] ?? 0) + 1;
    }
  }
  return { dimensions, ngramWeight, documents: texts.length, documentFrequency };
}

/** A LangChain {@link Embeddings} that runs in-process. */
export class LocalEmbeddings extends Embeddings {
  /**
   * `analyzeQuery` is the index's question analyser (typos, lexicon), shared with the retriever so
   * a question is analysed once.
   */
  constructor(
    private readonly state: LocalEmbeddingsState,
    private readonly context: FeatureContext,
    private readonly analyzeQuery: (query: string) => QueryAnalysis = createQueryAnalyzer(context),
  ) {
    super({});
  }

  /** Embeds chunk texts (heading path and text). */
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.vectorOf(documentFeatures(text, this.context, this.state.ngramWeight)));
  }

  /** Embeds a question: corrected for typos, expanded with the lexicon. */
  async embedQuery(text: string): Promise<number[]> {
    return this.embedQuerySync(text);
  }

  embedQuerySync(text: string): number[] {
    const analysis = this.analyzeQuery(text);
    const features = new Map(analysis.terms);
    addNgrams(features, analysis.words, this.state.ngramWeight);
    return this.vectorOf(features);
  }

  private vectorOf(features: ReadonlyMap<string, number>): number[] {
    const { dimensions, documents, documentFrequency } = this.state;
    const vector = new Float64Array(dimensions);
    for (const [feature, weight] of features) {
      if (weight <= 0) continue;
      const df = documentFrequency[feature] ?? 0;
      const idf = Math.log(1 + (documents + 1) / (df + 0.5));
      const tf = weight >= 1 ? 1 + Math.log(weight) : weight;
      const hash = hashFeature(feature);
      // The sign bit spreads collisions so they cancel on average instead of adding up.
      vector[hash % dimensions]! += (hash & 0x80000000 ? -1 : 1) * tf * idf;
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm);
    // An empty text gets a fixed unit vector, so cosine distance stays defined.
    if (norm === 0) return Array.from(vector, (_, i) => (i === 0 ? 1 : 0));
    return Array.from(vector, (value) => value / norm);
  }
}
