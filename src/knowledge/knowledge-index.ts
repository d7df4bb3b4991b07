/**
 * The knowledge index: corpus + listings → section-aware chunks → BM25 and HNSWLib vectors,
 * persisted under `indexDir` with a manifest holding the content hash. Opening it loads the saved
 * index when nothing changed and rebuilds it otherwise.
 */
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { Embeddings } from "@langchain/core/embeddings";
import { Document } from "@langchain/core/documents";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Retriever } from "../core/ports.js";
import { Bm25Index } from "./bm25.js";
import { DEFAULT_CHUNK_OPTIONS, type Chunk } from "./chunker.js";
import { buildChunks, contentHash, parseCorpus, readKnowledgeSources } from "./corpus-loader.js";
import { contentStems, stripMarkupForIndex } from "./dutch-text.js";
import { createHybridRetriever, DEFAULT_FUSION } from "./hybrid-retriever.js";
import { EMPTY_LEXICON, parseLexicon, type Lexicon } from "./lexicon.js";
import { fitLocalEmbeddings, LOCAL_DIMENSIONS, LocalEmbeddings, type LocalEmbeddingsState } from "./local-embeddings.js";
import { createProviderEmbeddings } from "./provider-embeddings.js";
import { createQueryAnalyzer, type QueryWord } from "./query-analyzer.js";
import { DEFAULT_FEATURE_WEIGHTS, documentTerms, type FeatureContext } from "./text-features.js";
import { buildVocabulary } from "./vocabulary.js";

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
const INDEX_FORMAT = 2;
const SETTINGS = {
  format: INDEX_FORMAT,
  chunks: DEFAULT_CHUNK_OPTIONS,
  features: DEFAULT_FEATURE_WEIGHTS,
  dimensions: LOCAL_DIMENSIONS,
};

interface Manifest {
  format: number;
  contentHash: string;
  chunkCount: number;
  documentCount: number;
  embeddings: { provider: string; model?: string };
  builtAt: string;
}

const files = (dir: string) => ({
  manifest: join(dir, "manifest.json"),
  chunks: join(dir, "chunks.json"),
  local: join(dir, "local-embeddings.json"),
  vectors: join(dir, "vectors"),
});

/** The text a chunk is found by: its heading path (or listing title) and its text. */
function searchableText(chunk: Chunk): string {
  const label = chunk.kind === "listing" ? chunk.title : (chunk.section ?? "");
  return stripMarkupForIndex(`${label}\n${chunk.text}`);
}

/**
 * Opens the persisted index under `indexDir`, rebuilding it when the content hash of the corpus,
 * lexicon and extra documents changed (or `force`).
 */
export async function openKnowledgeIndex(options: OpenIndexOptions): Promise<KnowledgeIndex> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const sources = readKnowledgeSources(options.knowledgeDir);
  const lexicon = sources.lexiconText ? parseLexicon(sources.lexiconText) : EMPTY_LEXICON;
  const { provider, model, baseUrl } = options.embeddings;
  const hash = contentHash({
    sources,
    extra: options.extraDocuments,
    settings: { ...SETTINGS, embeddings: { provider, model, baseUrl } },
  });
  const paths = files(options.indexDir);

  if (!options.force) {
    const loaded = await tryLoad(paths, hash, lexicon, options.embeddings).catch((error: unknown) => {
      progress(`Index kon niet geladen worden (${(error as Error).message}); ik bouw hem opnieuw.`);
      return null;
    });
    if (loaded) return loaded;
  }

  const documents = parseCorpus(sources.corpus);
  const chunks = buildChunks(documents, options.extraDocuments, DEFAULT_CHUNK_OPTIONS);
  progress(`Index: ${documents.length} documenten, ${options.extraDocuments.length} activiteiten, ${chunks.length} stukken tekst…`);
  const context = featureContext(chunks, lexicon);
  const texts = chunks.map(searchableText);
  let localState: LocalEmbeddingsState | undefined;
  let embeddings: Embeddings;
  if (options.embeddings.provider === "local") {
    localState = fitLocalEmbeddings(texts, context);
    embeddings = new LocalEmbeddings(localState, context);
  } else {
    embeddings = createProviderEmbeddings({ ...options.embeddings, provider: options.embeddings.provider });
  }
  progress(`Index: embeddings maken (${options.embeddings.provider})…`);
  const vectors = await embeddings.embedDocuments(texts);
  const store = new HNSWLib(embeddings, { space: "cosine" });
  await store.addVectors(
    vectors,
    chunks.map((chunk, i) => new Document({ pageContent: chunk.text, metadata: { chunk: i, id: chunk.id, kind: chunk.kind } })),
  );

  await rm(paths.manifest, { force: true });
  await rm(paths.vectors, { recursive: true, force: true });
  await mkdir(options.indexDir, { recursive: true });
  await store.save(paths.vectors);
  await writeFile(paths.chunks, JSON.stringify(chunks));
  if (localState) await writeFile(paths.local, JSON.stringify(localState));
  else await rm(paths.local, { force: true });
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    contentHash: hash,
    chunkCount: chunks.length,
    documentCount: documents.length,
    embeddings: { provider: options.embeddings.provider, ...(model ? { model } : {}) },
    builtAt: new Date().toISOString(),
  };
  await writeFile(paths.manifest, JSON.stringify(manifest, null, 2));
  progress(`Index klaar in ${((performance.now() - started) / 1000).toFixed(1)} s (${chunks.length} stukken).`);
  return assemble(chunks, context, store, embeddings, true);
}

