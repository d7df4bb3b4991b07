import type { App, webApi } from "@slack/bolt";
import type { ChannelSender } from "../../core/ports.js";
import type { OutboundMessage } from "../../core/types.js";
import type { ChannelDeps } from "../channel.js";
import type { Inbox } from "../inbox.js";
import type { MessageOptions, ReplyTarget, SlackDelivery } from "./slack-delivery.js";
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
  /**
   * Where requests are recorded before they are acknowledged (`kick` wakes the worker). Unset: they
   * are answered in this process after the acknowledgement (no outbox runs).
   */
  inbox?: { inbox: Inbox; kick: () => void };
  /**
   * Performers of recorded work by kind (`takeInWork` in slack-intake.ts): listeners that record
   * work register here how it is done, so the inbox worker (on any instance) can do it.
   */
  work: Map<string, SlackWorkHandler>;
}

/** A message a performed piece of work sends (a notice to a worker, a thank-you): through the outbox. */
export interface SlackOutput {
  conversationId: string;
  target: ReplyTarget;
  message: OutboundMessage;
  options?: MessageOptions;
}

/**
 * Performs one recorded piece of work; resolves with what it sends. Must be safe to run again
 * (an instance that died mid-way leaves it to the next): a throw is retried by the inbox worker.
 */
export type SlackWorkHandler = (data: unknown, receivedAt: Date) => Promise<SlackOutput[]>;

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
 * Runs work after the listener has returned, guarded like {@link guarded}. The receiver sends the
 * HTTP response once the listeners are done: what need not be recorded first must not hold it up.
 */
export function afterAck(context: Pick<SlackAppContext, "deps">, what: string, work: () => Promise<void>): void {
  void guarded(context, what, work);
}

/**
 * True the first time a request is seen (without an inbox; the inbox de-duplicates by itself).
 * Slack redelivers events it thinks were not acknowledged (with `X-Slack-Retry-Num`); `key`
 * (`event:<event_id>`, `command:<trigger_id>`, …) makes a redelivery recognisable.
 */
export async function isFirstDelivery(
  context: Pick<SlackAppContext, "deps">,
  key: string,
  retryNum: number | undefined,
): Promise<boolean> {
  const { deps } = context;
  if (await deps.store.markDelivery(`slack:${key}`, deps.now())) return true;
  logDuplicate(context, key, retryNum);
  return false;
}

/** Logs a dropped redelivery by its Slack id (no content). */
export function logDuplicate(context: Pick<SlackAppContext, "deps">, key: string, retryNum: number | undefined): void {
  context.deps.logger.info({ eventId: key.slice(key.indexOf(":") + 1), retryNum: retryNum ?? 0 }, "Slack: duplicate delivery ignored");
}
