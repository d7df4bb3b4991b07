import type { types } from "@slack/bolt";
import { ACTIONS } from "../../core/actions.js";
import type { Button, OutboundMessage, Source } from "../../core/types.js";
import { slackTexts } from "./slack-texts.js";

type KnownBlock = types.KnownBlock;
type ContextBlock = types.ContextBlock;
type ActionsBlock = types.ActionsBlock;
type SlackButton = types.Button;

/** Slack `action_id`s this adapter renders and answers itself. */
export const ACTION = {
  feedbackUp: ACTIONS.feedbackUp,
  feedbackDown: ACTIONS.feedbackDown,
  askSociaalWerker: "ask_sociaal_werker",
  shareAnswer: "share_answer",
  /** Prefix for every other core button; the press goes back to the core as that button's id. */
  corePrefix: "core:",
} as const;

/** The core's action id for "talk to a person"; Slack shows it as {@link ACTION.askSociaalWerker}. */
export const CORE_HANDOFF_REQUEST = ACTIONS.handoffRequest;

// Block Kit limits (api.slack.com/reference/block-kit): keep well inside them.
const SECTION_MAX = 3000;
const CONTEXT_ELEMENTS_MAX = 10;
const BUTTON_VALUE_MAX = 2000;
const FALLBACK_TEXT_MAX = 3000;

/** What a button carries back: the conversation it belongs to and the core button's value. */
export interface ButtonPayload {
  conversationId: string;
  value?: string;
}

/** Escapes the three characters Slack mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A link in mrkdwn; only http(s) URLs become links, anything else stays plain text. */
export function mrkdwnLink(url: string | undefined, label: string): string {
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, "¦");
  if (!url || !/^https?:\/\/[^\s<>|]+$/i.test(url)) return safeLabel;
  return `<${url.replace(/&/g, "&amp;")}|${safeLabel}>`;
}

/** Packs a button's conversation and core value (JSON, within Slack's 2000-character limit). */
export function encodeButtonValue(payload: ButtonPayload): string {
  const encoded = JSON.stringify({ c: payload.conversationId, ...(payload.value !== undefined ? { v: payload.value } : {}) });
  if (encoded.length > BUTTON_VALUE_MAX) throw new Error("Slack button value too long");
  return encoded;
}

/** Reads a value written by {@link encodeButtonValue}; null for anything else (never throws). */
export function decodeButtonValue(raw: string | undefined): ButtonPayload | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { c?: unknown; v?: unknown };
    if (typeof parsed.c !== "string" || !parsed.c.startsWith("slack:")) return null;
    return { conversationId: parsed.c, ...(typeof parsed.v === "string" ? { value: parsed.v } : {}) };
  } catch {
    return null;
  }
}

/** One numbered source line: `[1] <url|Title> · Publisher, 2023`. */
export function renderSource(source: Source, index: number): string {
  const meta = [source.publisher, source.year].filter((part) => part !== undefined && part !== "").join(", ");
  return `[${index + 1}] ${mrkdwnLink(source.url, source.title)}${meta ? ` · ${escapeMrkdwn(meta)}` : ""}`;
}

export interface RenderOptions {
  /** Conversation the buttons report back to. */
  conversationId: string;
  /** Adds the "share in the channel" button (private slash command answers). */
  shareRef?: string;
  /** A line above the answer, already mrkdwn (e.g. who shared it). */
  header?: string;
}

export interface RenderedMessage {
  /** Notification / fallback text. */
  text: string;
  blocks: KnownBlock[];
}

/**
 * Renders one core message as Block Kit: the text in sections, a context block with the
 * numbered sources, then the buttons (feedback, ask a sociaal werker, other core buttons).
 */
export function renderMessage(message: OutboundMessage, options: RenderOptions): RenderedMessage {
  const blocks: KnownBlock[] = [];
  if (options.header) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: options.header }] });
  for (const chunk of splitText(escapeMrkdwn(message.text), SECTION_MAX)) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk } });
  }
  blocks.push(...sourceBlocks(message.sources ?? []));
  const buttons = (message.buttons ?? []).map((button) => renderButton(button, options.conversationId));
  if (options.shareRef !== undefined) {
    buttons.push({
      type: "button",
      action_id: ACTION.shareAnswer,
      text: { type: "plain_text", text: slackTexts.buttons.share, emoji: true },
      value: encodeButtonValue({ conversationId: options.conversationId, value: options.shareRef }),
    });
  }
  if (buttons.length > 0) blocks.push({ type: "actions", elements: dedupeActionIds(buttons) } satisfies ActionsBlock);
  return { text: fallbackText(message), blocks };
}

function sourceBlocks(sources: Source[]): ContextBlock[] {
  if (sources.length === 0) return [];
  const lines = [`*${slackTexts.sourcesLabel}*`, ...sources.map(renderSource)];
  const blocks: ContextBlock[] = [];
  for (let i = 0; i < lines.length; i += CONTEXT_ELEMENTS_MAX) {
    blocks.push({
      type: "context",
      elements: lines.slice(i, i + CONTEXT_ELEMENTS_MAX).map((text) => ({ type: "mrkdwn" as const, text: text.slice(0, SECTION_MAX) })),
    });
  }
  return blocks;
}

function renderButton(button: Button, conversationId: string): SlackButton {
  const known: Record<string, { actionId: string; label: string; style?: "primary" }> = {
    [ACTIONS.feedbackUp]: { actionId: ACTION.feedbackUp, label: slackTexts.buttons.up },
    [ACTIONS.feedbackDown]: { actionId: ACTION.feedbackDown, label: slackTexts.buttons.down },
    [CORE_HANDOFF_REQUEST]: { actionId: ACTION.askSociaalWerker, label: slackTexts.buttons.askSociaalWerker },
  };
  const mapped = known[button.id];
  return {
    type: "button",
    action_id: mapped?.actionId ?? `${ACTION.corePrefix}${button.id}`,
    text: { type: "plain_text", text: (mapped?.label ?? button.label).slice(0, 75), emoji: true },
    value: encodeButtonValue({ conversationId, ...(button.value !== undefined ? { value: button.value } : {}) }),
  };
}

/** Slack rejects a message whose buttons share an action_id; keep the first of each. */
function dedupeActionIds(buttons: SlackButton[]): SlackButton[] {
  const seen = new Set<string>();
  return buttons.filter((b) => {
    const id = b.action_id ?? "";
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function fallbackText(message: OutboundMessage): string {
  const text = escapeMrkdwn(message.text);
  return text.length > FALLBACK_TEXT_MAX ? `${text.slice(0, FALLBACK_TEXT_MAX - 1)}…` : text;
}

/** Splits text at paragraph, line or word boundaries into pieces of at most `max` characters. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim() || " ";
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = [window.lastIndexOf("\n\n"), window.lastIndexOf("\n"), window.lastIndexOf(" ")].find((i) => i > max / 2) ?? max;
    // Never cut inside an escape such as &amp;.
    const amp = window.lastIndexOf("&", cut);
    const at = amp > cut - 5 && !window.slice(amp, cut).includes(";") ? amp : cut;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  pieces.push(rest);
  return pieces;
}
