/**
 * Runs the fake Telegram Bot API on its own, to try Wijkwijzer as a resident would:
 *
 *   npx tsx test/support/run-fake-telegram.ts [port]          # default port 8081
 *   TELEGRAM_BOT_TOKEN=<printed token> TELEGRAM_API_ROOT=http://127.0.0.1:8081 node src/bin/wijkwijzer.js start
 *
 * Then type as the resident on this script's stdin. Plain lines (also /start, /vergeet) are text
 * messages; `!photo`, `!voice`, `!sticker`, `!document`, `!location <lat> <lon>`, `!press <n>`
 * (tap button n of the bot's last message with buttons) and `!edit <text>` send the other kinds.
 * Every bot call is printed. Another process can inject updates with
 * `POST /_control/updates` and read calls with `GET /_control/calls`.
 */
import { createInterface } from "node:readline";
import type { InlineKeyboardMarkup } from "grammy/types";
import { startFakeTelegramApi, type RecordedCall } from "./fake-telegram-api.js";
import {
  callbackUpdate,
  documentUpdate,
  editedTextUpdate,
  locationUpdate,
  photoUpdate,
  stickerUpdate,
  textUpdate,
  voiceUpdate,
} from "./telegram-updates.js";

const port = Number(process.argv[2] ?? process.env.FAKE_TELEGRAM_PORT ?? 8081);
const resident = { id: 4242, firstName: "Fatima" };
const fake = await startFakeTelegramApi({ port });
let lastButtons: { messageId: number; markup: InlineKeyboardMarkup } | undefined;
let lastTextMessageId = 0;

const out = (line: string) => process.stdout.write(`${line}\n`);
out(`fake Telegram Bot API on ${fake.apiRoot}`);
out(`TELEGRAM_BOT_TOKEN=${fake.token} TELEGRAM_API_ROOT=${fake.apiRoot} node src/bin/wijkwijzer.js start`);
out("type a message (or !photo, !location 52.09 5.23, !press 1, !edit <text>); Ctrl-D to quit");

fake.onCall((call: RecordedCall) => {
  const { method, body } = call;
  if (method === "getUpdates") return;
  if (method === "sendMessage" && call.result !== undefined) {
    out(`\n<< sendMessage (${body.parse_mode ?? "plain"})\n${String(body.text)}`);
    const markup = body.reply_markup as Record<string, unknown> | undefined;
    if (markup && "inline_keyboard" in markup) {
      const buttons = (markup as unknown as InlineKeyboardMarkup).inline_keyboard.flat();
      out(`   buttons: ${buttons.map((b, i) => `[${i + 1}] ${b.text}`).join("  ")}`);
      const messageId = (call.result as { message_id: number }).message_id;
      lastButtons = { messageId, markup: markup as unknown as InlineKeyboardMarkup };
    } else if (markup) {
      out(`   keyboard: ${JSON.stringify(markup)}`);
    }
    return;
  }
  out(`<< ${method} ${JSON.stringify(body).slice(0, 300)}`);
});

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  const [command, ...rest] = line.trim().split(/\s+/);
  switch (command) {
    case "!photo":
      fake.pushUpdate(photoUpdate(resident));
      break;
    case "!voice":
      fake.pushUpdate(voiceUpdate(resident));
      break;
    case "!sticker":
      fake.pushUpdate(stickerUpdate(resident));
      break;
    case "!document":
      fake.pushUpdate(documentUpdate(resident));
      break;
    case "!location":
      fake.pushUpdate(locationUpdate(resident, Number(rest[0] ?? 52.09), Number(rest[1] ?? 5.23)));
      break;
    case "!edit":
      fake.pushUpdate(editedTextUpdate(resident, lastTextMessageId, rest.join(" ")));
      break;
    case "!press": {
      const button = lastButtons?.markup.inline_keyboard.flat()[Number(rest[0] ?? 1) - 1];
      if (!lastButtons || !button || !("callback_data" in button)) {
        out("no such button");
        break;
      }
      fake.pushUpdate(callbackUpdate(resident, button.callback_data!, { message_id: lastButtons.messageId, reply_markup: lastButtons.markup }));
      break;
    }
    default: {
      if (!line.trim()) break;
      const update = textUpdate(resident, line);
      lastTextMessageId = (update.message as { message_id: number }).message_id;
      fake.pushUpdate(update);
    }
  }
  out(`>> ${line}`);
}
await fake.close();
