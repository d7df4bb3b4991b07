/**
 * The index on disk under `$DATA_DIR/index`: `manifest.json` (content hash, counts), `chunks.json`,
 * `vectors/` (HNSWLib `save()`), `local-embeddings.json` (corpus statistics of the local
 * embeddings) and `stems.json` (memoised stems, so loading skips the slow stemmer). The manifest
 * is written last and removed first, so a half-written index is never taken for a complete one.
 */
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { Embeddings } from "@langchain/core/embeddings";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Chunk } from "./chunker.js";
import { knownStems, seedStems } from "./dutch-text.js";
import type { LocalEmbeddingsState } from "./local-embeddings.js";

export interface Manifest {
  format: number;
  contentHash: string;
  chunkCount: number;
  documentCount: number;
  embeddings: { provider: string; model?: string };
  builtAt: string;
}

export interface SavedIndex {
  manifest: Manifest;
  chunks: Chunk[];
  store: HNSWLib;
  localState?: LocalEmbeddingsState;
}

const paths = (dir: string) => ({
  manifest: join(dir, "manifest.json"),
  chunks: join(dir, "chunks.json"),
  local: join(dir, "local-embeddings.json"),
  stems: join(dir, "stems.json"),
  vectors: join(dir, "vectors"),
});

/** Reads the manifest; null when there is no (complete) index. */
export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(paths(dir).manifest, "utf8")) as Manifest;
  } catch {
    return null;
  }
}

/** Seeds the stem memo from a saved index of the same format (a missing file is fine). */
export async function loadStems(dir: string): Promise<void> {
  try {
    seedStems(JSON.parse(await readFile(paths(dir).stems, "utf8")) as Array<[string, string]>);
  } catch {
    // Not there or unreadable: stems are computed instead.
  }
}

/** Reads chunks and local-embeddings statistics; the vectors follow once the embeddings exist. */
export async function readChunks(dir: string, local: boolean): Promise<{ chunks: Chunk[]; localState?: LocalEmbeddingsState }> {
  const p = paths(dir);
  const chunks = JSON.parse(await readFile(p.chunks, "utf8")) as Chunk[];
  if (!Array.isArray(chunks)) throw new Error("chunks.json holds no list");
  if (!local) return { chunks };
  return { chunks, localState: JSON.parse(await readFile(p.local, "utf8")) as LocalEmbeddingsState };
}

/** Loads the saved vectors; throws when they do not match the chunks. */
export async function readVectors(dir: string, embeddings: Embeddings, chunkCount: number): Promise<HNSWLib> {
  const store = await HNSWLib.load(paths(dir).vectors, embeddings);
  if (store.index.getCurrentCount() !== chunkCount) throw new Error("the vector count does not match the chunks");
  return store;
}

/** Writes a complete index; the manifest goes last. */
export async function writeIndex(dir: string, index: SavedIndex): Promise<void> {
  const p = paths(dir);
  await rm(p.manifest, { force: true });
  await rm(p.vectors, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await index.store.save(p.vectors);
  await writeFile(p.chunks, JSON.stringify(index.chunks));
  if (index.localState) await writeFile(p.local, JSON.stringify(index.localState));
  else await rm(p.local, { force: true });
  await writeFile(p.stems, JSON.stringify(knownStems()));
  await writeFile(p.manifest, JSON.stringify(index.manifest, null, 2));
}
