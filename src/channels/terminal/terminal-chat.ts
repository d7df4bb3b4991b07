import { createInterface } from "node:readline/promises";
import type { Assistant } from "../../core/assistant.js";
import type { ChannelSender } from "../../core/ports.js";
import type { Button, InboundMessage, OutboundMessage } from "../../core/types.js";
import { renderForTerminal } from "./render-text.js";

export interface TerminalChatDeps {
  assistant: Assistant;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  now: () => Date;
  /** Conversation id; one per terminal session. */
  conversationId: string;
  /**
   * Called with a sender for messages that arrive between turns (a sociaal werker at the desk);
   * the returned function is called when the chat ends.
   */
  onSender?: (sender: ChannelSender) => () => void;
  /** Printed under the greeting (where the desk is). */
  banner?: string;
}

const GREETING =
  "Welkom bij Wijkwijzer! Stel uw vraag, bijvoorbeeld: \"Waar kan ik koffie drinken in 3701?\" of \"Wat is de sociale basis?\"\nTyp /help voor hulp en /stop om te stoppen. Bij gevaar: bel 112.\n";

/**
 * The terminal channel: an interactive chat on stdin/stdout. Typing the number of a button
 * presses it, as a tap would in Telegram.
 */
export async function runTerminalChat(deps: TerminalChatDeps): Promise<void> {
  const rl = createInterface({ input: deps.input, output: deps.output, terminal: false });
  const write = (text: string) => deps.output.write(`${text}\n`);
  write(GREETING);
  if (deps.banner) write(`${deps.banner}\n`);
  let buttons: Button[] = [];
  const show = (message: OutboundMessage) => {
    write(`\nWijkwijzer: ${renderForTerminal(message, buttons.length)}`);
    buttons.push(...(message.buttons ?? []));
  };
  const detach = deps.onSender?.({
    async send(_conversationId, message) {
      // A message between turns: its buttons are numbered after those still on screen.
      show(message);
      write("");
    },
  });
  let counter = 0;
  for await (const line of rl) {
    const trimmed = line.trim();
    if (/^\/(stop|exit|quit)$/i.test(trimmed)) break;
    counter += 1;
    const chosen = /^\d{1,2}$/.test(trimmed) ? buttons[Number(trimmed) - 1] : undefined;
    const inbound: InboundMessage = {
      id: String(counter),
      channel: "terminal",
      conversationId: deps.conversationId,
      userId: `terminal:${deps.conversationId}`,
      persona: "resident",
      text: chosen ? "" : line,
      ...(chosen ? { action: { id: chosen.id, ...(chosen.value ? { value: chosen.value } : {}) } } : {}),
      receivedAt: deps.now(),
    };
    const reply = await deps.assistant.handle(inbound);
    buttons = [];
    for (const message of reply.replies) show(message);
    write("");
  }
  detach?.();
  write("Tot ziens!");
  rl.close();
}
