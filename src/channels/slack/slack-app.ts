import { App, ExpressReceiver, webApi, type Logger as BoltLogger } from "@slack/bolt";
import type { Config } from "../../config/config.js";
import type { ChannelDeps } from "../channel.js";
import { registerActionHandlers } from "./slack-actions.js";
import { registerCommandHandlers } from "./slack-command.js";
import type { SlackAppContext, SlackExtension } from "./slack-context.js";
import { createSlackDelivery, createSlackSender } from "./slack-delivery.js";
import { describeSlackError } from "./slack-errors.js";
import { registerFeedbackModal } from "./slack-feedback.js";
import { SlackIntakeError } from "./slack-intake.js";
import { registerMessageHandlers } from "./slack-messages.js";
import { mountSlackRequestGuard, SLACK_BODY_LIMIT_BYTES } from "./slack-request-guard.js";

/** Where Slack sends events, slash commands and button presses (the manifest uses the same path). */
export const SLACK_EVENTS_PATH = "/slack/events";

/**
 * Web API retries: a few quick tries with jittered back-off (5xx, network). A person is waiting for
 * the answer, so this gives up after about 8 seconds of back-off. Rate limits are not waited out by
 * the client (it pauses every call of the app for the whole Retry-After, so one channel's limit
 * would block all); the delivery waits a short Retry-After itself, for that call only.
 */
export const SLACK_RETRY = { retries: 5, factor: 2, minTimeout: 250, maxTimeout: 4000, randomize: true } as const;

/** Bolt's client options from the config: base URL, retries, a timeout, our logger. */
export function slackClientOptions(config: Pick<Config, "SLACK_API_URL">, logger: BoltLogger): webApi.WebClientOptions {
  return {
    // The WebClient appends method names to this URL; it must end with a slash.
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL.replace(/\/?$/, "/") } : {}),
    retryConfig: { ...SLACK_RETRY },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
    logger,
  };
}

export interface SlackIdentity {
  botUserId: string;
  botId: string;
}

export interface CreateSlackAppOptions {
  deps: ChannelDeps;
  identity: SlackIdentity;
  logger: BoltLogger;
  /** Extra listeners (e.g. the handoff module's), added after the built-in ones. */
  extensions?: SlackExtension[];
  /** Record requests here before they are acknowledged (see {@link SlackAppContext.inbox}). */
  inbox?: SlackAppContext["inbox"];
}

/**
 * Builds the Bolt app with every Wijkwijzer listener. Over HTTP (signing secret) it mounts
 * `/slack/events` on the shared express app; with `SLACK_APP_TOKEN` it uses Socket Mode
 * (then the caller must `app.start()`).
 */
export function createSlackApp(options: CreateSlackAppOptions): SlackAppContext {
  const { deps, identity, logger } = options;
  const { config } = deps;
  const clientOptions = slackClientOptions(config, logger);
  const common = {
    token: config.SLACK_BOT_TOKEN!,
    // Known ids: Bolt then skips its own auth.test, whose failure it would keep for ever.
    botId: identity.botId,
    botUserId: identity.botUserId,
    logger,
    logLevel: logger.getLevel(),
    clientOptions,
    // Conversation state lives in our store, not in Bolt's in-memory one.
    convoStore: false as const,
  };
  // Over HTTP the gate comes first: it must refuse oversized, unsigned and replayed requests before Bolt reads them.
  if (!config.SLACK_APP_TOKEN) {
    mountSlackRequestGuard(deps.http.app, SLACK_EVENTS_PATH, { signingSecret: config.SLACK_SIGNING_SECRET!, logger: deps.logger });
  }
  const app = config.SLACK_APP_TOKEN
    ? new App({ ...common, socketMode: true, appToken: config.SLACK_APP_TOKEN })
    : new App({
        ...common,
        receiver: new ExpressReceiver({
          signingSecret: config.SLACK_SIGNING_SECRET!,
          endpoints: SLACK_EVENTS_PATH,
          // The 200 goes back once the listeners are done: they record what they answer first
          // (a database write), and leave slow work (answering, Web API calls) for after.
          processBeforeResponse: true,
          // The gate already refused more than this; Bolt's own check stays as a second line.
          bodyLimit: SLACK_BODY_LIMIT_BYTES,
          // The receiver mounts its router (signature check, url_verification, dispatch) on the shared server.
          app: deps.http.app,
          logger,
        }),
      });

  app.error(async (error) => {
    // Not recorded: rethrown, so the receiver answers 500 and Slack delivers the request again.
    if (isIntakeFailure(error)) {
      deps.logger.error({ err: (error as { original?: unknown }).original ?? error }, "Slack: a request could not be recorded; Slack will retry");
      throw error;
    }
    deps.logger.error({ slack: describeSlackError(error), code: error.code }, "Slack: unhandled error in a listener");
  });

  const delivery = createSlackDelivery(app.client, deps.logger);
  const context: SlackAppContext = {
    app,
    client: app.client,
    deps,
    botUserId: identity.botUserId,
    delivery,
    sender: createSlackSender(delivery),
    work: new Map(),
    ...(options.inbox ? { inbox: options.inbox } : {}),
  };
  registerMessageHandlers(context);
  registerCommandHandlers(context);
  registerActionHandlers(context);
  registerFeedbackModal(context);
  for (const extend of options.extensions ?? []) extend(context);
  return context;
}

function isIntakeFailure(error: unknown): boolean {
  const e = error as { original?: unknown; originals?: unknown[] };
  return error instanceof SlackIntakeError || e.original instanceof SlackIntakeError || (e.originals ?? []).some((o) => o instanceof SlackIntakeError);
}

/**
 * Checks the bot token with `auth.test` (retried like every call) and returns the bot's ids.
 * Throws a clear error when Slack does not accept the token.
 */
export async function verifySlackToken(config: Pick<Config, "SLACK_BOT_TOKEN" | "SLACK_API_URL">, logger: BoltLogger): Promise<SlackIdentity> {
  const client = new webApi.WebClient(config.SLACK_BOT_TOKEN, slackClientOptions(config, logger));
  try {
    const result = await client.auth.test();
    if (!result.user_id || !result.bot_id) throw new Error("auth.test returned no bot user: use a bot token (xoxb-)");
    return { botUserId: result.user_id, botId: result.bot_id };
  } catch (error) {
    const { code } = describeSlackError(error);
    throw new Error(
      `Slack did not accept SLACK_BOT_TOKEN (${code === "unknown" ? (error as Error).message : code}). ` +
        "Copy the Bot User OAuth Token from OAuth & Permissions in your Slack app settings.",
      { cause: error },
    );
  }
}
