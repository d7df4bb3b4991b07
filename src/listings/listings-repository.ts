/**
 * The port the listings capability keeps its listings in. Implementations live in `src/store/`
 * (SQLite and PostgreSQL) and pass one contract suite.
 */
import type { Listing } from "./listing-model.js";

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export interface ImportPlan extends ImportCounts {
  /** Ids that another file already holds (an id is unique over all files). */
  conflicts: Array<{ id: string; source: string }>;
}

/** Stores listings per source file, so re-importing a file updates and removes exactly its own listings. */
export interface ListingsRepository {
  /** Every listing, by id. */
  all(): Promise<Listing[]>;
  count(): Promise<number>;
  /** Every imported source, sorted. */
  sources(): Promise<string[]>;
  sourceHash(source: string): Promise<string | undefined>;
  /** What replacing `source` with `listings` would do, without changing anything. */
  plan(source: string, listings: Listing[]): Promise<ImportPlan>;
  /**
   * Replaces everything from `source` with `listings` in one transaction (all or nothing); with
   * conflicts nothing changes and the plan says why.
   */
  replaceSource(source: string, hash: string, listings: Listing[], at: Date): Promise<ImportPlan>;
  /** Removes a source and its listings; returns listings removed. */
  removeSource(source: string): Promise<number>;
  /** Changes whenever any import or removal is committed, also by another process. Cheap to ask often. */
  version(): Promise<string>;
}
