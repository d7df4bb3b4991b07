import type { ChannelDeps, RunningChannel } from "../channel.js";
import type { Inbox } from "../inbox.js";
import { createInboxWorker, type InboxWorker } from "../inbox-worker.js";
import { answerSlackItem } from "./slack-intake.js";
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
  /**
   * At least once in, exactly once out: requests are recorded in `inbox` before they are
   * acknowledged, answered by the inbox worker, and their replies go to the outbox (delivered by the
   * handoff outbox; `onReplies` tells it to deliver now). Without it requests are answered in-process.
   */
  durable?: { inbox: Inbox; onReplies: () => void; leaseMs?: number; pollMs?: number };
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
  const { durable } = options;
  let worker: InboxWorker | undefined;
  const context = createSlackApp({
    deps,
    identity,
    logger: boltLogger,
    ...(options.extensions ? { extensions: options.extensions } : {}),
    ...(durable ? { inbox: { inbox: durable.inbox, kick: () => worker?.kick() } } : {}),
  });
  if (durable) {
    worker = createInboxWorker({
      inbox: durable.inbox,
      channel: "slack",
      logger,
      now: deps.now,
      handle: (item) => answerSlackItem(context, item),
      onCompleted: durable.onReplies,
      ...(durable.leaseMs ? { leaseMs: durable.leaseMs } : {}),
      ...(durable.pollMs ? { pollMs: durable.pollMs } : {}),
    });
  }
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  // Socket Mode opens its own WebSocket; over HTTP the shared server (started by main) carries the events.
  if (socketMode) await context.app.start();
  // Also picks up what an earlier run (or another instance) recorded and did not finish.
  worker?.start();
  logger.info({ mode: socketMode ? "socket" : "http", path: socketMode ? undefined : SLACK_EVENTS_PATH }, "Slack channel ready");
  return {
    name: "slack",
    sender: context.sender,
    async stop(drainMs = 10_000) {
      const deadline = Date.now() + drainMs;
      // Over HTTP the shared server stops the events; Socket Mode closes its own connection.
      if (socketMode) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([context.app.stop(), new Promise((resolve) => (timer = setTimeout(resolve, drainMs)))]).finally(() => clearTimeout(timer));
      }
      // What is not finished stays recorded: the next start (or another instance) answers it.
      if (worker && !(await worker.stop(Math.max(0, deadline - Date.now())))) logger.warn({ channel: "slack" }, "stopped with Slack requests unfinished");
    },
  };
}
