import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;
/** A pool or a client inside a transaction: both run queries. */
export type PgQueryable = Pick<pg.Pool, "query">;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "migrations", "postgres");
const INT8 = 20;

/**
 * BIGINT columns (times in epoch milliseconds, ids) come back as numbers, not strings: every value
 * we store is far below 2^53. Per pool, so nothing global changes.
 */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8 && format !== "binary" ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PoolOptions {
  /** Schema for every table (tests give each suite its own); default the server's search_path. */
  schema?: string;
  /** Connections in the pool; default 10. */
  max?: number;
}

/** A connection pool for DATABASE_URL. */
export function createPool(url: string, options: PoolOptions = {}): PgPool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    // Fail fast when the server is not there instead of hanging a start or a request.
    connectionTimeoutMillis: 10_000,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on("error", () => undefined);
  return pool;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs `fn` in one transaction on one client: committed when it resolves, rolled back when it throws. */
export async function withTransaction<T>(pool: PgPool, fn: (client: PgClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Applies pending migrations (`src/store/migrations/postgres/NNNN_name.sql`, in name order, each in
 * its own transaction) under a session advisory lock, so instances that start together on an empty
 * database wait for one another instead of racing: the first applies, the others find nothing to do.
 */
export async function migratePostgres(pool: PgPool): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    // One lock per schema: suites in their own schemas do not wait for each other.
    await client.query("SELECT pg_advisory_lock(hashtext('wijkwijzer:migrations:' || current_schema()))");
    try {
      await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)");
      const done = new Set((await client.query<{ name: string }>("SELECT name FROM schema_migrations")).rows.map((r) => r.name));
      const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith(".sql")).sort();
      for (const file of files) {
        if (done.has(file)) continue;
        const sql = readFileSync(join(MIGRATIONS_DIR, file), "utf8");
        await client.query("BEGIN");
        try {
          await client.query(sql);
          await client.query("INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)", [file, Date.now()]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw new Error(`PostgreSQL migration ${file} failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push(file);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('wijkwijzer:migrations:' || current_schema()))").catch(() => undefined);
    }
  } finally {
    client.release();
  }
  return applied;
}

/** PostgreSQL refuses NUL in text; it cannot come from a person, so it becomes U+FFFD instead of an error. */
export function pgText(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "\uFFFD") : text;
}
