import type { ChannelDeps, RunningChannel } from "../channel.js";
import { createSlackApp, SLACK_EVENTS_PATH, verifySlackToken, type SlackIdentity } from "./slack-app.js";
import type { SlackExtension } from "./slack-context.js";
import { createBoltLogger } from "./slack-logger.js";

export type { SlackAppContext, SlackExtension } from "./slack-context.js";
export type { SlackIdentity } from "./slack-app.js";

export interface SlackChannelOptions {
  /** Extra listeners, e.g. the handoff module's `handoff_claim` / `handoff_close` buttons and thread relay. */
  extensions?: SlackExtension[];
  /** Known bot ids skip the `auth.test` check at start (bench). */
  identity?: SlackIdentity;
}

/**
 * Starts the Slack app for professionals: over HTTP at `/slack/events` on the shared server
 * (`SLACK_BOT_TOKEN` + `SLACK_SIGNING_SECRET`), or over Socket Mode when `SLACK_APP_TOKEN` is set.
 * Checks the bot token first and fails with a clear message when Slack refuses it.
 */
export async function startSlack(deps: ChannelDeps, options: SlackChannelOptions = {}): Promise<RunningChannel> {
  const { config, logger } = deps;
  if (!config.SLACK_BOT_TOKEN) throw new Error("SLACK_BOT_TOKEN is not set");
  const boltLogger = createBoltLogger(logger);
  const identity = options.identity ?? (await verifySlackToken(config, boltLogger));
  const context = createSlackApp({
    deps,
    identity,
    logger: boltLogger,
    ...(options.extensions ? { extensions: options.extensions } : {}),
  });
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  // Socket Mode opens its own WebSocket; over HTTP the shared server (started by main) carries the events.
  if (socketMode) await context.app.start();
  logger.info({ mode: socketMode ? "socket" : "http", path: socketMode ? undefined : SLACK_EVENTS_PATH }, "Slack channel ready");
  return {
    name: "slack",
    sender: context.sender,
    async stop(drainMs = 10_000) {
      // Over HTTP the shared server stops the events; listeners still running end with the process.
      if (!socketMode) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([context.app.stop(), new Promise((resolve) => (timer = setTimeout(resolve, drainMs)))]).finally(() => clearTimeout(timer));
    },
  };
}
