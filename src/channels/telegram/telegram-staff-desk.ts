/**
 * The Telegram side of the handoff: a forum supergroup (`TELEGRAM_STAFF_CHAT_ID`) with one topic
 * per ticket. The ticket message carries claim/close buttons (callback data `handoff_claim:<id>`,
 * `handoff_close:<id>`); what the claiming worker writes in the topic goes to the resident.
 * Posting uses its own `Api` without retries: the handoff outbox retries and must see failures.
 */
import { Api, Composer, GrammyError, type Context } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { Config } from "../../config/config.js";
import type { DeskMessage, StaffDesk, Ticket } from "../../handoff/handoff-model.js";
import type { HandoffService } from "../../handoff/handoff-service.js";
import { DESK_ACTIONS, handoffTexts as t } from "../../handoff/handoff-texts.js";
import type { TelegramExtension } from "./create-telegram-bot.js";
import { telegramAppError } from "./telegram-errors.js";

const TOPIC_NAME_MAX = 128;
/** `<claim|close action>:<ticket id>`. */
const DESK_CALLBACK = new RegExp(`^(${DESK_ACTIONS.claim}|${DESK_ACTIONS.close}):(\\d{1,12})$`);
const TEXT_MAX = 4000;

/** A Bot API client for the desk, without retries of its own. */
export function createStaffApi(config: Pick<Config, "TELEGRAM_BOT_TOKEN" | "TELEGRAM_API_ROOT">): Api {
  const apiRoot = config.TELEGRAM_API_ROOT?.replace(/\/+$/, "");
  // A hanging Bot API must not hold the outbox for grammY's default 500 s.
  return new Api(config.TELEGRAM_BOT_TOKEN!, { ...(apiRoot ? { apiRoot } : {}), timeoutSeconds: 15 });
}

export function createTelegramStaffDesk(deps: { api: Api; chatId: number }): StaffDesk {
  const { api, chatId } = deps;
  return wrapDeskErrors({
    kind: "telegram",
    async postTicket(ticket, save) {
      let thread = ticket.deskThread;
      if (!thread) {
        const topic = await api.createForumTopic(chatId, t.ticketTitle(ticket).slice(0, TOPIC_NAME_MAX));
        thread = String(topic.message_thread_id);
        await save({ thread });
      }
      const sent = await api.sendMessage(chatId, ticketHtml(ticket), {
        parse_mode: "HTML",
        message_thread_id: Number(thread),
        reply_markup: ticketKeyboard(ticket),
        link_preview_options: { is_disabled: true },
      });
      await save({ message: String(sent.message_id) });
    },
    async updateTicket(ticket) {
      try {
        await api.editMessageText(chatId, Number(ticket.deskMessage), ticketHtml(ticket), {
          parse_mode: "HTML",
          reply_markup: ticketKeyboard(ticket),
          link_preview_options: { is_disabled: true },
        });
      } catch (error) {
        // The message already shows this state (a repeated update): that is success.
        if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return;
        throw error;
      }
    },
    async postInThread(ticket, message) {
      await api.sendMessage(chatId, escapeHtml(message.text).slice(0, TEXT_MAX), {
        parse_mode: "HTML",
        message_thread_id: Number(ticket.deskThread),
        link_preview_options: { is_disabled: true },
        ...reminderKeyboard(ticket, message),
      });
    },
  });
}

/** The outbox reads AppErrors only: every desk call's failure is wrapped. */
function wrapDeskErrors(desk: StaffDesk): StaffDesk {
  const wrap = async (call: () => Promise<void>) => {
    try {
      await call();
    } catch (error) {
      throw telegramAppError(error);
    }
  };
  return {
    kind: desk.kind,
    postTicket: (ticket, save) => wrap(() => desk.postTicket(ticket, save)),
    updateTicket: (ticket) => wrap(() => desk.updateTicket(ticket)),
    postInThread: (ticket, message) => wrap(() => desk.postInThread(ticket, message)),
  };
}

