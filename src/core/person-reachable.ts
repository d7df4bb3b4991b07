import type { HandoffQueue } from "./ports.js";
import type { InboundMessage } from "./types.js";

/** Whether a person can be reached through this message's channel (a desk behind the bot for it). */
export function personReachable(handoff: HandoffQueue | undefined, inbound: InboundMessage): boolean {
  return handoff !== undefined && (handoff.available?.(inbound.channel) ?? true);
}
