/**
 * The knowledge index: corpus + listings → section-aware chunks → BM25 and HNSWLib vectors,
 * persisted under `indexDir` with a manifest holding the content hash. Opening it loads the saved
 * index when nothing changed and rebuilds it otherwise.
 */
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import type { Embeddings } from "@langchain/core/embeddings";
import type { Retriever } from "../core/ports.js";
import { Bm25Index } from "./bm25.js";
import { DEFAULT_CHUNK_OPTIONS, type Chunk } from "./chunker.js";
import { buildChunks, contentHash, parseCorpus, readKnowledgeSources } from "./corpus-loader.js";
import { contentStems, stripMarkupForIndex } from "./dutch-text.js";
import { createHybridRetriever, DEFAULT_FUSION } from "./hybrid-retriever.js";
import { loadStems, readChunks, readManifest, readVectors, writeIndex, type Manifest } from "./index-store.js";
import { EMPTY_LEXICON, parseLexicon, type Lexicon } from "./lexicon.js";
import { fitLocalEmbeddings, LOCAL_DIMENSIONS, LocalEmbeddings } from "./local-embeddings.js";
import { createProviderEmbeddings } from "./provider-embeddings.js";
import { createQueryAnalyzer, type QueryAnalysis, type QueryWord } from "./query-analyzer.js";
import { DEFAULT_FEATURE_WEIGHTS, documentTerms, findAcronyms, type FeatureContext } from "./text-features.js";
import { buildVocabulary } from "./vocabulary.js";
import { attachQuestions, parseQuestionFiles } from "./passage-questions.js";

/** A document to index: a corpus Markdown file or a listing rendered as text. */
export interface IndexDocument {
  id: string;
  title: string;
  /** Markdown (corpus) or plain text (listings). */
  text: string;
  url?: string;
  publisher?: string;
  year?: number;
  kind: "knowledge" | "listing";
}

export interface EmbeddingsOptions {
  provider: "local" | "openai" | "ollama";
  model?: string;
  baseUrl?: string;
  apiKey?: string;
}

export interface OpenIndexOptions {
  /** Folder with `corpus/*.md` and `lexicon/synonyms.json`. */
  knowledgeDir: string;
  /** Where the index is persisted (`$DATA_DIR/index`). */
  indexDir: string;
  /** Documents indexed next to the corpus (listings). */
  extraDocuments: IndexDocument[];
  embeddings: EmbeddingsOptions;
  /** Rebuild even when the content hash is unchanged. */
  force?: boolean;
  onProgress?: (message: string) => void;
}

/** The hybrid retrieval index: a {@link Retriever} with a few facts about itself. */
export interface KnowledgeIndex extends Retriever {
  readonly chunkCount: number;
  /** True when this open (re)built the index instead of loading it. */
  readonly rebuilt: boolean;
  /** The question's content words with every stem that counts as finding them (typos, compounds, lexicon). */
  questionWords(question: string): QueryWord[];
}

/** Bump when chunking or features change in a way the settings below do not show. */
const INDEX_FORMAT = 4;
const SETTINGS = {
  format: INDEX_FORMAT,
  chunks: DEFAULT_CHUNK_OPTIONS,
  features: DEFAULT_FEATURE_WEIGHTS,
  dimensions: LOCAL_DIMENSIONS,
};

const EMBED_BATCH = 256;
const HNSW_M = 16;
const HNSW_EF_CONSTRUCTION = 64;
const HNSW_SEED = 42;

/** The text a chunk is found by: its heading path (or listing title), its text and its curated questions. */
function searchableText(chunk: Chunk): string {
  const label = chunk.kind === "listing" ? chunk.title : (chunk.section ?? "");
  return stripMarkupForIndex(`${label}\n${bodyText(chunk)}`);
}

/** The chunk's text with the questions it answers: what BM25 and the embeddings read (never quoted). */
function bodyText(chunk: Chunk): string {
  return chunk.questions?.length ? `${chunk.text}\n${chunk.questions.join("\n")}` : chunk.text;
}

/** Words that name a chunk's document: a question may say "volgens de startnotitie van Movisie". */
export function documentLabel(chunk: Chunk): string {
  return [chunk.title, chunk.publisher, chunk.type].filter(Boolean).join(" ");
}

/**
 * Opens the persisted index under `indexDir`, rebuilding it when the content hash of the corpus,
 * lexicon, extra documents, settings and embeddings provider changed (or `force`). A damaged
 * index is rebuilt, not fatal.
 */
export async function openKnowledgeIndex(options: OpenIndexOptions): Promise<KnowledgeIndex> {
  const progress = options.onProgress ?? (() => {});
  const sources = readKnowledgeSources(options.knowledgeDir);
  const { provider, model, baseUrl } = options.embeddings;
  const hash = contentHash({
    sources,
    extra: options.extraDocuments,
    settings: { ...SETTINGS, embeddings: { provider, model, baseUrl } },
  });
  // Parsed only after the saved stems are loaded: stemming the lexicon is most of its cost.
  const lexicon = () => (sources.lexiconText ? parseLexicon(sources.lexiconText) : EMPTY_LEXICON);

  if (!options.force) {
    const manifest = await readManifest(options.indexDir);
    if (manifest && manifest.format === INDEX_FORMAT && manifest.contentHash === hash) {
      try {
        return await loadIndex(options, lexicon());
      } catch (error) {
        progress(`Index kon niet geladen worden (${(error as Error).message}); ik bouw hem opnieuw.`);
      }
    }
  }
  return buildIndex(options, sources, lexicon(), hash);
}

