/**
 * Builds the desk's stores: PostgreSQL when `DATABASE_URL` is set, otherwise the app's SQLite file.
 */
import type { DeskStores } from "../desk/desk-ports.js";
import type { SqliteDatabase } from "./database.js";
import { createSqlDeskAudit, createSqlDeskSessions, createSqlDeskUsers, createSqlSavedReplies } from "./sql-desk-accounts.js";
import { createSqlCheckIns, createSqlUsageStats } from "./sql-desk-insights.js";
import { createPgRunner, createSqliteRunner, type SqlRunner } from "./sql-runner.js";

export function deskStoresOn(sql: SqlRunner): DeskStores {
  return {
    users: createSqlDeskUsers(sql),
    sessions: createSqlDeskSessions(sql),
    audit: createSqlDeskAudit(sql),
    replies: createSqlSavedReplies(sql),
    usage: createSqlUsageStats(sql),
    checkIns: createSqlCheckIns(sql),
    close: () => sql.close(),
  };
}

/** SQLite desk stores in the app's database (migrations ran when it was opened). */
export function createSqliteDeskStores(db: SqliteDatabase): DeskStores {
  return deskStoresOn(createSqliteRunner(db));
}

/** PostgreSQL desk stores; runs the desk migrations under a lock first. */
export async function createPgDeskStores(connectionString: string): Promise<DeskStores> {
  return deskStoresOn(await createPgRunner(connectionString));
}
