import { randomUUID } from "node:crypto";
import { runTerminalChat } from "../channels/terminal/terminal-chat.js";
import type { Config } from "../config/config.js";
import type { InboundMessage } from "../core/types.js";
import { createCliApp, stdinLines } from "./cli-app.js";

/**
 * `wijkwijzer chat --json`: one message per stdin line (one conversation), one JSON line per input.
 * Without --json: the interactive terminal chat.
 */
export async function runChat(args: string[], config: Config): Promise<number> {
  const json = args.includes("--json");
  const persona = args.includes("--professional") ? "professional" : "resident";
  const app = await createCliApp(config, { quiet: json, interactive: !json });
  const conversationId = `terminal:${randomUUID()}`;
  try {
    if (!json) {
      await runTerminalChat({ assistant: app.assistant, input: process.stdin, output: process.stdout, now: app.now, conversationId });
      return 0;
    }
    let n = 0;
    for await (const input of stdinLines()) {
      n += 1;
      const inbound: InboundMessage = {
        id: String(n),
        channel: "terminal",
        conversationId,
        userId: conversationId,
        persona,
        text: input,
        receivedAt: app.now(),
      };
      const reply = await app.assistant.handle(inbound);
      const line = {
        input,
        intent: reply.intent,
        replies: reply.replies.map((r) => ({
          text: r.text,
          buttons: (r.buttons ?? []).map((b) => ({ id: b.id, label: b.label })),
        })),
        sources: reply.sources.map((s) => ({ title: s.title, url: s.url ?? "" })),
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
    return 0;
  } finally {
    await app.close();
  }
}
