import { ACTIONS, COMMANDS, parseCommand } from "./actions.js";
import type { AssistantDeps } from "./assistant.js";
import { textsFor } from "./texts.js";
import type { AssistantReply, InboundMessage } from "./types.js";


/**
 * Slash commands and button presses every channel shares: /start, /help, /privacy, /bronnen, /vergeet
 * (with a confirm button), feedback buttons, and the "talk to a person" button when no handoff
 * queue is configured. Returns null for anything else.
 */
export async function handleCommand(inbound: InboundMessage, deps: AssistantDeps): Promise<AssistantReply | null> {
  const { store } = deps;
  const texts = textsFor(inbound.language);
  const action = inbound.action;
  if (action) {
    switch (action.id) {
      case ACTIONS.feedbackUp:
      case ACTIONS.feedbackDown: {
        const value = action.id === ACTIONS.feedbackUp ? "up" : "down";
        await store.recordFeedback({ conversationId: inbound.conversationId, messageRef: action.value ?? inbound.id, value, at: deps.now() });
        return command([{ text: value === "up" ? texts.feedbackThanks : texts.feedbackDownThanks }]);
      }
      case ACTIONS.forgetConfirm: {
        await store.forgetUser(inbound.userId);
        // The confirmation itself must not be stored again after the erasure.
        return { ...command([{ text: inbound.inGroup ? texts.forgetDoneGroup : texts.forgetDone }]), forgotten: true };
      }
      case ACTIONS.forgetCancel:
        return command([{ text: texts.forgetCancelled }]);
      case ACTIONS.handoffRequest:
        return command([{ text: texts.noHandoff(deps.wijkteamContact) }]);
      default:
        return null;
    }
  }
  const parsed = parseCommand(inbound.text);
  if (!parsed) return null;
  switch (parsed.name) {
    case COMMANDS.start:
      return command([{ text: texts.welcome }]);
    case COMMANDS.help:
    case COMMANDS.hulp:
      return command([{ text: texts.help }]);
    case COMMANDS.privacy:
      return command([{ text: texts.privacy(deps.retentionDays) }]);
    case COMMANDS.sources:
    case COMMANDS.sourcesEn:
      return command([{ text: texts.sources }]);
    case COMMANDS.forget:
      return command([
        {
          text: inbound.inGroup ? texts.forgetConfirmGroup : texts.forgetConfirm,
          buttons: [
            { id: ACTIONS.forgetConfirm, label: texts.buttons.forgetYes, answers: "yes" },
            { id: ACTIONS.forgetCancel, label: texts.buttons.forgetNo, answers: "no" },
          ],
        },
      ]);
    case COMMANDS.person:
      return command([{ text: texts.noHandoff(deps.wijkteamContact) }]);
    default:
      return null;
  }
}

function command(replies: AssistantReply["replies"]): AssistantReply {
  return { intent: "command", replies, sources: [], confident: true };
}
