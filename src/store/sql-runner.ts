/**
 * The little SQL both desk store implementations need: rows from a query, changed rows from a
 * statement. Queries are written once with PostgreSQL's `$1` placeholders; the SQLite runner
 * rewrites them to `?` and binds booleans as 0/1.
 */
import pg from "pg";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SqliteDatabase } from "./database.js";

export type SqlValue = string | number | boolean | null;

export interface SqlRunner {
  readonly dialect: "sqlite" | "postgres";
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** Rows changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
  close(): Promise<void>;
}

export function createSqliteRunner(db: SqliteDatabase): SqlRunner {
  const cache = new Map<string, { statement: ReturnType<SqliteDatabase["prepare"]>; order: number[] }>();
  const prepare = (sql: string) => {
    let entry = cache.get(sql);
    if (!entry) {
      const order: number[] = [];
      const rewritten = sql.replace(/\$(\d+)/g, (_m, n: string) => {
        order.push(Number(n) - 1);
        return "?";
      });
      entry = { statement: db.prepare(rewritten), order };
      cache.set(sql, entry);
    }
    return entry;
  };
  const bind = (order: number[], params: SqlValue[]) => order.map((i) => (typeof params[i] === "boolean" ? (params[i] ? 1 : 0) : params[i] ?? null));
  return {
    dialect: "sqlite",
    async all<T>(sql: string, params: SqlValue[] = []) {
      const { statement, order } = prepare(sql);
      return statement.all(bind(order, params)) as T[];
    },
    async run(sql, params = []) {
      const { statement, order } = prepare(sql);
      return statement.run(bind(order, params)).changes;
    },
    // The database belongs to the app; it closes it.
    async close() {},
  };
}

const PG_MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), "pg-migrations");
/** Any fixed number: instances starting together on an empty database wait for each other. */
const MIGRATION_LOCK = 727_001;

/** A runner on a PostgreSQL pool; applies the desk's migrations first, under an advisory lock. */
export async function createPgRunner(connectionString: string): Promise<SqlRunner> {
  const pool = new pg.Pool({ connectionString, max: 5 });
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS desk_schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)");
    const applied = new Set((await client.query<{ name: string }>("SELECT name FROM desk_schema_migrations")).rows.map((r) => r.name));
    for (const file of readdirSync(PG_MIGRATIONS).filter((f) => f.endsWith(".sql")).sort()) {
      if (applied.has(file)) continue;
      await client.query("BEGIN");
      try {
        await client.query(readFileSync(join(PG_MIGRATIONS, file), "utf8"));
        await client.query("INSERT INTO desk_schema_migrations (name, applied_at) VALUES ($1, $2)", [file, Date.now()]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return {
    dialect: "postgres",
    async all<T>(sql: string, params: SqlValue[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async run(sql, params = []) {
      return (await pool.query(sql, params)).rowCount ?? 0;
    },
    close: () => pool.end(),
  };
}