function ticketHtml(ticket: Ticket): string {
  const summary = escapeHtml(ticket.summary || t.forgottenSummary);
  const hint = ticket.status === "open" ? `\n\n<i>${escapeHtml(t.claimHint)}</i>` : "";
  return `<b>${escapeHtml(t.ticketTitle(ticket))}</b>\n\n${summary}\n\n${escapeHtml(t.ticketStatus(ticket))}${hint}`.slice(0, TEXT_MAX);
}

function ticketKeyboard(ticket: Ticket): InlineKeyboardMarkup {
  const row: InlineKeyboardButton[] = [];
  if (ticket.status === "open") row.push({ text: t.buttons.claim, callback_data: `${DESK_ACTIONS.claim}:${ticket.id}` });
  if (ticket.status !== "closed") row.push({ text: t.buttons.close, callback_data: `${DESK_ACTIONS.close}:${ticket.id}` });
  return { inline_keyboard: row.length ? [row] : [] };
}

function reminderKeyboard(ticket: Ticket, message: DeskMessage): { reply_markup?: InlineKeyboardMarkup } {
  if (message.kind !== "reminder" || ticket.status !== "open") return {};
  return { reply_markup: { inline_keyboard: [[{ text: t.buttons.claim, callback_data: `${DESK_ACTIONS.claim}:${ticket.id}` }]] } };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The staff group's updates: claim/close buttons and messages in ticket topics. Everything from
 * the staff chat stops here; other chats pass on to the resident handlers.
 */
export function telegramStaffExtension(service: HandoffService, chatId: number, coordinators: ReadonlySet<string> = new Set()): TelegramExtension {
  return ({ deps }) => {
    const composer = new Composer<Context>();
    composer.use(async (ctx, next) => {
      if (ctx.chat?.id !== chatId) return next();
      const from = ctx.from;
      if (!from || from.is_bot) return;
      const workerId = `telegram:${from.id}`;
      const worker = { id: workerId, firstName: from.first_name.trim().split(/\s+/)[0] || "Een sociaal werker", coordinator: coordinators.has(workerId) };

      const data = ctx.callbackQuery?.data;
      if (data) {
        const match = DESK_CALLBACK.exec(data);
        if (!match) return void (await ctx.answerCallbackQuery().catch(() => undefined));
        const result = await (match[1] === DESK_ACTIONS.claim ? service.claim(Number(match[2]), worker) : service.close(Number(match[2]), worker));
        const text = result.ok
          ? undefined
          : result.reason === "taken"
            ? t.alreadyTaken(result.ticket?.workerName ?? "Een collega")
            : result.reason === "closed"
              ? t.alreadyClosed
              : result.reason === "not_claimer"
                ? t.closeNotAllowed(result.ticket?.workerName)
                : t.unknownTicket;
        await ctx.answerCallbackQuery(text ? { text, show_alert: true } : undefined).catch(() => undefined);
        return;
      }

      const message = ctx.message;
      const thread = message?.is_topic_message ? message.message_thread_id : undefined;
      if (!message || thread === undefined) return;
      // A photo or file: its caption goes, the file itself does not (and the worker hears so).
      const text = message.text ?? message.caption ?? "";
      const { result, ticket } = await service.workerMessage({
        desk: "telegram",
        thread: String(thread),
        worker,
        text,
        deliveryKey: `telegram:staff:${chatId}:${message.message_id}`,
      });
      const notice =
        result === "not_claimed" ? t.notRelayedUnclaimed
        : result === "closed" ? t.notRelayedClosed
        : result === "not_claimer" ? t.notRelayedOther(ticket?.workerName ?? "een collega")
        : result === "empty" || (result === "relayed" && message.text === undefined) ? t.notRelayedNotText
        : undefined;
      if (notice) {
        await ctx.reply(notice, { message_thread_id: thread, reply_parameters: { message_id: message.message_id } }).catch((error: unknown) => {
          deps.logger.warn({ err: error }, "could not tell the worker the message stayed internal");
        });
      }
    });
    return composer;
  };
}