async function loadIndex(options: OpenIndexOptions, lexicon: Lexicon): Promise<KnowledgeIndex> {
  await loadStems(options.indexDir);
  const local = options.embeddings.provider === "local";
  const { chunks, localState } = await readChunks(options.indexDir, local);
  const context = featureContext(chunks, lexicon);
  const analyze = createQueryAnalyzer(context);
  const embeddings = localState ? new LocalEmbeddings(localState, context, analyze) : await remoteEmbeddings(options.embeddings);
  const store = await readVectors(options.indexDir, embeddings, chunks.length);
  return assemble(chunks, context, analyze, store, embeddings, false);
}

async function buildIndex(
  options: OpenIndexOptions,
  sources: ReturnType<typeof readKnowledgeSources>,
  lexicon: Lexicon,
  hash: string,
): Promise<KnowledgeIndex> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const documents = parseCorpus(sources.corpus);
  const chunks = buildChunks(documents, options.extraDocuments, DEFAULT_CHUNK_OPTIONS);
  const unmatched = attachQuestions(chunks, parseQuestionFiles(sources.questions));
  for (const entry of unmatched) progress(`Let op: ${entry.where}: de tekst "${entry.anchor.slice(0, 60)}" staat in geen enkel document; die vragen tellen niet mee.`);
  progress(`Index: ${documents.length} documenten, ${options.extraDocuments.length} activiteiten, ${chunks.length} stukken tekst…`);
  const context = featureContext(chunks, lexicon);
  const texts = chunks.map(searchableText);
  const localState = options.embeddings.provider === "local" ? fitLocalEmbeddings(texts, context) : undefined;
  const analyze = createQueryAnalyzer(context);
  const embeddings = localState ? new LocalEmbeddings(localState, context, analyze) : await remoteEmbeddings(options.embeddings);
  progress(`Index: embeddings maken (${options.embeddings.provider})…`);
  const store = await createVectorStore(embeddings, chunks, texts);
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    contentHash: hash,
    chunkCount: chunks.length,
    documentCount: documents.length,
    embeddings: { provider: options.embeddings.provider, ...(options.embeddings.model ? { model: options.embeddings.model } : {}) },
    builtAt: new Date().toISOString(),
  };
  await writeIndex(options.indexDir, { manifest, chunks, store, ...(localState ? { localState } : {}) });
  progress(`Index klaar in ${((performance.now() - started) / 1000).toFixed(1)} s (${chunks.length} stukken).`);
  return assemble(chunks, context, analyze, store, embeddings, true);
}

/**
 * Fills an HNSWLib store. The hnswlib index is created here, sized once and with a smaller
 * construction beam than HNSWLib's default (200): with 10,000 listings that default spends most
 * of the build in graph construction, for no measurable gain at this size. Vectors are made in
 * batches, so thousands of listings never sit in memory as JS arrays all at once.
 */
async function createVectorStore(embeddings: Embeddings, chunks: readonly Chunk[], texts: readonly string[]): Promise<HNSWLib> {
  const { HierarchicalNSW } = await HNSWLib.imports();
  let store: HNSWLib | undefined;
  for (let start = 0; start < chunks.length; start += EMBED_BATCH) {
    const vectors = await embeddings.embedDocuments(texts.slice(start, start + EMBED_BATCH));
    if (!store) {
      const index = new HierarchicalNSW("cosine", vectors[0]!.length);
      index.initIndex(Math.max(1, chunks.length), HNSW_M, HNSW_EF_CONSTRUCTION, HNSW_SEED);
      store = new HNSWLib(embeddings, { space: "cosine", numDimensions: vectors[0]!.length, index });
    }
    const documents: Record<number, Document> = {};
    vectors.forEach((vector, i) => {
      const chunk = chunks[start + i]!;
      store!.index.addPoint(vector, start + i);
      documents[start + i] = new Document({ pageContent: chunk.text, metadata: { chunk: start + i, id: chunk.id, kind: chunk.kind } });
    });
    store.docstore.add(documents);
  }
  if (!store) throw new Error("De kennisbank is leeg: er staat geen tekst in knowledge/corpus.");
  return store;
}

async function remoteEmbeddings(options: EmbeddingsOptions): Promise<Embeddings> {
  if (options.provider === "local") throw new Error("local embeddings need their saved statistics");
  return createProviderEmbeddings({ ...options, provider: options.provider });
}

function featureContext(chunks: readonly Chunk[], lexicon: Lexicon): FeatureContext {
  const labels = new Set(chunks.filter((c) => c.kind === "knowledge").map(documentLabel));
  const vocabulary = buildVocabulary(chunks.map(searchableText));
  return {
    vocabulary,
    acronyms: findAcronyms(
      chunks.filter((c) => c.kind === "knowledge").map((c) => c.text),
      (word) => vocabulary.words.has(word),
    ),
    lexicon,
    weights: DEFAULT_FEATURE_WEIGHTS,
    labelStems: new Set([...labels].flatMap((label) => contentStems(label))),
  };
}

function assemble(
  chunks: Chunk[],
  context: FeatureContext,
  analyze: (query: string) => QueryAnalysis,
  store: HNSWLib,
  embeddings: Embeddings,
  rebuilt: boolean,
): KnowledgeIndex {
  const bm25 = new Bm25Index(
    chunks.map((chunk) =>
      chunk.kind === "listing"
        ? documentTerms(stripMarkupForIndex(bodyText(chunk)), chunk.title, context)
        : documentTerms(stripMarkupForIndex(bodyText(chunk)), chunk.section, context, documentLabel(chunk)),
    ),
  );
  const retriever = createHybridRetriever({ chunks, bm25, vectors: store, embeddings, analyze, fusion: DEFAULT_FUSION });
  return {
    chunkCount: chunks.length,
    rebuilt,
    search: (query, options) => retriever.search(query, options),
    questionWords: (question) => analyze(question).contentWords,
  };
}
