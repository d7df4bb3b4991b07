/**
 * The stores under test, on each backend: a SQLite file in a temp dir, and PostgreSQL in a fresh
 * schema (when TEST_DATABASE_URL is set). The contract suites run the same tests on both.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe } from "vitest";
import { openPostgresStores } from "../../src/store/postgres/postgres-stores.js";
import { openSqliteStores } from "../../src/store/sqlite/sqlite-stores.js";
import type { Stores } from "../../src/store/stores.js";
import { createTestSchema, postgresAvailable } from "./postgres.js";

export interface OpenedDatabase {
  /** The stores, migrated and empty. */
  stores: Stores;
  /** A second, independent set of stores on the same database: another instance (or process). */
  another(): Promise<Stores>;
  /** Closes every store opened here and removes the database. */
  close(): Promise<void>;
}

export interface Backend {
  name: "sqlite" | "postgres";
  open(): Promise<OpenedDatabase>;
}

export const sqliteBackend: Backend = {
  name: "sqlite",
  async open() {
    const dir = mkdtempSync(join(tmpdir(), "ww-store-contract-"));
    const path = join(dir, "wijkwijzer.sqlite");
    const opened: Stores[] = [openSqliteStores(path)];
    return {
      stores: opened[0]!,
      async another() {
        const stores = openSqliteStores(path);
        opened.push(stores);
        return stores;
      },
      async close() {
        for (const stores of opened) await stores.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export const postgresBackend: Backend = {
  name: "postgres",
  async open() {
    const schema = await createTestSchema();
    const opened: Stores[] = [await openPostgresStores(schema.url, { schema: schema.schema, max: 4 })];
    return {
      stores: opened[0]!,
      async another() {
        const stores = await openPostgresStores(schema.url, { schema: schema.schema, max: 4 });
        opened.push(stores);
        return stores;
      },
      async close() {
        for (const stores of opened) await stores.close();
        await schema.drop();
      },
    };
  },
};

/**
 * Runs `contract` once per backend, each test on a fresh database: `db()` gives the one of the
 * running test. The PostgreSQL half follows {@link postgresAvailable}.
 */
export function forEachBackend(port: string, contract: (db: () => OpenedDatabase, backend: Backend) => void): void {
  for (const backend of [sqliteBackend, postgresBackend]) {
    const name = `${port} contract on ${backend.name}`;
    if (backend.name === "postgres" && !postgresAvailable(name)) continue;
    describe(name, () => {
      let current: OpenedDatabase | undefined;
      beforeEach(async () => {
        current = await backend.open();
      });
      afterEach(async () => {
        await current?.close();
        current = undefined;
      });
      contract(() => {
        if (!current) throw new Error("no database open");
        return current;
      }, backend);
    });
  }
}
