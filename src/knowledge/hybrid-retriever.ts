/**
 * Hybrid search: BM25 over weighted terms and nearest neighbours in HNSWLib, fused into one
 * ranking. Both lists are normalised to their best hit and blended; the blend is robust when one
 * side finds nothing (a question in everyday words) or everything (a word in every chunk).
 */
import type { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Passage, RetrieveOptions, Retriever } from "../core/ports.js";
import { Bm25Index } from "./bm25.js";
import { LOCAL_DOCUMENT_TYPE, type Chunk } from "./chunker.js";
import type { QueryAnalysis } from "./query-analyzer.js";

export interface FusionSettings {
  /** Share of BM25 in the blend (the rest is the vector similarity). */
  bm25Weight: number;
  /** How many neighbours to fetch from the vector index before fusing. */
  candidates: number;
}

export const DEFAULT_FUSION: FusionSettings = { bm25Weight: 0.7, candidates: 60 };

export interface HybridRetrieverDeps {
  chunks: readonly Chunk[];
  bm25: Bm25Index;
  vectors: HNSWLib;
  embeddings: EmbeddingsInterface;
  analyze: (query: string) => QueryAnalysis;
  fusion?: FusionSettings;
}

/** Creates the retriever; `search` is deterministic for a given index. */
export function createHybridRetriever(deps: HybridRetrieverDeps): Retriever {
  const { chunks, bm25, vectors, embeddings, analyze } = deps;
  const fusion = deps.fusion ?? DEFAULT_FUSION;
  const counts = { knowledge: 0, listing: 0 };
  for (const chunk of chunks) counts[chunk.kind] += 1;

  return {
    async search(query: string, options: RetrieveOptions): Promise<Passage[]> {
      const k = Math.max(0, Math.floor(options.k));
      const available = options.kind ? counts[options.kind] : chunks.length;
      if (k === 0 || available === 0 || !query.trim()) return [];
      const allowed = (i: number) => !options.kind || chunks[i]!.kind === options.kind;

      const analysis = analyze(query);
      const lexical = bm25.score(analysis.clauses);
      let maxLexical = 0;
      lexical.forEach((score, i) => {
        if (allowed(i) && score > maxLexical) maxLexical = score;
      });

      const dense = new Map<number, number>();
      const queryVector = await embeddings.embedQuery(query);
      const neighbours = await vectors.similaritySearchVectorWithScore(
        queryVector,
        Math.min(available, Math.max(fusion.candidates, k)),
        options.kind ? (doc) => doc.metadata.kind === options.kind : undefined,
      );
      let maxDense = 0;
      for (const [doc, distance] of neighbours) {
        const similarity = Math.max(0, 1 - distance);
        dense.set(Number(doc.metadata.chunk), similarity);
        if (similarity > maxDense) maxDense = similarity;
      }

      const scored: Array<{ index: number; score: number }> = [];
      for (let i = 0; i < chunks.length; i += 1) {
        if (!allowed(i)) continue;
        const lexicalPart = maxLexical > 0 ? lexical[i]! / maxLexical : 0;
        const densePart = maxDense > 0 ? (dense.get(i) ?? 0) / maxDense : 0;
        const score = fusion.bm25Weight * lexicalPart + (1 - fusion.bm25Weight) * densePart;
        if (score > 0) scored.push({ index: i, score });
      }
      scored.sort((a, b) => b.score - a.score || a.index - b.index);
      return scored.slice(0, k).map(({ index, score }) => toPassage(chunks[index]!, score));
    },
  };
}

function toPassage(chunk: Chunk, score: number): Passage {
  return {
    id: chunk.id,
    text: chunk.text,
    title: chunk.title,
    ...(chunk.section ? { section: chunk.section } : {}),
    source: chunk.source,
    ...(chunk.url ? { url: chunk.url } : {}),
    ...(chunk.publisher ? { publisher: chunk.publisher } : {}),
    ...(chunk.year ? { year: chunk.year } : {}),
    kind: chunk.kind,
    ...(chunk.type === LOCAL_DOCUMENT_TYPE ? { local: true as const } : {}),
    score,
  };
}
