import type { Listing } from "../../listings/listing-model.js";
import type { ImportPlan, ListingsRepository } from "../../listings/listings-repository.js";
import { pgText, withTransaction, type PgPool, type PgQueryable } from "./pool.js";

/** Listings upserted per statement during an import. */
const BATCH = 500;

/**
 * {@link ListingsRepository} on PostgreSQL. Imports and removals take a transaction-level advisory
 * lock, so two instances importing at start (or a CLI import meanwhile) run one after the other.
 */
export function createPostgresListingsRepository(pool: PgPool): ListingsRepository {
  async function plan(db: PgQueryable, source: string, listings: Listing[]): Promise<ImportPlan & { existing: Map<string, string> }> {
    const existing = new Map<string, string>();
    const own = await db.query<{ id: string; data_json: string }>("SELECT id, data_json FROM listings WHERE source = $1", [source]);
    for (const row of own.rows) existing.set(row.id, row.data_json);
    const result = { added: 0, updated: 0, unchanged: 0, removed: 0, conflicts: [] as ImportPlan["conflicts"], existing };
    const incoming = new Set<string>();
    const newIds = listings.filter((l) => !existing.has(l.id)).map((l) => l.id);
    const owners = new Map<string, string>();
    if (newIds.length > 0) {
      const found = await db.query<{ id: string; source: string }>("SELECT id, source FROM listings WHERE id = ANY($1::text[])", [newIds]);
      for (const row of found.rows) owners.set(row.id, row.source);
    }
    for (const listing of listings) {
      incoming.add(listing.id);
      const old = existing.get(listing.id);
      if (old === undefined) {
        const owner = owners.get(listing.id);
        if (owner !== undefined) result.conflicts.push({ id: listing.id, source: owner });
        else result.added += 1;
      } else if (old === pgText(JSON.stringify(listing))) result.unchanged += 1;
      else result.updated += 1;
    }
    for (const id of existing.keys()) if (!incoming.has(id)) result.removed += 1;
    return result;
  }

  const lockImports = (db: PgQueryable) => db.query("SELECT pg_advisory_xact_lock(hashtext('wijkwijzer:listings:' || current_schema()))");

  return {
    async all() {
      const { rows } = await pool.query<{ data_json: string }>("SELECT data_json FROM listings ORDER BY id COLLATE \"C\"");
      return rows.map((r) => JSON.parse(r.data_json) as Listing);
    },
    async count() {
      return (await pool.query<{ n: number }>("SELECT COUNT(*) AS n FROM listings")).rows[0]?.n ?? 0;
    },
    async sources() {
      return (await pool.query<{ source: string }>("SELECT source FROM listing_sources ORDER BY source COLLATE \"C\"")).rows.map((r) => r.source);
    },
    async sourceHash(source) {
      return (await pool.query<{ content_hash: string }>("SELECT content_hash FROM listing_sources WHERE source = $1", [source])).rows[0]?.content_hash;
    },
    async plan(source, listings) {
      const { existing: _existing, ...rest } = await plan(pool, source, listings);
      return rest;
    },
    async replaceSource(source, hash, listings, at) {
      return withTransaction(pool, async (client) => {
        await lockImports(client);
        const { existing, ...result } = await plan(client, source, listings);
        if (result.conflicts.length > 0) return result;
        await client.query(
          `INSERT INTO listing_sources (source, content_hash, listing_count, imported_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (source) DO UPDATE SET content_hash = excluded.content_hash, listing_count = excluded.listing_count, imported_at = excluded.imported_at`,
          [source, hash, listings.length, at.getTime()],
        );
        const incoming = new Set(listings.map((l) => l.id));
        const gone = [...existing.keys()].filter((id) => !incoming.has(id));
        if (gone.length > 0) await client.query("DELETE FROM listings WHERE id = ANY($1::text[])", [gone]);
        const changed = listings
          .map((listing) => ({ listing, json: pgText(JSON.stringify(listing)) }))
          .filter(({ listing, json }) => existing.get(listing.id) !== json);
        for (let i = 0; i < changed.length; i += BATCH) {
          const batch = changed.slice(i, i + BATCH);
          await client.query(
            `INSERT INTO listings (id, source, name, city, postcode, categories, latitude, longitude, data_json, updated_at)
             SELECT r.id, $1, r.name, r.city, r.postcode, r.categories, r.latitude, r.longitude, r.data_json, $2
               FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::text[])
                 AS r(id, name, city, postcode, categories, latitude, longitude, data_json)
             ON CONFLICT (id) DO UPDATE SET source = excluded.source, name = excluded.name, city = excluded.city,
               postcode = excluded.postcode, categories = excluded.categories, latitude = excluded.latitude,
               longitude = excluded.longitude, data_json = excluded.data_json, updated_at = excluded.updated_at`,
            [
              source,
              at.getTime(),
              batch.map(({ listing }) => listing.id),
              batch.map(({ listing }) => pgText(listing.name)),
              batch.map(({ listing }) => (listing.city === undefined ? null : pgText(listing.city))),
              batch.map(({ listing }) => listing.postcode ?? null),
              batch.map(({ listing }) => listing.categories.join("|")),
              batch.map(({ listing }) => listing.latitude),
              batch.map(({ listing }) => listing.longitude),
              batch.map(({ json }) => json),
            ],
          );
        }
        return result;
      });
    },
    async removeSource(source) {
      return withTransaction(pool, async (client) => {
        await lockImports(client);
        const removed = (await client.query("DELETE FROM listings WHERE source = $1", [source])).rowCount ?? 0;
        await client.query("DELETE FROM listing_sources WHERE source = $1", [source]);
        return removed;
      });
    },
    async version() {
      const { rows } = await pool.query<{ n: number; at: number; total: number }>(
        "SELECT COUNT(*) AS n, COALESCE(MAX(imported_at), 0) AS at, COALESCE(SUM(listing_count), 0)::bigint AS total FROM listing_sources",
      );
      const row = rows[0]!;
      return `${row.n}:${row.at}:${row.total}`;
    },
  };
}
