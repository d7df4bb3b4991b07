/**
 * Sends resident messages to an app's assistant as the terminal chat does: one conversation per name,
 * each message with a new id, all at the given time.
 */
import type { AssistantReply, InboundMessage } from "../../src/core/types.js";

export function residentSender(assistant: () => { handle(inbound: InboundMessage): Promise<AssistantReply> }, at: Date) {
  let counter = 0;
  return (conversation: string, text: string, extra: Partial<InboundMessage> = {}): Promise<AssistantReply> => {
    counter += 1;
    return assistant().handle({
      id: String(counter),
      channel: "terminal",
      conversationId: `terminal:${conversation}`,
      userId: `terminal:${conversation}`,
      persona: "resident",
      text,
      receivedAt: at,
      ...extra,
    });
  };
}
