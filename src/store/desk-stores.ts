/**
 * The desk's stores over a {@link SqlRunner}: the same SQL on the stores' SQLite database and on
 * their PostgreSQL pool (`sqlite-stores.ts`, `postgres-stores.ts` build them with the rest).
 */
import type { DeskStores } from "../desk/desk-ports.js";
import { createSqlDeskAudit, createSqlDeskSessions, createSqlDeskUsers, createSqlSavedReplies } from "./sql-desk-accounts.js";
import { createSqlCheckIns, createSqlUsageStats } from "./sql-desk-insights.js";
import type { SqlRunner } from "./sql-runner.js";

export function deskStoresOn(sql: SqlRunner): DeskStores {
  return {
    users: createSqlDeskUsers(sql),
    sessions: createSqlDeskSessions(sql),
    audit: createSqlDeskAudit(sql),
    replies: createSqlSavedReplies(sql),
    usage: createSqlUsageStats(sql),
    checkIns: createSqlCheckIns(sql),
  };
}
