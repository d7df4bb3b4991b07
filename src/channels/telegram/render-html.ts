import type { InlineKeyboardButton, InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from "grammy/types";
import { textsFor } from "../../core/texts.js";
import type { Button, OutboundMessage, Source } from "../../core/types.js";
import type { CallbackDataCodec } from "./callback-data.js";
import { splitText, TELEGRAM_TEXT_LIMIT } from "./split-text.js";
import { telegramTextsFor } from "./telegram-texts.js";

/** One `sendMessage` call: HTML text and an optional keyboard. */
export interface TelegramMessagePart {
  html: string;
  /** The same content without markup, for a fallback when Telegram rejects the HTML. */
  plain: string;
  replyMarkup?: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;
}

/** Escapes text for Telegram's HTML parse mode (also safe inside a double-quoted attribute). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const escapedLength = (text: string) => escapeHtml(text).length;

/**
 * Renders one {@link OutboundMessage} as Telegram messages: everything escaped, numbered sources as
 * links, split at paragraph boundaries so each part stays under 4096 characters. Inline buttons
 * go under the last part; a location request becomes a reply keyboard on the first part (Telegram
 * allows one keyboard a message, so with inline buttons too it gets a short extra message).
 */
export function renderForTelegram(message: OutboundMessage, codec: CallbackDataCodec): TelegramMessagePart[] {
  const parts: TelegramMessagePart[] = splitText(message.text, TELEGRAM_TEXT_LIMIT, escapedLength).map((piece) => ({
    html: escapeHtml(piece),
    plain: piece,
  }));
  if (message.sources?.length) appendSources(parts, message.sources, textsFor(message.language).sourcesLabel);
  if (parts.length === 0) return [];

  const inline = message.buttons?.length ? inlineKeyboard(message.buttons, codec) : undefined;
  if (inline) parts[parts.length - 1]!.replyMarkup = inline;
  if (message.requestLocation) {
    const words = telegramTextsFor(message.language);
    if (parts[0]!.replyMarkup) parts.push({ html: escapeHtml(words.locationPrompt), plain: words.locationPrompt });
    parts.find((p) => !p.replyMarkup)!.replyMarkup = locationKeyboard(message.language);
  }
  return parts;
}

function appendSources(parts: TelegramMessagePart[], sources: Source[], label: string) {
  const lines = sources.map((source, i) => renderSource(source, i + 1));
  const header = { html: `<b>${escapeHtml(label)}</b>`, plain: label };
  let block = { html: header.html, plain: header.plain };
  const blocks: Array<typeof block> = [];
  for (const line of lines) {
    if (block.html.length + 1 + line.html.length > TELEGRAM_TEXT_LIMIT) {
      blocks.push(block);
      block = { html: "", plain: "" };
    }
    block = { html: block.html ? `${block.html}\n${line.html}` : line.html, plain: block.plain ? `${block.plain}\n${line.plain}` : line.plain };
  }
  blocks.push(block);
  for (const b of blocks) {
    const last = parts[parts.length - 1];
    if (last && last.html.length + 2 + b.html.length <= TELEGRAM_TEXT_LIMIT) {
      last.html += `\n\n${b.html}`;
      last.plain += `\n\n${b.plain}`;
    } else {
      parts.push({ ...b });
    }
  }
}

const MAX_TITLE = 300;

function renderSource(source: Source, n: number): { html: string; plain: string } {
  const title = source.title.length > MAX_TITLE ? `${source.title.slice(0, MAX_TITLE - 1)}…` : source.title;
  const meta = [source.publisher, source.year].filter((v) => v !== undefined && v !== "").join(", ");
  const suffix = meta ? ` — ${meta}` : "";
  const url = safeUrl(source.url);
  const titleHtml = url ? `<a href="${escapeHtml(url)}">${escapeHtml(title)}</a>` : escapeHtml(title);
  return {
    html: `[${n}] ${titleHtml}${escapeHtml(suffix)}`,
    plain: `[${n}] ${title}${suffix}${url ? ` (${url})` : ""}`,
  };
}

/** Only web links become `<a href>`: anything else (javascript:, file:) is shown as plain text. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url) || url.length > 2000) return undefined;
  const { protocol } = new URL(url);
  return protocol === "https:" || protocol === "http:" ? url : undefined;
}

/** Short labels (👍 👎) share a row; longer ones get a full-width row, easier to tap and read. */
export function inlineKeyboard(buttons: Button[], codec: CallbackDataCodec): InlineKeyboardMarkup {
  const rows: InlineKeyboardButton[][] = [];
  let shortRow: InlineKeyboardButton[] = [];
  for (const button of buttons) {
    const key: InlineKeyboardButton = { text: button.label, callback_data: codec.encode(button) };
    if ([...button.label].length <= 4) {
      shortRow.push(key);
      continue;
    }
    if (shortRow.length) rows.push(shortRow);
    shortRow = [];
    rows.push([key]);
  }
  if (shortRow.length) rows.push(shortRow);
  return { inline_keyboard: rows };
}

export function locationKeyboard(language?: string): ReplyKeyboardMarkup {
  const telegramTexts = telegramTextsFor(language);
  return {
    keyboard: [[{ text: telegramTexts.shareLocation, request_location: true }]],
    resize_keyboard: true,
    one_time_keyboard: true,
    input_field_placeholder: telegramTexts.locationPlaceholder,
  };
}
