import type { Stores } from "../stores.js";
import { createSqliteConversationStore } from "./conversation-store.js";
import { openDatabase, type SqliteDatabase } from "./database.js";
import { createSqliteInbox } from "./inbox.js";
import { createSqliteListingsRepository } from "./listings-repository.js";
import { createSqliteOutboxStore } from "./outbox-store.js";
import { createSqliteTicketStore } from "./ticket-store.js";

/** Every store on one SQLite file (":memory:" for a throw-away one); `db` is there for tests and tools. */
export function openSqliteStores(path: string): Stores & { kind: "sqlite"; db: SqliteDatabase } {
  const db = openDatabase(path);
  return sqliteStoresOn(db);
}

/** Every store on an open SQLite database. */
export function sqliteStoresOn(db: SqliteDatabase): Stores & { kind: "sqlite"; db: SqliteDatabase } {
  return {
    kind: "sqlite",
    db,
    conversations: createSqliteConversationStore(db),
    tickets: createSqliteTicketStore(db),
    outbox: createSqliteOutboxStore(db),
    listings: createSqliteListingsRepository(db),
    inbox: createSqliteInbox(db),
    async close() {
      if (db.open) db.close();
    },
  };
}
