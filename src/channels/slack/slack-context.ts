import type { App, webApi } from "@slack/bolt";
import type { ChannelSender } from "../../core/ports.js";
import type { ChannelDeps } from "../channel.js";
import type { SlackDelivery } from "./slack-delivery.js";
import { describeSlackError } from "./slack-errors.js";

/**
 * Everything a Slack listener needs. Extensions (the handoff module's `handoff_claim` /
 * `handoff_close` buttons and thread relay) receive the same object through a {@link SlackExtension}.
 */
export interface SlackAppContext {
  app: App;
  /** Web API client with the bot token, retries and `SLACK_API_URL` applied. */
  client: webApi.WebClient;
  deps: ChannelDeps;
  /** The bot's own user id (U…), from `auth.test`. */
  botUserId: string;
  /** Renders core messages as Block Kit and sends them; throws when Slack refuses. */
  delivery: SlackDelivery;
  /** Posts to `slack:<channel>[:<thread_ts>]` conversations. */
  sender: ChannelSender;
}

/** Adds listeners to the Slack app (called once, after the built-in ones are registered). */
export type SlackExtension = (context: SlackAppContext) => void;

/**
 * Runs a listener body and logs its failure (Slack error code, no tokens or text) instead of
 * letting it reach Bolt: one failed answer must never stop the app.
 */
export async function guarded(context: Pick<SlackAppContext, "deps">, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    context.deps.logger.error({ err: error, slack: describeSlackError(error) }, `Slack: ${what} failed`);
  }
}

/**
 * True the first time an event is seen. Slack redelivers events it thinks were not acknowledged
 * (with `X-Slack-Retry-Num`); the event id makes a redelivery recognisable.
 */
export async function isFirstDelivery(
  context: Pick<SlackAppContext, "deps">,
  key: string,
  retryNum: number | undefined,
): Promise<boolean> {
  const { deps } = context;
  if (await deps.store.markDelivery(`slack:event:${key}`, deps.now())) return true;
  deps.logger.info({ eventId: key, retryNum: retryNum ?? 0 }, "Slack: duplicate delivery ignored");
  return false;
}
