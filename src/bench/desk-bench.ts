/**
 * Desk figures for `npm run bench`: the time from a resident's "ja" (consent) to the ticket's
 * event on the desk's stream (`GET /desk/api/events`, read over real HTTP), and the desk's page
 * load: HTML, styles, script and the first API calls over HTTP, and, when Chromium is installed,
 * a real browser from navigation to the drawn queue.
 */
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import type { Config } from "../config/config.js";
import { hashPassword } from "../desk/passwords.js";
import type { Logger } from "../log/logger.js";
import { createApp, startChannels } from "../main.js";
import { summarise, type LatencySummary } from "./stats.js";

const ROUNDS = 40;
const PASSWORD = "bench-wachtwoord-123";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface DeskBenchResult {
  consentToDeskEventMs: LatencySummary;
  pageLoadHttpMs: LatencySummary;
  pageLoadBrowserMs?: LatencySummary | { error: string };
}

export async function benchDesk(config: Config, logger: Logger): Promise<DeskBenchResult> {
  const app = await createApp({ ...config, PORT: await freePort(), DESK: "on", OFFICE_HOURS: "ma-zo 00:00-24:00" }, { logger, handoffTickMs: 50 });
  const stop = await startChannels(app);
  // The terminal chat is the resident here; its words go nowhere.
  app.handoffSender.register("terminal", { send: async () => {} });
  const base = `http://127.0.0.1:${stop.port}`;
  const abort = new AbortController();
  try {
    await app.desk!.stores.users.add({ email: "bench@example.org", name: "Bench", role: "worker", passwordHash: await hashPassword(PASSWORD), createdAt: new Date() });
    const login = await fetch(`${base}/desk/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "bench@example.org", password: PASSWORD }), redirect: "manual" });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;

    const waiting = new Map<number, () => void>();
    const seen = new Set<number>();
    const stream = await fetch(`${base}/desk/api/events`, { headers: { cookie }, signal: abort.signal });
    void (async () => {
      const reader = stream.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (const match of buffer.matchAll(/data: (.*)\n/g)) {
          const event = JSON.parse(match[1]!) as { type: string; ticket: { id: number } };
          if (event.type !== "new") continue;
          seen.add(event.ticket.id);
          waiting.get(event.ticket.id)?.();
        }
        buffer = buffer.slice(buffer.lastIndexOf("\n\n") + 2);
      }
    })().catch(() => undefined);

    const consent: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const conversationId = `terminal:bench-desk-${i}`;
      const inbound = (text: string, n: number) => ({ id: String(n), channel: "terminal" as const, conversationId, userId: conversationId, persona: "resident" as const, text, receivedAt: new Date() });
      await app.assistant.handle(inbound("/mens", 1));
      const started = performance.now();
      await app.assistant.handle(inbound("ja", 2));
      const ticket = (await app.handoff!.tickets.active(conversationId))!;
      if (!seen.has(ticket.id)) await new Promise<void>((resolve) => waiting.set(ticket.id, resolve));
      consent.push(performance.now() - started);
    }

    const http: number[] = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      const headers = { cookie };
      await (await fetch(`${base}/desk`, { headers })).text();
      await Promise.all(["utrecht-tokens.css", "utrecht-components.css", "desk.css", "desk.js"].map(async (a) => (await fetch(`${base}/desk/assets/${a}`)).arrayBuffer()));
      await Promise.all(["/desk/api/me", "/desk/api/tickets"].map(async (p) => (await fetch(`${base}${p}`, { headers })).json()));
      http.push(performance.now() - started);
    }
    return { consentToDeskEventMs: summarise(consent), pageLoadHttpMs: summarise(http), ...(existsSync("/usr/bin/chromium") ? { pageLoadBrowserMs: await browserLoad(base, cookie) } : {}) };
  } finally {
    abort.abort();
    await stop();
    await app.close();
  }
}

async function browserLoad(base: string, cookie: string): Promise<LatencySummary | { error: string }> {
  try {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
    try {
      const context = await browser.newContext();
      const [name, value] = cookie.split("=");
      await context.addCookies([{ name: name!, value: value!, url: `${base}/desk` }]);
      const page = await context.newPage();
      const runs: number[] = [];
      for (let i = 0; i < 10; i++) {
        const started = performance.now();
        await page.goto(`${base}/desk`);
        await page.locator("#queue").waitFor();
        runs.push(performance.now() - started);
      }
      return summarise(runs);
    } finally {
      await browser.close();
    }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
