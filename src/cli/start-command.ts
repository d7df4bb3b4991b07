import { randomUUID } from "node:crypto";
import { runTerminalChat } from "../channels/terminal/terminal-chat.js";
import type { Config } from "../config/config.js";
import { hasChannels, startChannels } from "../main.js";
import { createCliApp } from "./cli-app.js";

/** `npm start`: every channel with tokens; with none, the interactive terminal chat. */
export async function runStart(_args: string[], config: Config): Promise<number> {
  const app = await createCliApp(config, { interactive: !hasChannels(config) });
  if (!hasChannels(config)) {
    // The desk runs alongside, so a handoff can be tried on one machine.
    const stopHttp = config.DESK === "on" ? await startChannels(app) : undefined;
    await runTerminalChat({
      ...(stopHttp
        ? {
            banner: `De desk voor sociaal werkers: http://localhost:${stopHttp.port}/desk (account maken: npx wijkwijzer desk add-user).`,
            onSender: (sender) => {
              app.handoffSender.register("terminal", sender);
              return () => app.handoffSender.unregister("terminal");
            },
          }
        : {}),
      assistant: app.assistant,
      input: process.stdin,
      output: process.stdout,
      now: app.now,
      conversationId: `terminal:${randomUUID()}`,
    });
    await stopHttp?.();
    await app.close();
    return 0;
  }
  const stop = await startChannels(app);
  await new Promise<void>((resolve) => {
    const shutdown = () => resolve();
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  });
  app.logger.info("stopping");
  await stop();
  await app.close();
  return 0;
}