/** Words that name a chunk's document: a question may say "volgens de startnotitie van Movisie". */
export function documentLabel(chunk: Chunk): string {
  return [chunk.title, chunk.publisher, chunk.type].filter(Boolean).join(" ");
}

function featureContext(chunks: readonly Chunk[], lexicon: Lexicon): FeatureContext {
  const labels = new Set(chunks.filter((c) => c.kind === "knowledge").map(documentLabel));
  return {
    vocabulary: buildVocabulary(chunks.map(searchableText)),
    lexicon,
    weights: DEFAULT_FEATURE_WEIGHTS,
    labelStems: new Set([...labels].flatMap((label) => contentStems(label))),
  };
}

async function tryLoad(
  paths: ReturnType<typeof files>,
  hash: string,
  lexicon: Lexicon,
  embeddingOptions: EmbeddingsOptions,
): Promise<KnowledgeIndex | null> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(paths.manifest, "utf8")) as Manifest;
  } catch {
    return null; // no index yet
  }
  if (manifest.format !== INDEX_FORMAT || manifest.contentHash !== hash) return null;
  const chunks = JSON.parse(await readFile(paths.chunks, "utf8")) as Chunk[];
  const context = featureContext(chunks, lexicon);
  const embeddings: Embeddings =
    embeddingOptions.provider === "local"
      ? new LocalEmbeddings(JSON.parse(await readFile(paths.local, "utf8")) as LocalEmbeddingsState, context)
      : createProviderEmbeddings({ ...embeddingOptions, provider: embeddingOptions.provider });
  const store = await HNSWLib.load(paths.vectors, embeddings);
  if (store.index.getCurrentCount() !== chunks.length) throw new Error("vector count does not match the chunks");
  return assemble(chunks, context, store, embeddings, false);
}

function assemble(chunks: Chunk[], context: FeatureContext, store: HNSWLib, embeddings: Embeddings, rebuilt: boolean): KnowledgeIndex {
  const bm25 = new Bm25Index(
    chunks.map((chunk) =>
      chunk.kind === "listing"
        ? documentTerms(stripMarkupForIndex(chunk.text), chunk.title, context)
        : documentTerms(stripMarkupForIndex(chunk.text), chunk.section, context, documentLabel(chunk)),
    ),
  );
  const analyze = createQueryAnalyzer(context);
  const retriever = createHybridRetriever({ chunks, bm25, vectors: store, embeddings, analyze, fusion: DEFAULT_FUSION });
  return {
    chunkCount: chunks.length,
    rebuilt,
    search: (query, options) => retriever.search(query, options),
    questionWords: (question) => analyze(question).contentWords,
  };
}
