/**
 * The little SQL both desk store implementations need: rows from a query, changed rows from a
 * statement. Queries are written once with PostgreSQL's `$1` placeholders; the SQLite runner
 * rewrites them to `?` and binds booleans as 0/1.
 */
import type { PgQueryable } from "./postgres/pool.js";
import type { SqliteDatabase } from "./sqlite/database.js";

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
    // The database belongs to the stores; they close it.
    async close() {},
  };
}

/** A runner on the stores' PostgreSQL pool (migrated by `openPostgresStores`); the pool belongs to the stores. */
export function createPgRunner(pool: PgQueryable): SqlRunner {
  return {
    dialect: "postgres",
    async all<T>(sql: string, params: SqlValue[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async run(sql, params = []) {
      return (await pool.query(sql, params)).rowCount ?? 0;
    },
    async close() {},
  };
}
