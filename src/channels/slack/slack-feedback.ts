import type { types, webApi } from "@slack/bolt";
import { redactPersonalData } from "../../safety/redact.js";
import type { ButtonPress } from "./slack-actions.js";
import type { SlackAppContext } from "./slack-context.js";
import { ACTIONS } from "../../core/actions.js";
import { describeSlackError } from "./slack-errors.js";
import { toInbound } from "./slack-inbound.js";
import { takeInWork } from "./slack-intake.js";
import { slackTexts } from "./slack-texts.js";

export const FEEDBACK_MODAL = "feedback_reason";
const REASON_BLOCK = "reason";
const COMMENT_BLOCK = "comment";
const COMMENT_MAX = 500;

interface ModalMetadata {
  c: string;
  m: string;
  u: string;
}

/**
 * 👎 asks "what was wrong?" in a modal (a choice and an optional comment). The 👎 is recorded
 * exactly once: with the reason when the modal is sent, without one when it is closed.
 * Returns false when the modal could not be opened (the caller then records the 👎 itself).
 */
export async function openFeedbackModal(
  context: SlackAppContext,
  client: webApi.WebClient,
  triggerId: string,
  press: ButtonPress,
): Promise<boolean> {
  const metadata: ModalMetadata = { c: press.conversationId, m: press.value ?? press.id, u: press.user };
  try {
    await client.views.open({ trigger_id: triggerId, view: reasonView(JSON.stringify(metadata)) });
    return true;
  } catch (error) {
    context.deps.logger.warn({ slack: describeSlackError(error) }, "Slack: could not open the feedback modal");
    return false;
  }
}

/** Kind of the recorded modal answer (see {@link takeInWork}). */
const FEEDBACK_WORK = "feedback_modal";

interface FeedbackWork {
  metadata: ModalMetadata;
  user: string;
  /** Absent: the modal was closed, or sent empty. Already redacted and cut to length. */
  reason?: string;
}

/**
 * Listeners for the modal: submitted (with or without a reason) and closed. The answer is recorded
 * in the inbox before Slack gets its acknowledgement, keyed by the view id (one 👎 a modal, however
 * it ends), and recorded as feedback by the inbox worker. Only opening the modal stays in this
 * process: its trigger id expires 3 seconds after the 👎 was pressed, too soon for a queue.
 */
export function registerFeedbackModal(context: SlackAppContext): void {
  const { app, deps } = context;

  context.work.set(FEEDBACK_WORK, async (data) => {
    const { metadata, user, reason } = data as FeedbackWork;
    if (!reason) {
      await recordWithoutReason(context, metadata, user);
      return [];
    }
    await deps.store.ensureConversation({ conversationId: metadata.c, channel: "slack", userId: `slack:${metadata.u}` }, deps.now());
    await deps.store.recordFeedback({ conversationId: metadata.c, messageRef: metadata.m, value: "down", reason, at: deps.now() });
    return [];
  });

  const takeInAnswer = (viewId: string, metadata: ModalMetadata, user: string, reason?: string) => {
    const work: FeedbackWork = { metadata, user, ...(reason ? { reason } : {}) };
    return takeInWork(context, `view:${viewId}`, { kind: FEEDBACK_WORK, chat: metadata.c, userId: `slack:${metadata.u}`, data: work });
  };

  app.view(FEEDBACK_MODAL, async ({ ack, view, body }) => {
    const metadata = readMetadata(view.private_metadata);
    if (metadata) {
      const choice = view.state.values[REASON_BLOCK]?.[REASON_BLOCK]?.selected_option?.value;
      const comment = view.state.values[COMMENT_BLOCK]?.[COMMENT_BLOCK]?.value?.trim();
      // Redacted before it is stored anywhere, the inbox included.
      const reason = [choice, comment ? redactPersonalData(comment).slice(0, COMMENT_MAX) : undefined].filter(Boolean).join(": ");
      await takeInAnswer(view.id, metadata, body.user.id, reason || undefined);
    }
    await ack({ response_action: "update", view: thanksView() });
  });

  app.view({ callback_id: FEEDBACK_MODAL, type: "view_closed" }, async ({ ack, view, body }) => {
    const metadata = readMetadata(view.private_metadata);
    if (metadata) await takeInAnswer(view.id, metadata, body.user.id);
    await ack();
  });
}

// Through the core, as a 👎 press: the same path as when no modal could be shown.
async function recordWithoutReason(context: SlackAppContext, metadata: ModalMetadata, user: string): Promise<void> {
  await context.deps.assistant.handle(
    toInbound({
      id: `${metadata.m}:feedback`,
      conversationId: metadata.c,
      user,
      action: { id: ACTIONS.feedbackDown, value: metadata.m },
      receivedAt: context.deps.now(),
    }),
  );
}

function readMetadata(raw: string): ModalMetadata | null {
  try {
    const parsed = JSON.parse(raw) as Partial<ModalMetadata>;
    if (typeof parsed.c !== "string" || !parsed.c.startsWith("slack:") || typeof parsed.m !== "string" || typeof parsed.u !== "string") return null;
    return { c: parsed.c, m: parsed.m, u: parsed.u };
  } catch {
    return null;
  }
}

const plain = (text: string): types.PlainTextElement => ({ type: "plain_text", text, emoji: true });

function reasonView(privateMetadata: string): types.ModalView {
  const t = slackTexts.feedbackModal;
  return {
    type: "modal",
    callback_id: FEEDBACK_MODAL,
    notify_on_close: true,
    private_metadata: privateMetadata,
    title: plain(t.title),
    submit: plain(t.submit),
    close: plain(t.close),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: t.intro } },
      {
        type: "input",
        block_id: REASON_BLOCK,
        optional: true,
        label: plain(t.reasonLabel),
        element: {
          type: "static_select",
          action_id: REASON_BLOCK,
          placeholder: plain(t.reasonPlaceholder),
          options: Object.entries(t.reasons).map(([value, label]) => ({ value, text: plain(label) })),
        },
      },
      {
        type: "input",
        block_id: COMMENT_BLOCK,
        optional: true,
        label: plain(t.commentLabel),
        element: {
          type: "plain_text_input",
          action_id: COMMENT_BLOCK,
          multiline: true,
          max_length: COMMENT_MAX,
          placeholder: plain(t.commentPlaceholder),
        },
      },
    ],
  };
}

function thanksView(): types.ModalView {
  const t = slackTexts.feedbackModal;
  return {
    type: "modal",
    title: plain(t.thanksTitle),
    close: plain("Sluiten"),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: t.thanks } }],
  };
}
