import type { Config } from "../config/config.js";
import type { Assistant } from "../core/assistant.js";
import type { ChannelSender, ConversationStore } from "../core/ports.js";
import type { HttpServer } from "../http/server.js";
import type { Logger } from "../log/logger.js";

/** What every channel adapter gets from the composition root. */
export interface ChannelDeps {
  config: Config;
  assistant: Assistant;
  store: ConversationStore;
  http: HttpServer;
  logger: Logger;
  now: () => Date;
}

/** A started channel: it can push messages to its conversations and be stopped. */
export interface RunningChannel {
  name: "telegram" | "slack";
  sender: ChannelSender;
  /**
   * Stops taking new work, gives the work in flight up to `drainMs` (default 10 s) to finish, then
   * cuts what is left (platform calls still hanging are aborted) and closes its connection pools.
   * Never takes much longer than `drainMs`.
   */
  stop(drainMs?: number): Promise<void>;
}
