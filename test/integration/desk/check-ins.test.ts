/**
 * "Ben je gegaan?" in the whole app with an injected clock and the fake Telegram: a yes after a
 * listings answer → the question N days later → the answer stored → visible to the coordinator;
 * a no → nothing is sent; /vergeet removes a scheduled check-in.
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
import { callbackUpdate, textUpdate, type Person } from "../../support/telegram-updates.js";
import { eventually } from "../handoff/handoff-app.js";
import { deskClient } from "./desk-client.js";

const SECRET = "checkin-secret";
const DAY = 86_400_000;
const PASSWORD = "checkin-wachtwoord-123";

describe("ben je gegaan? check-ins", () => {
  let telegram: FakeTelegramApi;
  let dir: string;
  let app: App;
  let stop: StopChannels;
  let base: string;
  let clock = new Date("2026-05-04T09:00:00Z");
  let updateId = 1;

  const webhook = (update: object) =>
    fetch(`${base}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify({ update_id: updateId++, ...update }),
    });
  const sentTo = (person: Person) => telegram.callsTo("sendMessage").filter((c) => Number(c.body.chat_id) === person.id);
  /** The callback data of the button with this label in the last message to the person that has it. */
  const buttonData = (person: Person, label: string) => {
    for (const call of [...sentTo(person)].reverse()) {
      const rows = ((call.body.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined)?.inline_keyboard ?? []).flat();
      const found = rows.find((b) => b.text === label);
      if (found?.callback_data) return found.callback_data;
    }
    return undefined;
  };
  const askListings = async (person: Person) => {
    await webhook(textUpdate(person, "Waar kan ik koffie drinken in 3701?"));
    return eventually(() => buttonData(person, "Ja, vraag het later"), "the check-in offer");
  };

  beforeAll(async () => {
    telegram = await startFakeTelegramApi();
    dir = mkdtempSync(join(tmpdir(), "wijkwijzer-checkins-"));
    const config = parseConfig({
      DATA_DIR: dir,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_URL: "https://wijkwijzer.example.org/telegram/webhook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      CHECKIN_DAYS: "3",
    });
    app = await createApp(config, { logger: createLogger("warn", new Writable({ write: (_c, _e, cb) => cb() })), now: () => clock });
    await app.desk!.stores.users.add({ email: "kim@example.org", name: "Kim", role: "coordinator", passwordHash: await hashPassword(PASSWORD), createdAt: clock });
    stop = await startChannels({ ...app, config: { ...app.config, PORT: 0 } });
    base = `http://127.0.0.1:${stop.port}`;
  }, 120_000);

  afterAll(async () => {
    await stop?.();
    await app?.close();
    await telegram?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("asks after N days only with a yes, and the coordinator sees the answer", async () => {
    const yes: Person = { id: 9101, firstName: "Ayla" };
    const no: Person = { id: 9102, firstName: "Bram" };
    await webhook(callbackUpdate(yes, await askListings(yes)));
    await eventually(() => sentTo(yes).some((c) => String(c.body.text).startsWith("Goed. Over 3 dagen")), "the confirmation");
    await askListings(no);
    await webhook(callbackUpdate(no, buttonData(no, "Nee, hoeft niet")!));
    await eventually(() => sentTo(no).some((c) => c.body.text === "Goed. Ik vraag het niet."), "the decline");
    const before = { yes: sentTo(yes).length, no: sentTo(no).length };

    clock = new Date(clock.getTime() + 3 * DAY - 60_000);
    expect(await app.desk!.checkIns.sendDue()).toBe(0);
    clock = new Date(clock.getTime() + 2 * 60_000);
    expect(await app.desk!.checkIns.sendDue()).toBe(1);
    expect(await app.desk!.checkIns.sendDue()).toBe(0);
    const question = await eventually(() => sentTo(yes).slice(before.yes).find((c) => String(c.body.text).includes("Bent u naar")), "the question");
    expect(sentTo(no).length).toBe(before.no);

    await webhook(callbackUpdate(yes, buttonData(yes, "Nee")!));
    await eventually(() => buttonData(yes, "Te ver weg"), "the reasons");
    await webhook(callbackUpdate(yes, buttonData(yes, "Te ver weg")!));
    await eventually(() => sentTo(yes).some((c) => String(c.body.text).startsWith("Dank u wel. Zo kunnen wij")), "the thanks");

    const kim = await deskClient(base, "kim@example.org", PASSWORD);
    const { outcomes } = (await (await kim.get("/desk/api/outcomes")).json()) as { outcomes: Array<{ listingName: string; went: number; notWent: number; reasons: unknown[] }> };
    expect(outcomes).toHaveLength(1);
    expect(String(question.body.text)).toContain(outcomes[0]!.listingName);
    expect(outcomes[0]).toMatchObject({ went: 0, notWent: 1, reasons: [{ reason: "too_far", count: 1 }] });
  });

  it("removes a scheduled check-in with /vergeet", async () => {
    const person: Person = { id: 9103, firstName: "Cas" };
    await webhook(callbackUpdate(person, await askListings(person)));
    await eventually(() => sentTo(person).some((c) => String(c.body.text).startsWith("Goed. Over 3 dagen")), "the confirmation");
    await webhook(textUpdate(person, "/vergeet"));
    const confirm = await eventually(() => sentTo(person).flatMap((c) => ((c.body.reply_markup as { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined)?.inline_keyboard ?? []).flat()).find((b) => b.callback_data?.startsWith("forget_confirm")), "the erase question");
    await webhook(callbackUpdate(person, confirm.callback_data!));
    clock = new Date(clock.getTime() + 4 * DAY);
    await eventually(() => sentTo(person).some((c) => /gewist|verwijderd/i.test(String(c.body.text))), "the erase confirmation");
    const count = sentTo(person).length;
    expect(await app.desk!.checkIns.sendDue()).toBe(0);
    expect(sentTo(person).length).toBe(count);
  });
});
