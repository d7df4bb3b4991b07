/**
 * Conversation ids for Slack, as the core and the handoff relay see them:
 * - `slack:<channel>:<thread_ts>` a thread in a channel (an app mention starts one),
 * - `slack:<dm channel>` a direct message with the bot,
 * - `slack:<user id>` private `/wijkwijzer` answers; sending there lands in the bot's DM with that user.
 */

const CHANNEL = /^[A-Z0-9]{2,}$/;
const TS = /^\d{6,}\.\d{1,8}$/;

export interface SlackAddress {
  channel: string;
  threadTs?: string;
}

/** A thread in a channel: the mention's own ts, or the thread it was written in. */
export function threadConversationId(channel: string, threadTs: string): string {
  return `slack:${channel}:${threadTs}`;
}

/** A whole channel: a DM channel (D…), or a user id for private slash-command answers. */
export function channelConversationId(channel: string): string {
  return `slack:${channel}`;
}

/** Parses `slack:<channel>[:<thread_ts>]`; null when it is not a Slack conversation id. */
export function parseSlackConversationId(conversationId: string): SlackAddress | null {
  const [prefix, channel, threadTs, ...rest] = conversationId.split(":");
  if (prefix !== "slack" || !channel || !CHANNEL.test(channel) || rest.length > 0) return null;
  if (threadTs === undefined) return { channel };
  return TS.test(threadTs) ? { channel, threadTs } : null;
}

/** Direct-message channels start with D; only there every message is meant for the bot. */
export function isDirectMessageChannel(channel: string): boolean {
  return channel.startsWith("D");
}
