import type { Stores } from "../stores.js";
import { createPostgresConversationStore } from "./conversation-store.js";
import { createPostgresInbox } from "./inbox.js";
import { createPostgresListingsRepository } from "./listings-repository.js";
import { createPostgresOutboxStore } from "./outbox-store.js";
import { createPool, migratePostgres, type PgPool, type PoolOptions } from "./pool.js";
import { createPostgresTicketStore } from "./ticket-store.js";

/**
 * Every store on one PostgreSQL database (DATABASE_URL): connects, migrates under the advisory lock,
 * and builds the stores on one pool. `pool` is there for tests and tools.
 */
export async function openPostgresStores(url: string, options: PoolOptions = {}): Promise<Stores & { kind: "postgres"; pool: PgPool }> {
  const pool = createPool(url, options);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return {
    kind: "postgres",
    pool,
    conversations: createPostgresConversationStore(pool),
    tickets: createPostgresTicketStore(pool),
    outbox: createPostgresOutboxStore(pool),
    listings: createPostgresListingsRepository(pool),
    inbox: createPostgresInbox(pool),
    async close() {
      await pool.end();
    },
  };
}
