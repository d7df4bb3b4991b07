/**
 * The desk stores' contract on SQLite (a real file) and PostgreSQL (a fresh schema in
 * TEST_DATABASE_URL; skipped locally without it, failing in CI).
 */
import { forEachBackend } from "../../support/store-backends.js";
import { deskStoresContract } from "./desk-stores.contract.js";

forEachBackend("DeskStores", (db) => deskStoresContract(async () => db().stores.desk));
