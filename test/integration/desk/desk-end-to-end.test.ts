/**
 * The web desk in the whole app as `npm start` builds it (createApp + startChannels, real corpus,
 * listings and SQLite), a resident on the fake Telegram Bot API by webhook, workers and a
 * coordinator over real HTTP: ask for a person → consent → the ticket on the desk's event stream →
 * claim → reply on Telegram → the resident's answer on the desk → close → rating → the figures.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { hashPassword } from "../../../src/desk/passwords.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp, startChannels, type App, type StopChannels } from "../../../src/main.js";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../support/fake-telegram-api.js";
import { callbackUpdate, textUpdate } from "../../support/telegram-updates.js";
import { eventually } from "../handoff/handoff-app.js";
import { deskClient, login, type DeskClient } from "./desk-client.js";

const SECRET = "desk-e2e-secret";
const RESIDENT = { id: 7301, firstName: "Noor" };
const PASSWORD = "een-lang-wachtwoord-voor-tests";

describe("the web desk end to end", () => {
  let telegram: FakeTelegramApi;
  let dir: string;
  let app: App;
  let stop: StopChannels;
  let base: string;
  let sanne: DeskClient;
  let piet: DeskClient;
  let coordinator: DeskClient;
  let updateId = 1;

  const webhook = (update: object) =>
    fetch(`${base}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify({ update_id: updateId++, ...update }),
    });
  const toResident = () =>
    telegram
      .callsTo("sendMessage")
      .filter((c) => Number(c.body.chat_id) === RESIDENT.id)
      .map((c) => ({ text: String(c.body.text), markup: JSON.stringify(c.body.reply_markup ?? {}) }));

  beforeAll(async () => {
    telegram = await startFakeTelegramApi();
    dir = mkdtempSync(join(tmpdir(), "wijkwijzer-desk-e2e-"));
    const config = parseConfig({
      DATA_DIR: dir,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_URL: "https://wijkwijzer.example.org/telegram/webhook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      OFFICE_HOURS: "ma-zo 00:00-24:00",
    });
    const logger = createLogger("warn", new Writable({ write: (_c, _e, cb) => cb() }));
    app = await createApp(config, { logger, handoffTickMs: 20 });
    const users = app.desk!.stores.users;
    const hash = await hashPassword(PASSWORD);
    await users.add({ email: "sanne@example.org", name: "Sanne Bakker", role: "worker", passwordHash: hash, createdAt: new Date() });
    await users.add({ email: "piet@example.org", name: "Piet Jansen", role: "worker", passwordHash: hash, createdAt: new Date() });
    await users.add({ email: "coord@example.org", name: "Kim de Wit", role: "coordinator", passwordHash: hash, createdAt: new Date() });
    stop = await startChannels({ ...app, config: { ...app.config, PORT: 0 } });
    base = `http://127.0.0.1:${stop.port}`;
    [sanne, piet, coordinator] = await Promise.all([
      deskClient(base, "sanne@example.org", PASSWORD),
      deskClient(base, "piet@example.org", PASSWORD),
      deskClient(base, "coord@example.org", PASSWORD),
    ]);
  }, 120_000);

  afterAll(async () => {
    await stop?.();
    await app?.close();
    await telegram?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("refuses the API without a session (401) and a wrong password (401)", async () => {
    expect((await fetch(`${base}/desk/api/tickets`)).status).toBe(401);
    expect((await fetch(`${base}/desk/api/me`)).status).toBe(401);
    expect((await login(base, "sanne@example.org", "wrong-password-123")).status).toBe(401);
    const cookie = (await login(base, "sanne@example.org", PASSWORD)).headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it("carries a handoff from Telegram through the desk and back", async () => {
    const stream = sanne.events();
    try {
      await webhook(textUpdate(RESIDENT, "Ik wil graag met een mens praten over mijn huur"));
      await eventually(() => toResident().find((m) => m.markup.includes("handoff_consent_yes")), "the consent question");
      await webhook(callbackUpdate(RESIDENT, "handoff_consent_yes"));

      const created = await eventually(() => stream.seen.find((e) => e.type === "new"), "the new ticket on the event stream");
      const id = created.ticket.id;
      const queue = (await (await sanne.get("/desk/api/tickets")).json()) as { tickets: Array<{ id: number; status: string; priority: string; channel: string; claimedBy: string | null }> };
      expect(queue.tickets.find((t) => t.id === id)).toMatchObject({ status: "open", priority: "normal", channel: "telegram", claimedBy: null });

      expect((await sanne.post(`/desk/api/tickets/${id}/claim`, {}, { csrf: false })).status).toBe(403);
      const claim = await sanne.post(`/desk/api/tickets/${id}/claim`);
      expect(claim.status).toBe(200);
      expect(((await claim.json()) as { ticket: { status: string; claimedBy: string } }).ticket).toMatchObject({ status: "claimed", claimedBy: "Sanne" });
      const taken = await piet.post(`/desk/api/tickets/${id}/claim`);
      expect(taken.status).toBe(409);
      expect(((await taken.json()) as { message: string }).message).toContain("Sanne");
      await eventually(() => toResident().some((m) => m.text.startsWith("Sanne, een sociaal werker, is nu bij u")), "the claim notice on Telegram");

      expect((await piet.post(`/desk/api/tickets/${id}/messages`, { text: "Ik ben Piet" })).status).toBe(409);
      expect((await sanne.post(`/desk/api/tickets/${id}/messages`, { text: "Dag Noor, ik ben Sanne. Waar gaat het over?" })).status).toBe(202);
      await eventually(() => toResident().some((m) => m.text === "Sanne: Dag Noor, ik ben Sanne. Waar gaat het over?"), "the worker's words on Telegram");

      const before = toResident().length;
      await webhook(textUpdate(RESIDENT, "Ik heb een achterstand met de huur van twee maanden"));
      type View = { ticket: { language: string }; messages: Array<{ from: string; text: string }> };
      let resolved: View | undefined;
      for (let i = 0; i < 200 && !resolved; i++) {
        const body = (await (await sanne.get(`/desk/api/tickets/${id}`)).json()) as View;
        if (body.messages.some((m) => m.from === "resident" && m.text.includes("achterstand met de huur"))) resolved = body;
        else await new Promise((r) => setTimeout(r, 25));
      }
      if (!resolved) throw new Error("the resident's answer never showed in the desk");
      expect(resolved.messages.filter((m) => m.from === "worker").map((m) => m.text)).toEqual(["Dag Noor, ik ben Sanne. Waar gaat het over?"]);
      expect(resolved.ticket.language).toBe("nl");
      // Oldest first: the question that started it comes before the worker's first words.
      const texts = resolved.messages.map((m) => m.text);
      expect(texts.findIndex((t) => t.includes("mens praten over mijn huur"))).toBeLessThan(texts.findIndex((t) => t.startsWith("Dag Noor")));
      // A person has the chat: the bot says nothing.
      await new Promise((r) => setTimeout(r, 300));
      expect(toResident().length).toBe(before);

      expect((await sanne.post(`/desk/api/tickets/${id}/close`)).status).toBe(200);
      const closing = await eventually(() => toResident().find((m) => m.text.startsWith("Sanne heeft het gesprek afgesloten")), "the close notice with the rating");
      expect(closing.markup).toContain("handoff_rate");
      await eventually(() => stream.seen.find((e) => e.type === "closed" && e.ticket.id === id), "the closed event");
      await webhook(textUpdate(RESIDENT, "4"));
      await eventually(() => toResident().some((m) => m.text === "Dank u wel voor uw cijfer!"), "the thanks for the rating");
      expect((await app.handoff!.tickets.get(id))?.rating).toBe(4);
    } finally {
      stream.close();
    }
  });

  it("gives figures to coordinators only, reflecting the conversation", async () => {
    expect((await sanne.get("/desk/api/stats")).status).toBe(403);
    await app.desk!.usage.settle();
    const res = await coordinator.get("/desk/api/stats");
    expect(res.status).toBe(200);
    const stats = (await res.json()) as Record<string, unknown> & { feedback: { up: number; down: number }; ratings: { count: number; average: number } };
    expect(Object.keys(stats)).toEqual(expect.arrayContaining(["conversations", "messages", "handoffs", "timeToClaimP50Seconds", "feedback", "unanswered", "needsByArea"]));
    expect(stats.conversations).toBe(1);
    expect(stats.handoffs).toBe(1);
    expect(stats.messages).toBeGreaterThanOrEqual(2);
    expect(typeof stats.timeToClaimP50Seconds).toBe("number");
    expect(stats.ratings).toEqual({ count: 1, average: 4 });
    expect((await coordinator.get("/desk/api/stats?from=2026-13-01")).status).toBe(400);
    const audit = (await (await coordinator.get("/desk/api/audit")).json()) as { entries: Array<{ actor: string; action: string; target?: string }> };
    expect(audit.entries.map((e) => `${e.actor} ${e.action}`)).toEqual(expect.arrayContaining(["sanne@example.org claim", "piet@example.org claim_refused:taken", "sanne@example.org reply", "sanne@example.org close"]));
    // No resident words in the audit log.
    expect(JSON.stringify(audit)).not.toContain("huur");
  });

  it("keeps saved quick replies and finds listings to paste", async () => {
    expect((await sanne.post("/desk/api/replies", { title: "", text: "x" })).status).toBe(400);
    const saved = await sanne.post("/desk/api/replies", { title: "Spreekuur", text: "Het spreekuur is elke dinsdag van 10 tot 12 uur." });
    expect(saved.status).toBe(201);
    const { reply } = (await saved.json()) as { reply: { id: number } };
    const listed = (await (await piet.get("/desk/api/replies")).json()) as { replies: Array<{ id: number; title: string }> };
    expect(listed.replies.map((r) => r.title)).toContain("Spreekuur");
    expect((await piet.post(`/desk/api/replies/${reply.id}/delete`)).status).toBe(200);
    expect(((await (await piet.get("/desk/api/replies")).json()) as { replies: unknown[] }).replies).toEqual([]);

    const all = await app.listings.listings();
    const sample = all[0]!;
    const word = sample.name.split(/\s+/).find((w) => w.length > 3)!;
    const { listings } = (await (await sanne.get(`/desk/api/listings?q=${encodeURIComponent(word)}`)).json()) as { listings: Array<{ id: string; text: string }> };
    const hit = listings.find((l) => l.id === sample.id);
    expect(hit?.text.split("\n")[0]).toContain(sample.name);
    expect(((await (await sanne.get("/desk/api/listings?q=")).json()) as { listings: unknown[] }).listings).toEqual([]);
  });

  it("exports CSV and lists stale listings for coordinators only", async () => {
    expect((await sanne.get("/desk/api/stats.csv")).status).toBe(403);
    expect((await sanne.get("/desk/api/stale-listings")).status).toBe(403);
    const csv = await coordinator.get("/desk/api/stats.csv?table=days");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect((await csv.text()).split("\r\n")[0]).toBe("dag,gesprekken,berichten,doorverwijzingen");
    const stale = (await (await coordinator.get("/desk/api/stale-listings")).json()) as { cutoff: string; listings: Array<{ lastVerified: string | null }> };
    expect(stale.listings.every((l) => l.lastVerified === null || l.lastVerified < stale.cutoff)).toBe(true);
    expect(stale.listings.length).toBe((await app.listings.listings()).filter((l) => !l.lastVerified || l.lastVerified < stale.cutoff).length);
    expect((await coordinator.post("/desk/api/gaps/unknown-gap/handled")).status).toBe(404);
  });

    it("sends security headers and refuses a login posted from another site", async () => {
    const page = await fetch(`${base}/desk`);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    const foreign = await fetch(`${base}/desk/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: "email=sanne%40example.org&password=" + encodeURIComponent(PASSWORD),
      redirect: "manual",
    });
    expect(foreign.status).toBe(403);
    const form = await fetch(`${base}/desk/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
      body: "email=sanne%40example.org&password=" + encodeURIComponent(PASSWORD),
      redirect: "manual",
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/desk");
  });

  it("limits repeated wrong logins (429)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await login(base, "piet@example.org", `wrong-password-${i}`)).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    // The right password is refused too while the limit holds.
    expect((await login(base, "piet@example.org", PASSWORD)).status).toBe(429);
  });
});
