/**
 * A small Okapi BM25 index over pre-tokenised documents. Term frequencies may be fractional (a
 * heading word or a compound part counts for less than a word of the text) and query terms carry
 * weights (an expansion word counts for less than a word the person typed).
 */

export interface Bm25Options {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Options = { k1: 1.2, b: 0.4 };

/** A document as weighted term frequencies. */
export type TermFrequencies = ReadonlyMap<string, number>;

export class Bm25Index {
  private readonly postings = new Map<string, Array<{ doc: number; tf: number }>>();
  private readonly lengths: Float64Array;
  private readonly averageLength: number;
  readonly size: number;

  constructor(
    documents: readonly TermFrequencies[],
    private readonly options: Bm25Options = DEFAULT_BM25,
  ) {
    this.size = documents.length;
    this.lengths = new Float64Array(documents.length);
    documents.forEach((terms, doc) => {
      let length = 0;
      for (const [term, tf] of terms) {
        if (tf <= 0) continue;
        length += tf;
        const list = this.postings.get(term);
        if (list) list.push({ doc, tf });
        else this.postings.set(term, [{ doc, tf }]);
      }
      this.lengths[doc] = length;
    });
    const total = this.lengths.reduce((sum, l) => sum + l, 0);
    this.averageLength = documents.length ? total / documents.length || 1 : 1;
  }

  /** Number of documents that contain the term. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** BM25+ style idf, always positive so very common words still count a little. */
  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /**
   * Scores every document for a query of clauses: each clause adds the score of its best
   * alternative term in the document (weight × BM25 term score). Unmatched documents score 0.
   */
  score(clauses: ReadonlyArray<ReadonlyMap<string, number>>): Float64Array {
    const scores = new Float64Array(this.size);
    const best = new Float64Array(this.size);
    const { k1, b } = this.options;
    for (const clause of clauses) {
      best.fill(0);
      const touched: number[] = [];
      for (const [term, weight] of clause) {
        const list = this.postings.get(term);
        if (!list || weight <= 0) continue;
        const idf = this.idf(term);
        for (const { doc, tf } of list) {
          const norm = k1 * (1 - b + (b * this.lengths[doc]!) / this.averageLength);
          const value = weight * idf * ((tf * (k1 + 1)) / (tf + norm));
          if (best[doc] === 0) touched.push(doc);
          if (value > best[doc]!) best[doc] = value;
        }
      }
      for (const doc of touched) scores[doc]! += best[doc]!;
    }
    return scores;
  }
}
