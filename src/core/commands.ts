import type { AssistantDeps } from "./assistant.js";
import { textsFor } from "./texts.js";
import type { AssistantReply, InboundMessage } from "./types.js";

const FORGET_YES = "forget_confirm";
const FORGET_NO = "forget_cancel";

/**
 * Slash commands and button presses every channel shares: /start, /help, /privacy, /vergeet
 * (with a confirm button), feedback buttons, and the "talk to a person" button when no handoff
 * queue is configured. Returns null for anything else.
 */
export async function handleCommand(inbound: InboundMessage, deps: AssistantDeps): Promise<AssistantReply | null> {
  const { store } = deps;
  const texts = textsFor(inbound.language);
  const action = inbound.action;
  if (action) {
    switch (action.id) {
      case "feedback_up":
      case "feedback_down": {
        const value = action.id === "feedback_up" ? "up" : "down";
        await store.recordFeedback({ conversationId: inbound.conversationId, messageRef: action.value ?? inbound.id, value, at: deps.now() });
        return command([{ text: value === "up" ? texts.feedbackThanks : texts.feedbackDownThanks }]);
      }
      case FORGET_YES: {
        await store.forgetUser(inbound.userId);
        // The confirmation itself must not be stored again after the erasure.
        return { ...command([{ text: texts.forgetDone }]), forgotten: true };
      }
      case FORGET_NO:
        return command([{ text: texts.forgetCancelled }]);
      case "handoff_request":
        return command([{ text: texts.noHandoff(deps.wijkteamContact) }]);
      default:
        return null;
    }
  }
  const match = /^\/([a-z_]+)(?:@\w+)?\b/i.exec(inbound.text.trim());
  if (!match) return null;
  switch (match[1]!.toLowerCase()) {
    case "start":
      return command([{ text: texts.welcome }]);
    case "help":
    case "hulp":
      return command([{ text: texts.help }]);
    case "privacy":
      return command([{ text: texts.privacy(deps.retentionDays) }]);
    case "vergeet":
      return command([
        {
          text: texts.forgetConfirm,
          buttons: [
            { id: FORGET_YES, label: texts.buttons.forgetYes, answers: "yes" },
            { id: FORGET_NO, label: texts.buttons.forgetNo, answers: "no" },
          ],
        },
      ]);
    case "mens":
      return command([{ text: texts.noHandoff(deps.wijkteamContact) }]);
    default:
      return null;
  }
}

function command(replies: AssistantReply["replies"]): AssistantReply {
  return { intent: "command", replies, sources: [], confident: true };
}
