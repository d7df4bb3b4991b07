/**
 * Every store the capabilities need, on one database: SQLite in DATA_DIR by default, PostgreSQL
 * when DATABASE_URL is set. Built once in `src/main.ts` (and by the CLI and bench through it).
 */
import { join } from "node:path";
import type { Inbox } from "../channels/inbox.js";
import type { ConversationStore } from "../core/ports.js";
import type { OutboxStore } from "../handoff/outbox-store.js";
import type { TicketStore } from "../handoff/ticket-store.js";
import type { ListingsRepository } from "../listings/listings-repository.js";
import { openPostgresStores } from "./postgres/postgres-stores.js";
import { openSqliteStores } from "./sqlite/sqlite-stores.js";

export interface Stores {
  kind: "sqlite" | "postgres";
  conversations: ConversationStore;
  tickets: TicketStore;
  outbox: OutboxStore;
  listings: ListingsRepository;
  inbox: Inbox;
  /** Closes the database (connection or pool). */
  close(): Promise<void>;
}

export interface StoreConfig {
  DATA_DIR: string;
  DATABASE_URL?: string | undefined;
}

/** The SQLite file in DATA_DIR. */
export function sqlitePath(config: Pick<StoreConfig, "DATA_DIR">): string {
  return join(config.DATA_DIR, "wijkwijzer.sqlite");
}

/** Opens the configured database and brings its schema up to date (on PostgreSQL under a lock). */
export async function openStores(config: StoreConfig): Promise<Stores> {
  if (config.DATABASE_URL) return openPostgresStores(config.DATABASE_URL);
  return openSqliteStores(sqlitePath(config));
}
