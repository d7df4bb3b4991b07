/**
 * The desk stores' contract on SQLite (a real file) and PostgreSQL (`TEST_DATABASE_URL`, e.g.
 * postgres://postgres@127.0.0.1:5433/desk_test). Without it PostgreSQL is skipped locally; in CI it must run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, it } from "vitest";
import type { DeskStores } from "../../../src/desk/desk-ports.js";
import { openDatabase } from "../../../src/store/database.js";
import { createPgDeskStores, createSqliteDeskStores } from "../../../src/store/desk-stores.js";
import { deskStoresContract } from "./desk-stores.contract.js";

const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-desk-stores-"));
let open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of open) await close();
  open = [];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("desk stores on SQLite", () => {
  let n = 0;
  deskStoresContract(async () => {
    const db = openDatabase(join(dir, `desk-${n++}.sqlite`));
    const stores = createSqliteDeskStores(db);
    open.push(async () => void db.close());
    return stores;
  });
});

const url = process.env.TEST_DATABASE_URL;
if (!url && process.env.CI) {
  describe("desk stores on PostgreSQL", () => {
    it("needs TEST_DATABASE_URL in CI", () => {
      throw new Error("TEST_DATABASE_URL is not set: the PostgreSQL contract must run in CI");
    });
  });
}
describe.skipIf(!url)("desk stores on PostgreSQL", () => {
  deskStoresContract(async () => {
    // A clean database per test: drop the desk's tables, then the stores migrate again.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      "DROP TABLE IF EXISTS desk_sessions, desk_users, desk_audit, desk_saved_replies, usage_events, knowledge_gaps, checkins, desk_schema_migrations CASCADE",
    );
    await admin.end();
    const stores: DeskStores = await createPgDeskStores(url!);
    open.push(() => stores.close());
    return stores;
  });
});
