import type { Retriever } from "../core/ports.js";

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
}

/**
 * Opens the persisted index under `indexDir`, rebuilding it when the content hash of the corpus,
 * lexicon and extra documents changed (or `force`).
 */
export async function openKnowledgeIndex(_options: OpenIndexOptions): Promise<KnowledgeIndex> {
  throw new Error("openKnowledgeIndex: being built (retrieval work in progress)");
}
