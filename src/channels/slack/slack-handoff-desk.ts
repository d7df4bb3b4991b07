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
import type { SlackAppContext, SlackExtension, SlackOutput } from "./slack-context.js";
import { channelConversationId, threadConversationId } from "./slack-conversation.js";
import { describeSlackError, slackAppError } from "./slack-errors.js";
import { takeInWork } from "./slack-intake.js";
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

/** Kinds of recorded handoff work (see {@link takeInWork}). */
const PRESS_WORK = "handoff_press";
const MESSAGE_WORK = "handoff_message";

interface PressWork {
  action: "claim" | "close";
  user: string;
  userName?: string;
  /** The channel the button was pressed in. */
  where?: string;
  value?: string;
  /** The ticket's thread (notices go there). */
  thread?: string;
}

interface MessageWork {
  user: string;
  thread: string;
  ts: string;
  text: string;
  fileShare: boolean;
}

/**
 * Listeners for the handoff channel: the claim and close buttons (members of the channel only;
 * closing only by the worker who claimed the ticket or a coordinator) and replies in ticket threads.
 * Both are recorded in the inbox before Slack gets its acknowledgement (a press by its `action_ts`, a
 * message by its `ts`) and performed by the inbox worker, in order per ticket thread; what the worker
 * is told goes through the outbox. Claim and close are compare-and-set on the ticket and a relayed
 * message carries its delivery key, so a press or message performed again after a crash does nothing
 * twice. Register with `startSlack(deps, { extensions: [...] })`.
 */
export function slackHandoffExtension(service: HandoffService, channel: string, coordinators: ReadonlySet<string> = new Set()): SlackExtension {
  return (context: SlackAppContext) => {
    const { app, client, botUserId } = context;

    const notice = (user: string, text: string, thread?: string): SlackOutput => ({
      conversationId: thread ? threadConversationId(channel, thread) : channelConversationId(channel),
      target: { kind: "ephemeral", channel, user, ...(thread ? { threadTs: thread } : {}) },
      message: { text },
    });

    for (const [actionId, action] of [
      [DESK_ACTIONS.claim, "claim"],
      [DESK_ACTIONS.close, "close"],
    ] as const) {
      app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action: pressed, body }) => {
        const container = body.container as { channel_id?: string; message_ts?: string };
        // A reminder's claim button sits in the ticket's thread; the ticket's own at its top.
        const thread = (body.message?.thread_ts as string | undefined) ?? container.message_ts ?? body.message?.ts;
        const work: PressWork = {
          action,
          user: body.user.id,
          ...(body.user.name ? { userName: body.user.name } : {}),
          ...((body.channel?.id ?? container.channel_id) ? { where: body.channel?.id ?? container.channel_id } : {}),
          ...(pressed.value !== undefined ? { value: pressed.value } : {}),
          ...(thread ? { thread } : {}),
        };
        const chat = thread ? threadConversationId(channel, thread) : channelConversationId(channel);
        await takeInWork(context, `action:${pressed.action_ts}:${body.user.id}`, { kind: PRESS_WORK, chat, userId: `slack:${body.user.id}`, data: work });
        await ack();
      });
    }

    // The member check and the name are Web API calls, made here by the inbox worker, not before the 200.
    context.work.set(PRESS_WORK, async (data) => {
      const press = data as PressWork;
      const { user } = press;
      try {
        if (press.where !== channel || !(await isMember(client, channel, user))) return [notice(user, t.notMember)];
        const id = `slack:${user}`;
        const worker = { id, firstName: await firstName(client, user, press.userName), coordinator: coordinators.has(id) };
        const result = await (press.action === "claim" ? service.claim : service.close)(Number(press.value), worker);
        if (result.ok) return [];
        const text =
          result.reason === "taken" ? t.alreadyTaken(result.ticket?.workerName ?? "Een collega")
          : result.reason === "closed" ? t.alreadyClosed
          : result.reason === "not_claimer" ? t.closeNotAllowed(result.ticket?.workerName)
          : t.unknownTicket;
        return [notice(user, text, result.ticket?.deskThread)];
      } catch (error) {
        // E.g. a missing scope for conversations.members: the worker must not think it worked.
        context.deps.logger.error({ slack: describeSlackError(error), action: press.action }, "Slack: handoff button failed");
        return [notice(user, t.actionFailed, press.thread)];
      }
    });

    app.message(async ({ message, context: bolt }) => {
      if (message.channel !== channel || !("thread_ts" in message) || !message.thread_ts) return;
      if ((message.subtype !== undefined && message.subtype !== "file_share") || ("bot_id" in message && message.bot_id)) return;
      const user = "user" in message ? message.user : undefined;
      if (!user || user === botUserId) return;
      const work: MessageWork = {
        user,
        thread: message.thread_ts,
        ts: message.ts,
        text: slackTextToPlain("text" in message && message.text ? message.text : "", botUserId),
        fileShare: message.subtype === "file_share",
      };
      await takeInWork(
        context,
        `message:${channel}:${message.ts}`,
        { kind: MESSAGE_WORK, chat: threadConversationId(channel, message.thread_ts), userId: `slack:${user}`, data: work },
        bolt.retryNum,
      );
    });

    context.work.set(MESSAGE_WORK, async (data) => {
      const said = data as MessageWork;
      // Relayed through the outbox first, its delivery key marked after: performed again (the worker
      // died before the item was done), the key drops it.
      const { result, ticket } = await service.workerMessage({
        desk: "slack",
        thread: said.thread,
        worker: { id: `slack:${said.user}`, firstName: "" },
        text: said.text,
        deliveryKey: `slack:handoff:${channel}:${said.ts}`,
      });
      const text =
        result === "not_claimed" ? t.notRelayedUnclaimed
        : result === "closed" ? t.notRelayedClosed
        : result === "not_claimer" ? t.notRelayedOther(ticket?.workerName ?? "een collega")
        // Files are not passed on; the words with them are.
        : result === "empty" || (result === "relayed" && said.fileShare) ? t.notRelayedNotText
        : undefined;
      return text ? [notice(said.user, text, said.thread)] : [];
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
