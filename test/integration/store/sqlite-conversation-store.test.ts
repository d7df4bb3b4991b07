import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type SqliteDatabase } from "../../../src/store/sqlite/database.js";
import { createSqliteConversationStore } from "../../../src/store/sqlite/conversation-store.js";

describe("SqliteConversationStore on a real SQLite file", () => {
  let dir: string;
  let db: SqliteDatabase;
  const t0 = new Date("2026-11-22T10:00:00Z");

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "ww-store-"));
    db = openDatabase(join(dir, "test.sqlite"));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("records messages in order and survives a reopen", async () => {
    const store = createSqliteConversationStore(db);
    await store.ensureConversation({ conversationId: "telegram:1", channel: "telegram", userId: "telegram:7" }, t0);
    await store.appendMessage({ conversationId: "telegram:1", direction: "in", text: "hallo", at: t0 });
    await store.appendMessage({ conversationId: "telegram:1", direction: "out", text: "Hallo!", intent: "smalltalk", at: t0 });
    await store.setState("telegram:1", { place: "3701" });
    db.close();
    db = openDatabase(join(dir, "test.sqlite"));
    const reopened = createSqliteConversationStore(db);
    const messages = await reopened.recentMessages("telegram:1", 10);
    expect(messages.map((m) => [m.direction, m.text, m.intent])).toEqual([
      ["in", "hallo", undefined],
      ["out", "Hallo!", "smalltalk"],
    ]);
    expect(await reopened.getState("telegram:1")).toEqual({ place: "3701" });
  });

  it("records a turn in two writes: the message in, then the replies with the state patch merged", async () => {
    const store = createSqliteConversationStore(db);
    const ref = { conversationId: "telegram:1", channel: "telegram" as const, userId: "telegram:7" };
    await store.recordInbound(ref, { conversationId: ref.conversationId, direction: "in", text: "koffie in 3701?", at: t0 });
    // Another capability writes its own key during the turn; the patch must not clobber it.
    await store.setState(ref.conversationId, { handoff: { pending: true }, listingsMemory: "old" });
    const later = new Date(t0.getTime() + 1000);
    await store.recordReplies(ref.conversationId, later, [{ text: "Koffie-ochtend", intent: "listings" }, { text: "Nog iets?", intent: "listings" }], {
      place: "3701",
      listingsMemory: undefined,
    });
    expect((await store.recentMessages(ref.conversationId, 10)).map((m) => [m.direction, m.text, m.intent, m.at.getTime()])).toEqual([
      ["in", "koffie in 3701?", undefined, t0.getTime()],
      ["out", "Koffie-ochtend", "listings", later.getTime()],
      ["out", "Nog iets?", "listings", later.getTime()],
    ]);
    expect(await store.getState(ref.conversationId)).toEqual({ handoff: { pending: true }, place: "3701" });
    expect(db.prepare("SELECT created_at, updated_at FROM conversations WHERE id = ?").get(ref.conversationId)).toEqual({
      created_at: t0.getTime(),
      updated_at: later.getTime(),
    });
  });

  it("keeps messages and deliveries when the write-light tables replace the old ones", async () => {
    db.close();
    const file = join(dir, "old.sqlite");
    db = openDatabase(file);
    // Back to the database as the first three migrations left it, with data in it.
    db.exec(`DROP TABLE messages; DROP TABLE deliveries; DROP TABLE inbox;
      CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')), text TEXT NOT NULL, intent TEXT, at INTEGER NOT NULL);
      CREATE TABLE deliveries (key TEXT PRIMARY KEY, at INTEGER NOT NULL);
      INSERT INTO conversations (id, channel, user_id, created_at, updated_at) VALUES ('c', 'terminal', 'u', 1, 1);
      INSERT INTO messages (conversation_id, direction, text, at) VALUES ('c', 'in', 'eerste', 1), ('c', 'out', 'tweede', 2);
      INSERT INTO deliveries (key, at) VALUES ('telegram:update:5', 1);
      DELETE FROM schema_migrations WHERE name > '0004';`);
    db.close();
    db = openDatabase(file);
    const store = createSqliteConversationStore(db);
    expect((await store.recentMessages("c", 10)).map((m) => m.text)).toEqual(["eerste", "tweede"]);
    expect(await store.markDelivery("telegram:update:5", t0)).toBe(false);
    await store.appendMessage({ conversationId: "c", direction: "in", text: "derde", at: t0 });
    expect((await store.recentMessages("c", 10)).map((m) => m.text)).toEqual(["eerste", "tweede", "derde"]);
  });

  it("stores text that looks like SQL exactly as typed", async () => {
    const store = createSqliteConversationStore(db);
    const evil = "'); DROP TABLE messages;-- \u0000 😀";
    await store.ensureConversation({ conversationId: "c", channel: "terminal", userId: "u" }, t0);
    await store.appendMessage({ conversationId: "c", direction: "in", text: evil, at: t0 });
    expect((await store.recentMessages("c", 1))[0]?.text).toBe(evil);
  });

  it("de-duplicates deliveries by key", async () => {
    const store = createSqliteConversationStore(db);
    expect(await store.markDelivery("telegram:update:1", t0)).toBe(true);
    expect(await store.markDelivery("telegram:update:1", t0)).toBe(false);
    expect(await store.markDelivery("telegram:update:2", t0)).toBe(true);
  });

  it("forgets one user completely and leaves others alone", async () => {
    const store = createSqliteConversationStore(db);
    for (const user of ["a", "b"]) {
      await store.ensureConversation({ conversationId: `conv-${user}`, channel: "telegram", userId: user }, t0);
      await store.appendMessage({ conversationId: `conv-${user}`, direction: "in", text: "vraag", at: t0 });
      await store.recordFeedback({ conversationId: `conv-${user}`, messageRef: "1", value: "up", at: t0 });
    }
    expect(await store.forgetUser("a")).toBe(3);
    expect(await store.recentMessages("conv-a", 10)).toEqual([]);
    expect(await store.getState("conv-a")).toEqual({});
    expect(db.prepare("SELECT COUNT(*) AS n FROM feedback").get()).toEqual({ n: 1 });
    expect(await store.recentMessages("conv-b", 10)).toHaveLength(1);
  });

  it("purges messages older than the retention date", async () => {
    const store = createSqliteConversationStore(db);
    const old = new Date(t0.getTime() - 100 * 86_400_000);
    await store.ensureConversation({ conversationId: "c", channel: "slack", userId: "u" }, old);
    await store.appendMessage({ conversationId: "c", direction: "in", text: "oud", at: old });
    await store.appendMessage({ conversationId: "c", direction: "in", text: "nieuw", at: t0 });
    const removed = await store.purgeOlderThan(new Date(t0.getTime() - 90 * 86_400_000));
    expect(removed).toBe(1);
    expect((await store.recentMessages("c", 10)).map((m) => m.text)).toEqual(["nieuw"]);
  });
});
