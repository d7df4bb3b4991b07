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

/** Builds the core message for anything a professional does in Slack (persona `professional`). */
export function toInbound(parts: SlackInboundParts): InboundMessage {
  return {
    id: parts.id,
    channel: "slack",
    conversationId: parts.conversationId,
    userId: `slack:${parts.user}`,
    persona: "professional",
    text: parts.text ?? "",
    ...(parts.userName ? { userName: parts.userName } : {}),
    ...(parts.action ? { action: parts.action } : {}),
    ...(parts.unsupported ? { unsupported: parts.unsupported } : {}),
    receivedAt: parts.receivedAt,
  };
}
