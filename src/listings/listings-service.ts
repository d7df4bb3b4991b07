import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, resolve, sep } from "node:path";
import type { Config } from "../config/config.js";
import type { ListingSearch } from "../core/ports.js";
import type { IndexDocument } from "../knowledge/knowledge-index.js";
import type { Logger } from "../log/logger.js";
import { loadGazetteer, type Gazetteer } from "./gazetteer.js";
import { createLocalGeocoder, createPdokGeocoder, type Geocoder } from "./geocoder.js";
import { formatImportReport, type ImportReport } from "./import-report.js";
import { importHsdsPackage, importListingsContent, importListingsFile, isListingsFile, type ImportOptions } from "./import-listings.js";
import { loadListingClassifier } from "./hsds-categories.js";
import { isHsdsPackageDir, readHsdsPackage } from "./read-hsds-package.js";
import { buildListingIndex, type ListingIndex } from "./listing-index.js";
import { listingDocument } from "./listing-documents.js";
import type { Listing } from "./listing-model.js";
import { loadListingsVocabulary, type ListingsVocabulary } from "./listings-vocabulary.js";
import { createListingsSearch } from "./listings-search.js";
import type { ListingsRepository } from "./listings-repository.js";
import { loadFollowUpVocabulary } from "./shown-follow-up.js";
import { loadPostcodeAreas } from "./national-places.js";

export interface ListingsServiceDeps {
  repository: ListingsRepository;
  config: Pick<Config, "LISTINGS_DIR" | "KNOWLEDGE_DIR" | "GEOCODER" | "PDOK_BASE_URL" | "TZ">;
  logger: Logger;
  now: () => Date;
  /** For the PDOK geocoder (tests point it at a local fake); default the global fetch. */
  fetch?: typeof fetch;
  /** PDOK timeout; default 2500 ms. */
  geocoderTimeoutMs?: number;
}

export interface ListingsService {
  search: ListingSearch;
  /** Imports every file in LISTINGS_DIR (CSV or HSDS JSON) and every HSDS tabular package in a folder of it; an invalid one is reported and skipped whole. */
  loadDirectory(): Promise<void>;
  /** All stored listings as documents for the retrieval index. */
  documents(): Promise<IndexDocument[]>;
  /** Validates and (unless a dry run) imports one file, all or nothing. */
  importFile(path: string, options?: Pick<ImportOptions, "dryRun">): Promise<ImportReport>;
  /** All stored listings. */
  listings(): Promise<Listing[]>;
}

interface Snapshot {
  version: string;
  listings: Listing[];
  index: ListingIndex;
  gazetteer: Gazetteer;
  documents?: IndexDocument[];
}

/**
 * The listings capability: the store (a {@link ListingsRepository}), the import, the in-memory search index and the
 * {@link ListingSearch} port. The index is rebuilt lazily when the stored listings change, also
 * when another process (the `listings import` command) changed them.
 */
export function createListingsService(deps: ListingsServiceDeps): ListingsService {
  const { config, logger } = deps;
  const repo = deps.repository;
  const vocabulary: ListingsVocabulary = loadListingsVocabulary(config.KNOWLEDGE_DIR);
  const classifier = loadListingClassifier(config.KNOWLEDGE_DIR, vocabulary);
  const postcodeAreas = loadPostcodeAreas(config.KNOWLEDGE_DIR);
  let snapshot: Snapshot | undefined;
  // One rebuild at a time: messages that arrive meanwhile wait for it instead of building their own.
  let building: Promise<Snapshot> | undefined;

  async function current(): Promise<Snapshot> {
    // The repository answers `version()` cheaply; our own imports reset `snapshot` directly.
    const version = await repo.version();
    if (snapshot?.version === version) return snapshot;
    building ??= (async () => {
      const listings = await repo.all();
      snapshot = {
        version,
        listings,
        index: buildListingIndex(listings, vocabulary),
        gazetteer: loadGazetteer(config.KNOWLEDGE_DIR, listings),
      };
      return snapshot;
    })().finally(() => {
      building = undefined;
    });
    return building;
  }


  const local = createLocalGeocoder(async () => (await current()).gazetteer);
  const geocoder: Geocoder =
    config.GEOCODER === "pdok"
      ? createPdokGeocoder({
          baseUrl: config.PDOK_BASE_URL,
          fallback: local,
          logger,
          ...(deps.fetch ? { fetch: deps.fetch } : {}),
          ...(deps.geocoderTimeoutMs ? { timeoutMs: deps.geocoderTimeoutMs } : {}),
        })
      : local;

  const search = createListingsSearch({
    snapshot: current,
    vocabulary,
    followUps: loadFollowUpVocabulary(config.KNOWLEDGE_DIR),
    geocoder,
    timeZone: config.TZ,
  });

  function invalidate() {
    snapshot = undefined;
  }

  return {
    search,
    listings: async () => (await current()).listings,
    async documents() {
      const snap = await current();
      snap.documents ??= snap.listings.map(listingDocument);
      return snap.documents;
    },
    async importFile(path, options = {}) {
      const report = await importListingsFile(repo, path, { ...options, now: deps.now, classifier, postcodeAreas });
      if (report.ok && !report.dryRun) invalidate();
      return report;
    },
    async loadDirectory() {
      const dir = resolve(config.LISTINGS_DIR);
      const names = existsSync(dir) ? readdirSync(dir).sort() : [];
      const files = names.filter((name) => isListingsFile(name) || isHsdsPackageDir(join(dir, name)));
      if (!existsSync(dir)) logger.warn({ dir: config.LISTINGS_DIR }, "LISTINGS_DIR does not exist; no listings loaded");
      let changed = false;
      for (const name of files) {
        const path = join(dir, name);
        const isPackage = !isListingsFile(name);
        const content = isPackage ? readHsdsPackage(path).content : readFileSync(path, "utf8");
        const hash = createHash("sha256").update(content).digest("hex");
        if ((await repo.sourceHash(path)) === hash) continue;
        const options = { now: deps.now, classifier, postcodeAreas, displayName: join(config.LISTINGS_DIR, name) };
        const report = isPackage ? await importHsdsPackage(repo, path, options) : await importListingsContent(repo, path, content, options);
        if (report.ok) {
          changed = true;
          logger.info({ file: name, total: report.total, added: report.added, updated: report.updated, removed: report.removed }, "listings loaded");
        } else {
          logger.warn({ file: name, problems: report.errors.length, report: formatImportReport(report) }, "listings file is invalid and was skipped");
        }
      }
      // Files removed from LISTINGS_DIR take their listings with them; files imported from elsewhere stay.
      for (const source of await repo.sources()) {
        if (source.startsWith(dir + sep) && !files.includes(source.slice(dir.length + 1))) {
          const removed = await repo.removeSource(source);
          changed = true;
          logger.info({ file: source.slice(dir.length + 1), removed }, "listings file is gone; its listings were removed");
        }
      }
      if (changed) invalidate();
      await current();
    },
  };
}
