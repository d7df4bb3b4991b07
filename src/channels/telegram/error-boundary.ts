import type { BotError, Context } from "grammy";
import { ACTIONS } from "../../core/actions.js";
import { textLanguageOf } from "../../core/language.js";
import { textsFor } from "../../core/texts.js";
import type { Logger } from "../../log/logger.js";
import type { CallbackDataCodec } from "./callback-data.js";
import { deliverMessages } from "./deliver.js";
import { isAddressedToBot } from "./map-update.js";
import type { ReplyLanes } from "./reply-lanes.js";

/**
 * The one place a failed update ends up (`bot.catch` and the error boundary around the handlers):
 * it logs what went wrong without tokens or message text, and gives the resident a short apology
 * with the offer of a person: never internals.
 */
export function createUpdateErrorHandler(deps: { logger: Logger; codec: CallbackDataCodec; lanes: ReplyLanes; staffChatId?: number }) {
  return async (error: BotError<Context>): Promise<void> => {
    const { ctx } = error;
    deps.logger.error(
      { err: error.error instanceof Error ? error.error : new Error(String(error.error)), updateId: ctx.update.update_id, channel: "telegram" },
      "handling a Telegram update failed",
    );
    const chatId = ctx.chat?.id;
    if (chatId === undefined || chatId === deps.staffChatId) return;
    // In a group, only someone who spoke to the bot gets the apology.
    const message = ctx.message ?? ctx.editedMessage;
    if (ctx.chat?.type !== "private" && !ctx.callbackQuery && !(message && isAddressedToBot(message, ctx.me))) return;
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      // The conversation's language is not known here; the app's language setting is the best guess.
      const texts = textsFor(textLanguageOf(ctx.from?.language_code));
      const apology = { text: texts.error, buttons: [{ id: ACTIONS.handoffRequest, label: texts.buttons.person }] };
      const api = ctx.api;
      // Through the chat's lane: during an outage the apology waits with the chat's other replies.
      await deps.lanes.deliver(chatId, {
        send: async () => void (await deliverMessages(api, chatId, [apology], deps.codec)),
        sendApology: async (late) => void (await deliverMessages(api, chatId, [late], deps.codec)),
      });
    } catch (sendError) {
      deps.logger.error({ err: sendError, updateId: ctx.update.update_id }, "could not send the apology");
    }
  };
}
