import type { Listing } from "../../listings/listing-model.js";
import type { ImportPlan, ListingsRepository } from "../../listings/listings-repository.js";
import type { SqliteDatabase } from "./database.js";

/**
 * {@link ListingsRepository} on SQLite. `version()` is asked several times per message: it reads
 * the listing sources only when SQLite's `data_version` says another connection committed (our own
 * writes reset it directly).
 */
export function createSqliteListingsRepository(db: SqliteDatabase): ListingsRepository {
  const selectAll = db.prepare("SELECT data_json FROM listings ORDER BY id");
  const selectSourceRows = db.prepare("SELECT id, data_json FROM listings WHERE source = ?");
  const selectOwner = db.prepare("SELECT source FROM listings WHERE id = ?");
  const upsertSource = db.prepare(
    `INSERT INTO listing_sources (source, content_hash, listing_count, imported_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(source) DO UPDATE SET content_hash = excluded.content_hash, listing_count = excluded.listing_count, imported_at = excluded.imported_at`,
  );
  const upsertListing = db.prepare(
    `INSERT INTO listings (id, source, name, city, postcode, categories, latitude, longitude, data_json, updated_at)
     VALUES (@id, @source, @name, @city, @postcode, @categories, @latitude, @longitude, @data_json, @updated_at)
     ON CONFLICT(id) DO UPDATE SET source = excluded.source, name = excluded.name, city = excluded.city,
       postcode = excluded.postcode, categories = excluded.categories, latitude = excluded.latitude,
       longitude = excluded.longitude, data_json = excluded.data_json, updated_at = excluded.updated_at`,
  );
  const deleteListing = db.prepare("DELETE FROM listings WHERE id = ?");
  const deleteSource = db.prepare("DELETE FROM listing_sources WHERE source = ?");
  const deleteSourceListings = db.prepare("DELETE FROM listings WHERE source = ?");
  const countListings = db.prepare("SELECT COUNT(*) AS n FROM listings");
  const selectSources = db.prepare("SELECT source FROM listing_sources ORDER BY source");
  const selectHash = db.prepare("SELECT content_hash FROM listing_sources WHERE source = ?");
  const selectVersion = db.prepare(
    "SELECT COUNT(*) AS n, COALESCE(MAX(imported_at), 0) AS at, COALESCE(SUM(listing_count), 0) AS total FROM listing_sources",
  );
  // db.pragma prepares on every call; this is asked on every message.
  const readDataVersion = db.prepare("PRAGMA data_version").pluck();
  let cached: { dataVersion: unknown; version: string } | undefined;

  function plan(source: string, listings: Listing[]): ImportPlan & { existing: Map<string, string> } {
    const existing = new Map<string, string>();
    for (const row of selectSourceRows.all(source) as Array<{ id: string; data_json: string }>) existing.set(row.id, row.data_json);
    const result = { added: 0, updated: 0, unchanged: 0, removed: 0, conflicts: [] as ImportPlan["conflicts"], existing };
    const incoming = new Set<string>();
    for (const listing of listings) {
      incoming.add(listing.id);
      const old = existing.get(listing.id);
      if (old === undefined) {
        const owner = selectOwner.get(listing.id) as { source: string } | undefined;
        if (owner) result.conflicts.push({ id: listing.id, source: owner.source });
        else result.added += 1;
      } else if (old === JSON.stringify(listing)) result.unchanged += 1;
      else result.updated += 1;
    }
    for (const id of existing.keys()) if (!incoming.has(id)) result.removed += 1;
    return result;
  }

  return {
    all: async () => (selectAll.all() as Array<{ data_json: string }>).map((r) => JSON.parse(r.data_json) as Listing),
    count: async () => (countListings.get() as { n: number }).n,
    sources: async () => (selectSources.all() as Array<{ source: string }>).map((r) => r.source),
    sourceHash: async (source) => (selectHash.get(source) as { content_hash: string } | undefined)?.content_hash,
    async plan(source, listings) {
      const { existing: _existing, ...rest } = plan(source, listings);
      return rest;
    },
    async replaceSource(source, hash, listings, at) {
      cached = undefined;
      return db.transaction(() => {
        const { existing, ...result } = plan(source, listings);
        if (result.conflicts.length > 0) return result;
        upsertSource.run(source, hash, listings.length, at.getTime());
        const incoming = new Set(listings.map((l) => l.id));
        for (const id of existing.keys()) if (!incoming.has(id)) deleteListing.run(id);
        for (const listing of listings) {
          const json = JSON.stringify(listing);
          if (existing.get(listing.id) === json) continue;
          upsertListing.run({
            id: listing.id,
            source,
            name: listing.name,
            city: listing.city ?? null,
            postcode: listing.postcode ?? null,
            categories: listing.categories.join("|"),
            latitude: listing.latitude,
            longitude: listing.longitude,
            data_json: json,
            updated_at: at.getTime(),
          });
        }
        return result;
      })();
    },
    async removeSource(source) {
      cached = undefined;
      return db.transaction(() => {
        const removed = deleteSourceListings.run(source).changes;
        deleteSource.run(source);
        return removed;
      })();
    },
    async version() {
      const dataVersion = readDataVersion.get();
      if (cached && cached.dataVersion === dataVersion) return cached.version;
      const row = selectVersion.get() as { n: number; at: number; total: number };
      cached = { dataVersion, version: `${row.n}:${row.at}:${row.total}` };
      return cached.version;
    },
  };
}
