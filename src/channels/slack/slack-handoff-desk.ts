/**
 * The Slack side of the handoff: tickets in `SLACK_HANDOFF_CHANNEL` with `handoff_claim` /
 * `handoff_close` buttons (value: the ticket id), and the ticket's thread as the line to the
 * resident. Posting goes through its own Web API client without retries: the handoff outbox
 * retries with backoff and must see every failure.
 */
import { webApi, type BlockAction, type ButtonAction, type types } from "@slack/bolt";
import type { Config } from "../../config/config.js";
import { AppError } from "../../core/app-error.js";
import type { DeskMessage, StaffDesk, Ticket } from "../../handoff/handoff-model.js";
import { DESK_ACTIONS, handoffTexts as t } from "../../handoff/handoff-texts.js";
import type { HandoffService } from "../../handoff/handoff-service.js";
import { escapeMrkdwn, splitText } from "./block-kit.js";
import type { SlackAppContext, SlackExtension } from "./slack-context.js";
import { describeSlackError, slackAppError } from "./slack-errors.js";
import { SlackIntakeError } from "./slack-intake.js";
import { slackTextToPlain } from "./slack-inbound.js";

type KnownBlock = types.KnownBlock;

/** A Web API client for the desk: no retries of its own, so the outbox sees every failure. */
export function createDeskClient(config: Pick<Config, "SLACK_BOT_TOKEN" | "SLACK_API_URL">): webApi.WebClient {
  return new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL.replace(/\/?$/, "/") } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
    logLevel: webApi.LogLevel.ERROR,
  });
}

export function createSlackHandoffDesk(deps: { client: webApi.WebClient; channel: string }): StaffDesk {
  const { client, channel } = deps;
  const wrap = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      // The outbox reads AppErrors only.
      throw slackAppError(error, what);
    }
  };
  const desk: StaffDesk = {
    kind: "slack",
    async postTicket(ticket, save) {
      const posted = await client.chat.postMessage({ channel, text: t.ticketTitle(ticket), blocks: ticketBlocks(ticket), unfurl_links: false });
      if (!posted.ts) throw new AppError("unavailable", "chat.postMessage returned no ts", { detail: "slack:no_ts" });
      await save({ thread: posted.ts, message: posted.ts });
    },
    async updateTicket(ticket) {
      await client.chat.update({ channel, ts: ticket.deskMessage!, text: t.ticketTitle(ticket), blocks: ticketBlocks(ticket) });
    },
    async postInThread(ticket, message) {
      await client.chat.postMessage({
        channel,
        thread_ts: ticket.deskThread!,
        text: message.text,
        blocks: threadBlocks(ticket, message),
        unfurl_links: false,
        // A reminder shows in the channel too, where people look.
        reply_broadcast: message.kind === "reminder",
      });
    },
  };
  return {
    kind: "slack",
    postTicket: (ticket, save) => wrap("the ticket", () => desk.postTicket(ticket, save)),
    updateTicket: (ticket) => wrap("a ticket update", () => desk.updateTicket(ticket)),
    postInThread: (ticket, message) => wrap("a thread message", () => desk.postInThread(ticket, message)),
  };
}

function ticketBlocks(ticket: Ticket): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: `*${escapeMrkdwn(t.ticketTitle(ticket))}*` } }];
  for (const chunk of splitText(escapeMrkdwn(ticket.summary || t.forgottenSummary), 2900)) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk } });
  }
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(t.ticketStatus(ticket)) }] });
  const buttons = ticket.status === "open" ? [claimButton(ticket), closeButton(ticket)] : ticket.status === "claimed" ? [closeButton(ticket)] : [];
  if (buttons.length) blocks.push({ type: "actions", elements: buttons });
  if (ticket.status === "open") blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(t.claimHint) }] });
  return blocks;
}

function threadBlocks(ticket: Ticket, message: DeskMessage): KnownBlock[] {
  const blocks: KnownBlock[] = splitText(escapeMrkdwn(message.text), 2900).map((chunk) => ({
    type: "section" as const,
    text: { type: "mrkdwn" as const, text: chunk },
  }));
  if (message.kind === "reminder" && ticket.status === "open") blocks.push({ type: "actions", elements: [claimButton(ticket)] });
  return blocks;
}

function claimButton(ticket: Ticket): types.Button {
  return { type: "button", action_id: DESK_ACTIONS.claim, style: "primary", text: { type: "plain_text", text: t.buttons.claim }, value: String(ticket.id) };
}

function closeButton(ticket: Ticket): types.Button {
  return { type: "button", action_id: DESK_ACTIONS.close, text: { type: "plain_text", text: t.buttons.close }, value: String(ticket.id) };
}

