/**
 * Erasure reaches the bytes: after /vergeet the erased phone number and BSN are in neither the SQLite
 * file nor its WAL (secure_delete zeroes freed space, a checkpoint truncates the WAL), and the data is
 * the owner's only (folder 0700, files 0600).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import type { InboundMessage } from "../../../src/core/types.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp } from "../../../src/main.js";
import { openSqliteStores } from "../../../src/store/sqlite/sqlite-stores.js";

// Fictional: a BSN that passes the eleven-test, and a made-up mobile number.
const BSN = "111222333";
const PHONE = "0612398745";

const rawBytes = (path: string) =>
  [path, `${path}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file).toString("latin1")).join("");

describe("erasure on SQLite, down to the bytes", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("/vergeet in the app leaves the number and the BSN in neither the database file nor the WAL", async () => {
    dir = mkdtempSync(join(tmpdir(), "ww-erase-app-"));
    const dataDir = join(dir, "data");
    const app = await createApp(parseConfig({ DATA_DIR: dataDir }), { logger: createLogger("silent", new Writable({ write: (_c, _e, cb) => cb() })) });
    const file = join(dataDir, "wijkwijzer.sqlite");
    try {
      let n = 0;
      const say = (text: string, action?: InboundMessage["action"]) =>
        app.assistant.handle({
          id: String(++n),
          channel: "terminal",
          conversationId: "terminal:erase",
          userId: "terminal:erase",
          persona: "resident",
          text,
          ...(action ? { action } : {}),
          receivedAt: new Date(),
        });
      await say(`Mijn BSN is ${BSN} en bel me op ${PHONE}`);
      await say(`Nog een keer: ${PHONE}, ${BSN}. Waar kan ik koffie drinken?`);
      // Before: the words are there (the test can see them).
      expect(rawBytes(file)).toContain(PHONE);
      await say("/vergeet");
      await say("", { id: "forget_confirm" });
      const bytes = rawBytes(file);
      expect(bytes).not.toContain(PHONE);
      expect(bytes).not.toContain(BSN);
      expect(await app.store.recentMessages("terminal:erase", 10)).toEqual([]);

      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) expect(statSync(f).mode & 0o777).toBe(0o600);
    } finally {
      await app.close();
    }
  }, 120_000);

  it("erasing tickets, relays and raw updates scrubs them from the file and the WAL too", async () => {
    dir = mkdtempSync(join(tmpdir(), "ww-erase-stores-"));
    const file = join(dir, "wijkwijzer.sqlite");
    const stores = openSqliteStores(file);
    try {
      const t0 = new Date("2026-11-23T09:00:00Z");
      const conv = { conversationId: "telegram:77", channel: "telegram" as const, userId: "telegram:77" };
      await stores.conversations.recordInbound(conv, { conversationId: conv.conversationId, direction: "in", text: `BSN ${BSN}`, at: t0 });
      const { ticket } = await stores.tickets.create({ ...conv, priority: "normal", reason: "handoff", topic: "geld", summary: `Vraag: mijn BSN is ${BSN}`, desk: "slack", at: t0 });
      await stores.outbox.enqueue({ lane: "desk:1", ticketId: ticket.id, kind: "desk_message", payload: { text: `Bewoner: bel ${PHONE}` } }, t0);
      const [job] = await stores.outbox.claimDue(t0, 1, new Date(t0.getTime() + 60_000));
      await stores.outbox.markDelivered(job!.id, t0);
      await stores.inbox.record({ key: "telegram:update:1", chat: "telegram:77", userId: "telegram:77", payload: { text: `mijn nummer ${PHONE}` } }, t0);
      const item = await stores.inbox.lease("w", 30_000, t0);
      await stores.inbox.complete(item!.id, "w", [], t0);
      expect(rawBytes(file)).toContain(BSN);

      const { ids } = await stores.tickets.forgetUser("telegram:77", t0);
      await stores.outbox.forget({ ticketIds: ids, lanes: ["resident:telegram:77"] });
      await stores.conversations.forgetUser("telegram:77");
      const bytes = rawBytes(file);
      expect(bytes).not.toContain(PHONE);
      expect(bytes).not.toContain(BSN);
      expect(await stores.inbox.pending()).toBe(0);
    } finally {
      await stores.close();
    }
  });
});
