/**
 * A request a professional made in Slack that the bot answers (a mention, a direct message, the
 * slash command, a button under an answer), as plain data: the listener writes it to the inbox
 * before Slack gets its acknowledgement, and the inbox worker answers it later, on any instance.
 */
import type { OutboundMessage } from "../../core/types.js";
import { escapeMrkdwn } from "./block-kit.js";
import type { SlackAppContext } from "./slack-context.js";
import type { MessageOptions, ReplyTarget } from "./slack-delivery.js";
import { hasQuestion, toInbound, type SlackInboundParts } from "./slack-inbound.js";
import { slackTexts } from "./slack-texts.js";

export interface SlackRequest {
  /** `mention` and `command` without a question get a help text instead of an answer. */
  source: "mention" | "dm" | "command" | "press";
  target: ReplyTarget;
  inbound: Omit<SlackInboundParts, "receivedAt">;
}

/** One reply for the request's target, with how to render it. */
export interface SlackReply {
  message: OutboundMessage;
  options?: MessageOptions;
}

/** How many private answers per person stay shareable. */
const SHAREABLE_KEPT = 5;

export interface Shareable {
  ref: string;
  question: string;
  message: OutboundMessage;
}

/**
 * Answers a request through the core; resolves with the replies in the order they are to be sent
 * (nothing is sent here). A slash command's answers get the question as a header and, when they
 * have sources, a share button.
 */
export async function answerSlackRequest(context: SlackAppContext, request: SlackRequest, receivedAt: Date): Promise<SlackReply[]> {
  const { deps } = context;
  const text = request.inbound.text ?? "";
  if ((request.source === "mention" || request.source === "command") && !hasQuestion(text)) {
    return [{ message: { text: request.source === "mention" ? slackTexts.mentionHelp : slackTexts.commandHelp } }];
  }
  const inbound = toInbound({ ...request.inbound, receivedAt });
  const reply = await deps.assistant.handle(inbound);
  if (request.source !== "command" || reply.forgotten) return reply.replies.map((message) => ({ message }));
  const header = `*Uw vraag:* ${escapeMrkdwn(text)}`;
  const replies: SlackReply[] = [];
  for (const [i, message] of reply.replies.entries()) {
    if (!message.sources?.length) {
      replies.push({ message, options: { header } });
      continue;
    }
    const ref = `${inbound.id}:${i}`;
    await rememberShareable(context, inbound.conversationId, { ref, question: text, message });
    replies.push({ message, options: { header, shareRef: ref } });
  }
  return replies;
}

async function rememberShareable(context: SlackAppContext, conversationId: string, item: Shareable): Promise<void> {
  const { store } = context.deps;
  const state = await store.getState(conversationId);
  const slack = (state.slack ?? {}) as { shareable?: Shareable[] };
  // A request answered again (its worker died before finishing) keeps one copy of each answer.
  const shareable = [...(slack.shareable ?? []).filter((s) => s.ref !== item.ref), item].slice(-SHAREABLE_KEPT);
  await store.mergeState(conversationId, { slack: { ...slack, shareable } });
}

/** A remembered private answer, for the share button. */
export async function findShareable(context: SlackAppContext, conversationId: string, ref: string): Promise<Shareable | undefined> {
  const slack = (await context.deps.store.getState(conversationId)).slack as { shareable?: Shareable[] } | undefined;
  return slack?.shareable?.find((item) => item.ref === ref);
}
