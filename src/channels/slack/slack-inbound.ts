import { cutText, INBOUND_LIMITS } from "../../core/input.js";
import type { ActionPress, InboundMessage } from "../../core/types.js";

/**
 * Turns Slack's message markup into the plain text the core reads: drops mentions of the bot,
 * writes other mentions, channel links and URLs as readable text, and undoes Slack's escaping.
 */
export function slackTextToPlain(text: string, botUserId: string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => (id === botUserId ? " " : "@collega"))
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, (_m, name: string) => `#${name}`)
    .replace(/<#[A-Z0-9]+>/g, "#kanaal")
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, "@$1")
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name ?? "@team")
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, "$1")
    .replace(/<((?:https?|mailto):[^>]*)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** True when the text holds something to answer (a letter or digit), not only emoji or punctuation. */
export function hasQuestion(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export interface SlackInboundParts {
  id: string;
  conversationId: string;
  /** Slack user id (U…); prefixed here. */
  user: string;
  text?: string;
  userName?: string;
  action?: ActionPress;
  unsupported?: InboundMessage["unsupported"];
  receivedAt: Date;
}

/**
 * Builds the core message for anything a professional does in Slack (persona `professional`). Text,
 * name and button value are cut to the same bounds as on Telegram: Slack allows 40,000 characters a
 * message, more than anyone asks a question in, and the gate already limits the whole body to 1 MB.
 */
export function toInbound(parts: SlackInboundParts): InboundMessage {
  const action = parts.action
    ? { id: parts.action.id, ...(parts.action.value !== undefined ? { value: cutText(parts.action.value, INBOUND_LIMITS.idChars * 16) } : {}) }
    : undefined;
  return {
    id: cutText(parts.id, INBOUND_LIMITS.idChars),
    channel: "slack",
    conversationId: parts.conversationId,
    userId: `slack:${parts.user}`,
    persona: "professional",
    text: cutText(parts.text ?? "", INBOUND_LIMITS.textChars),
    ...(parts.userName ? { userName: cutText(parts.userName, INBOUND_LIMITS.userNameChars) } : {}),
    ...(action ? { action } : {}),
    ...(parts.unsupported ? { unsupported: parts.unsupported } : {}),
    receivedAt: parts.receivedAt,
  };
}
