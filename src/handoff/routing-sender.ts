import type { ChannelSender } from "../core/ports.js";
import type { OutboundMessage } from "../core/types.js";
import { ChannelNotRunningError } from "./delivery-errors.js";

/**
 * A {@link ChannelSender} that routes by the conversation id's prefix (`telegram:…`, `slack:…`)
 * to the channels that have started. It exists before the channels do (the assistant is built
 * first); until a channel registers, sending to it fails with a retryable error, so the outbox
 * simply waits.
 */
export interface RoutingSender extends ChannelSender {
  register(prefix: string, sender: ChannelSender): void;
  unregister(prefix: string): void;
}

export function createRoutingSender(): RoutingSender {
  const senders = new Map<string, ChannelSender>();
  return {
    register(prefix, sender) {
      senders.set(prefix, sender);
    },
    unregister(prefix) {
      senders.delete(prefix);
    },
    async send(conversationId: string, message: OutboundMessage, via?: unknown) {
      const prefix = conversationId.split(":", 1)[0] ?? "";
      const sender = senders.get(prefix);
      if (!sender) throw new ChannelNotRunningError(prefix);
      await sender.send(conversationId, message, via);
    },
  };
}
