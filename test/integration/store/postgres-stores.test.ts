/**
 * PostgreSQL as a whole: migrations under the advisory lock when instances start together on an
 * empty database, and the real app (createApp) on DATABASE_URL.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp } from "../../../src/main.js";
import { openPostgresStores } from "../../../src/store/postgres/postgres-stores.js";
import { createTestSchema, postgresAvailable, type TestSchema } from "../../support/postgres.js";

const NAME = "PostgreSQL stores";
const MIGRATIONS = readdirSync(fileURLToPath(new URL("../../../src/store/migrations/postgres", import.meta.url))).filter((f) => f.endsWith(".sql")).sort();

if (postgresAvailable(NAME)) {
  describe(NAME, () => {
    let schema: TestSchema | undefined;
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
      await schema?.drop();
      schema = undefined;
    });

    async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
      const client = new pg.Client({ connectionString: schema!.url, options: `-c search_path=${schema!.schema}` });
      await client.connect();
      try {
        return (await client.query<T>(sql)).rows;
      } finally {
        await client.end();
      }
    }

    it("migrates once when three instances start together on an empty database", async () => {
      schema = await createTestSchema();
      const opened = await Promise.all([1, 2, 3].map(() => openPostgresStores(schema!.url, { schema: schema!.schema, max: 2 })));
      cleanups.push(async () => {
        for (const stores of opened) await stores.close();
      });
      const applied = await query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
      expect(applied.map((r) => r.name)).toEqual(MIGRATIONS);
      // Every instance works on the one schema.
      await opened[0]!.conversations.ensureConversation({ conversationId: "telegram:1", channel: "telegram", userId: "telegram:1" }, new Date());
      await opened[1]!.conversations.appendMessage({ conversationId: "telegram:1", direction: "in", text: "hallo", at: new Date() });
      expect((await opened[2]!.conversations.recentMessages("telegram:1", 5)).map((m) => m.text)).toEqual(["hallo"]);
      // A later start finds nothing to do.
      const later = await openPostgresStores(schema.url, { schema: schema.schema, max: 1 });
      await later.close();
      expect(await query("SELECT name FROM schema_migrations")).toHaveLength(MIGRATIONS.length);
    });

    it("refuses a database it cannot reach with a clear error, without hanging", async () => {
      await expect(openPostgresStores("postgres://nobody@127.0.0.1:9/none")).rejects.toThrow(/ECONNREFUSED|connect/);
    });

    it("keeps a NUL out of the database instead of failing the write", async () => {
      schema = await createTestSchema();
      const stores = await openPostgresStores(schema.url, { schema: schema.schema, max: 1 });
      cleanups.push(() => stores.close());
      await stores.conversations.recordInbound(
        { conversationId: "slack:C1", channel: "slack", userId: "slack:U1" },
        { conversationId: "slack:C1", direction: "in", text: "a\u0000b", at: new Date() },
      );
      await stores.conversations.mergeState("slack:C1", { lastQuestion: "x\u0000y" });
      expect((await stores.conversations.recentMessages("slack:C1", 1))[0]?.text).toBe("a\uFFFDb");
      expect((await stores.conversations.getState("slack:C1")).lastQuestion).toBe("x\uFFFDy");
    });

    it("runs the real app on DATABASE_URL: listings imported there, conversations recorded there", async () => {
      schema = await createTestSchema();
      const dir = mkdtempSync(join(tmpdir(), "ww-pg-app-"));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      const url = new URL(schema.url);
      url.searchParams.set("options", `-c search_path=${schema.schema}`);
      const config = parseConfig({ DATA_DIR: dir, DATABASE_URL: url.toString() });
      const app = await createApp(config, { logger: createLogger("silent", new Writable({ write: (_c, _e, cb) => cb() })) });
      cleanups.push(() => app.close());
      expect(app.stores.kind).toBe("postgres");
      expect(app.db).toBeUndefined();
      const [row] = await query<{ n: number }>("SELECT COUNT(*)::int AS n FROM listings");
      expect(row?.n).toBeGreaterThan(0);
      const reply = await app.assistant.handle({
        id: "1",
        channel: "terminal",
        conversationId: "terminal:pg",
        userId: "terminal:pg",
        persona: "resident",
        text: "Wat is de sociale basis?",
        receivedAt: new Date(),
      });
      expect(reply.replies.length).toBeGreaterThan(0);
      const rows = await query<{ direction: string; text: string }>("SELECT direction, text FROM messages WHERE conversation_id = 'terminal:pg' ORDER BY id");
      expect(rows[0]).toEqual({ direction: "in", text: "Wat is de sociale basis?" });
      expect(rows.slice(1).map((r) => r.text)).toEqual(reply.replies.map((r) => r.text));
    }, 120_000);
  });
}
