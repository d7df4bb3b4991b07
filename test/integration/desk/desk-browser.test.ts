/**
 * The desk in a real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
 * log in, see the queue change live when a resident on the fake Telegram asks for a person,
 * claim, reply, close; the coordinator's overview; axe-core finds no serious or critical issue.
 * Screenshots go to test-output/desk/ (gitignored). Locally skipped only without Chromium.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { hashPassword } from "../../../src/desk/passwords.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp, startChannels, type App, type StopChannels } from "../../../src/main.js";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../support/fake-telegram-api.js";
import { callbackUpdate, textUpdate } from "../../support/telegram-updates.js";
import { eventually } from "../handoff/handoff-app.js";

const CHROMIUM = "/usr/bin/chromium";
const SECRET = "desk-browser-secret";
const RESIDENT = { id: 7402, firstName: "Amira" };
const PASSWORD = "browser-test-wachtwoord";
const OUT = join(process.cwd(), "test-output", "desk");
const require = createRequire(import.meta.url);

if (!existsSync(CHROMIUM) && process.env.CI) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium`);

/** The desk's CSP forbids inline scripts, so the pages that run axe are opened with `bypassCSP`. */
async function axe(page: Page) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = (await page.evaluate(async () => {
    const w = globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } };
    return w.axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
  })) as { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> };
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe.skipIf(!existsSync(CHROMIUM))("the desk in a browser", () => {
  let telegram: FakeTelegramApi;
  let dir: string;
  let app: App;
  let stop: StopChannels;
  let base: string;
  let browser: Browser;
  let updateId = 1;

  const webhook = (update: object) =>
    fetch(`${base}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify({ update_id: updateId++, ...update }),
    });
  const toResident = () => telegram.callsTo("sendMessage").filter((c) => Number(c.body.chat_id) === RESIDENT.id).map((c) => String(c.body.text));

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    telegram = await startFakeTelegramApi();
    dir = mkdtempSync(join(tmpdir(), "wijkwijzer-desk-browser-"));
    const config = parseConfig({
      DATA_DIR: dir,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_URL: "https://wijkwijzer.example.org/telegram/webhook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      OFFICE_HOURS: "ma-zo 00:00-24:00",
    });
    app = await createApp(config, { logger: createLogger("warn", new Writable({ write: (_c, _e, cb) => cb() })), handoffTickMs: 20 });
    const hash = await hashPassword(PASSWORD);
    await app.desk!.stores.users.add({ email: "sanne@example.org", name: "Sanne Bakker", role: "worker", passwordHash: hash, createdAt: new Date() });
    await app.desk!.stores.users.add({ email: "kim@example.org", name: "Kim de Wit", role: "coordinator", passwordHash: hash, createdAt: new Date() });
    stop = await startChannels({ ...app, config: { ...app.config, PORT: 0 } });
    base = `http://127.0.0.1:${stop.port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stop?.();
    await app?.close();
    await telegram?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function logIn(page: Page, email: string) {
    await page.goto(`${base}/desk`);
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("heading", { name: "Wachtrij" }).waitFor();
  }

  it("a worker logs in, sees a new ticket arrive live, claims, replies and closes", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await page.goto(`${base}/desk`);
    await page.screenshot({ path: join(OUT, "01-login.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);

    await logIn(page, "sanne@example.org");
    await page.getByText("Er zijn nu geen hulpvragen.").waitFor();
    await page.screenshot({ path: join(OUT, "02-empty-queue.png"), fullPage: true });

    await webhook(textUpdate(RESIDENT, "Ik wil met een mens praten over eenzaamheid"));
    await eventually(() => telegram.callsTo("sendMessage").some((c) => JSON.stringify(c.body.reply_markup ?? {}).includes("handoff_consent_yes")), "the consent question");
    await webhook(callbackUpdate(RESIDENT, "handoff_consent_yes"));
    // No reload: the event stream brings it.
    const item = page.locator("[data-ticket]").first();
    await item.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(OUT, "03-queue-live.png"), fullPage: true });
    await item.click();
    await page.getByRole("button", { name: "Overnemen" }).click();
    await page.getByText("bij Sanne").first().waitFor();
    await eventually(() => toResident().some((t) => t.startsWith("Sanne, een sociaal werker")), "the claim on Telegram");
    await page.getByLabel("Uw bericht").fill("Dag Amira, ik ben Sanne. Fijn dat u het vraagt.");
    await page.getByRole("button", { name: "Versturen" }).click();
    await eventually(() => toResident().includes("Sanne: Dag Amira, ik ben Sanne. Fijn dat u het vraagt."), "the reply on Telegram");
    // The confirmation stays on screen, and the keyboard stays in the reply box.
    await page.getByText("Verstuurd naar de bewoner.").waitFor();
    expect(await page.evaluate("document.activeElement && document.activeElement.id")).toBe("reply-text");
    // A draft survives a live update while the worker is elsewhere on the page.
    await page.getByLabel("Uw bericht").fill("Een half antwoord");
    await page.getByLabel("Snel antwoord").focus();
    await webhook(textUpdate(RESIDENT, "Dank u, ik voel me vaak alleen"));
    await page.getByText("ik voel me vaak alleen").waitFor({ timeout: 10_000 });
    expect(await page.getByLabel("Uw bericht").inputValue()).toBe("Een half antwoord");
    await page.getByLabel("Uw bericht").fill("");
    await page.screenshot({ path: join(OUT, "04-ticket-claimed.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);

    await page.getByRole("button", { name: "Afsluiten" }).click();
    await eventually(() => toResident().some((t) => t.startsWith("Sanne heeft het gesprek afgesloten")), "the close on Telegram");
    await page.getByText("Gesloten").first().waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(OUT, "05-phone.png"), fullPage: true });
    await page.close();
  });

  it("runs under its own Content Security Policy", async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await logIn(page, "kim@example.org");
    await page.getByRole("button", { name: "Overzicht" }).click();
    await page.getByRole("heading", { name: "Overzicht voor coördinatoren" }).waitFor();
    expect(blocked).toEqual([]);
    await page.close();
  });

    it("a coordinator sees the overview", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await logIn(page, "kim@example.org");
    await page.getByRole("button", { name: "Overzicht" }).click();
    await page.getByRole("heading", { name: "Overzicht voor coördinatoren" }).waitFor();
    await page.getByText("Kennisgaten: vragen zonder goed antwoord").waitFor();
    // The figures reflect the handoff of the first test.
    await expect(page.locator(".desk-figures li").filter({ hasText: "doorverwijzingen" }).locator("strong").textContent()).resolves.toBe("1");
    await expect(page.getByRole("link", { name: "kennisgaten" }).getAttribute("href")).resolves.toContain("/desk/api/stats.csv?table=gaps");
    await page.screenshot({ path: join(OUT, "06-overview.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});