/**
 * Listeners for the handoff channel: the claim and close buttons (members of the channel only;
 * closing only by the worker who claimed the ticket or a coordinator) and replies in ticket threads. Register with `startSlack(deps, { extensions: [...] })`.
 */
export function slackHandoffExtension(service: HandoffService, channel: string, coordinators: ReadonlySet<string> = new Set()): SlackExtension {
  return (context: SlackAppContext) => {
    const { app, client, deps, botUserId } = context;

    const tellWorker = (user: string, text: string, threadTs?: string) =>
      client.chat.postEphemeral({ channel, user, text, ...(threadTs ? { thread_ts: threadTs } : {}) }).then(
        () => undefined,
        (error: unknown) => deps.logger.warn({ slack: describeSlackError(error) }, "Slack: could not tell the worker"),
      );

    for (const [actionId, act] of [
      [DESK_ACTIONS.claim, service.claim],
      [DESK_ACTIONS.close, service.close],
    ] as const) {
      app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body }) => {
        await ack();
        // The claim and close are one transaction each, with the desk updates in the outbox; they
        // run after the acknowledgement (the member check and the name are Web API calls).
        void press(actionId, act, body.user.id, body.user.name, body.channel?.id ?? (body.container as { channel_id?: string }).channel_id, action.value);
      });
    }

    async function press(
      actionId: string,
      act: HandoffService["claim"] | HandoffService["close"],
      user: string,
      userName: string | undefined,
      where: string | undefined,
      value: string | undefined,
    ): Promise<void> {
      try {
        if (where !== channel || !(await isMember(client, channel, user))) return void (await tellWorker(user, t.notMember));
        const id = `slack:${user}`;
        const result = await act(Number(value), { id, firstName: await firstName(client, user, userName), coordinator: coordinators.has(id) });
        if (!result.ok) {
          const text =
            result.reason === "taken" ? t.alreadyTaken(result.ticket?.workerName ?? "Een collega")
            : result.reason === "closed" ? t.alreadyClosed
            : result.reason === "not_claimer" ? t.closeNotAllowed(result.ticket?.workerName)
            : t.unknownTicket;
          await tellWorker(user, text, result.ticket?.deskThread);
        }
      } catch (error) {
        // E.g. a missing scope for conversations.members: the worker must not think it worked.
        deps.logger.error({ slack: describeSlackError(error), action: actionId }, "Slack: handoff button failed");
        await tellWorker(user, t.actionFailed);
      }
    }

    app.message(async ({ message }) => {
      if (message.channel !== channel || !("thread_ts" in message) || !message.thread_ts) return;
      if ((message.subtype !== undefined && message.subtype !== "file_share") || ("bot_id" in message && message.bot_id)) return;
      const user = "user" in message ? message.user : undefined;
      if (!user || user === botUserId) return;
      const text = slackTextToPlain("text" in message && message.text ? message.text : "", botUserId);

      // Awaited: the relay is written to the outbox before Slack gets its acknowledgement; when that
      // fails Slack gets a 500 and delivers the message again (the delivery key drops a repeat).
      let outcome: Awaited<ReturnType<HandoffService["workerMessage"]>>;
      try {
        outcome = await service.workerMessage({
          desk: "slack",
          thread: message.thread_ts,
          worker: { id: `slack:${user}`, firstName: "" },
          text,
          deliveryKey: `slack:handoff:${channel}:${message.ts}`,
        });
      } catch (error) {
        throw new SlackIntakeError(error);
      }
      const { result, ticket } = outcome;
      const notice =
        result === "not_claimed" ? t.notRelayedUnclaimed
        : result === "closed" ? t.notRelayedClosed
        : result === "not_claimer" ? t.notRelayedOther(ticket?.workerName ?? "een collega")
        // Files are not passed on; the words with them are.
        : result === "empty" || (result === "relayed" && message.subtype === "file_share") ? t.notRelayedNotText
        : undefined;
      if (notice) void tellWorker(user, notice, message.thread_ts);
    });
  };
}

async function isMember(client: webApi.WebClient, channel: string, user: string): Promise<boolean> {
  let cursor: string | undefined;
  do {
    const page = await client.conversations.members({ channel, limit: 500, ...(cursor ? { cursor } : {}) });
    if (page.members?.includes(user)) return true;
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return false;
}

/** First name only: that is all the resident is told. */
async function firstName(client: webApi.WebClient, user: string, fallback: string | undefined): Promise<string> {
  try {
    const info = await client.users.info({ user });
    const profile = info.user?.profile;
    const name = profile?.first_name || profile?.display_name || profile?.real_name || info.user?.real_name || "";
    const first = name.trim().split(/\s+/)[0];
    if (first) return first;
  } catch {
    // Falls through: a claim must not fail because the profile could not be read.
  }
  return fallback?.split(/[\s._]/)[0] || "Een sociaal werker";
}
