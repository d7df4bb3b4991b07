import { randomUUID } from "node:crypto";
import { runTerminalChat } from "../channels/terminal/terminal-chat.js";
import type { Config } from "../config/config.js";
import { DRAIN_MS, hasChannels, startChannels } from "../main.js";
import { createCliApp } from "./cli-app.js";

/** After a stop signal the process exits by then, finished or not. */
const HARD_EXIT_MS = 13_000;

/** `npm start`: every channel with tokens; with none, the interactive terminal chat. */
export async function runStart(_args: string[], config: Config): Promise<number> {
  const app = await createCliApp(config, { interactive: !hasChannels(config) });
  if (!hasChannels(config)) {
    await runTerminalChat({
      assistant: app.assistant,
      input: process.stdin,
      output: process.stdout,
      now: app.now,
      conversationId: `terminal:${randomUUID()}`,
    });
    await app.close();
    return 0;
  }
  const stop = await startChannels(app);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  app.logger.info({ signal }, "stopping");
  // Whatever hangs, the process is gone well within 15 s of the signal.
  const hardStop = setTimeout(() => {
    app.logger.error("shutdown took too long; exiting anyway");
    process.exit(1);
  }, HARD_EXIT_MS);
  hardStop.unref();
  await stop(DRAIN_MS);
  await app.close();
  app.logger.info("stopped");
  // Nothing the shutdown left (a cut request's socket, a listener's timer) may keep the process alive.
  setTimeout(() => process.exit(0), 200).unref();
  return 0;
}
