/**
 * PostgreSQL for tests: TEST_DATABASE_URL points at a database tests may write to; every suite gets
 * its own fresh schema, so test files run in parallel. Without TEST_DATABASE_URL the PostgreSQL half
 * is skipped locally, and fails loudly in CI (CI must never skip it silently).
 */
import { randomBytes } from "node:crypto";
import { describe, it } from "vitest";
import { quoteIdent } from "../../src/store/postgres/pool.js";
import { adminQuery } from "./pg-admin.js";

export { adminQuery, schemaUrl } from "./pg-admin.js";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

/**
 * True when PostgreSQL tests can run. Otherwise registers, under `name`, one skipped test (locally)
 * or one failing test (when CI is set) and returns false.
 */
export function postgresAvailable(name: string): boolean {
  if (TEST_DATABASE_URL) return true;
  if (process.env.CI) {
    describe(name, () => {
      it("has a PostgreSQL database to run against", () => {
        throw new Error("TEST_DATABASE_URL is not set: CI must run the PostgreSQL half of the store tests (.ci/run starts a throwaway cluster)");
      });
    });
  } else {
    describe.skip(`${name} (set TEST_DATABASE_URL to run)`, () => {
      it("needs TEST_DATABASE_URL", () => undefined);
    });
  }
  return false;
}

export interface TestSchema {
  url: string;
  schema: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/** Creates a new, empty schema in the test database. */
export async function createTestSchema(): Promise<TestSchema> {
  const url = TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const schema = `test_${randomBytes(6).toString("hex")}`;
  await adminQuery(url, `CREATE SCHEMA ${quoteIdent(schema)}`);
  return {
    url,
    schema,
    drop: () => adminQuery(url, `DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`),
  };
}

