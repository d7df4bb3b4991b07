import type { AssistantDeps } from "./assistant.js";
import type { ComposeRequest } from "./ports.js";
import { texts } from "./texts.js";
import type { AssistantReply, InboundMessage } from "./types.js";

const HISTORY_TURNS = 6;

/**
 * Answers a knowledge question from the retrieval index: rewrite a follow-up into a standalone
 * question, retrieve, compose (extractive by default), and add feedback and person buttons.
 * When the composer is not confident the person is told so honestly: never a guess.
 * `previousQuestion` is the standalone question of the turn before; the returned `lastQuestion`
 * is this one's, for the caller to keep in the conversation state.
 */
export async function answerQuestion(
  inbound: InboundMessage,
  text: string,
  previousQuestion: string | undefined,
  deps: AssistantDeps,
): Promise<{ reply: AssistantReply; lastQuestion: string }> {
  const standalone = deps.rewriteQuestion ? await deps.rewriteQuestion(text, previousQuestion) : text;
  const k = inbound.persona === "professional" ? 8 : 5;
  // Activity questions are answered by the listings capability before this point; when it is there,
  // the knowledge answer draws on the documents only, so a listing that shares a word ("maatje",
  // "55-plussers") cannot push the passage that explains the concept out of the top.
  const passages = await deps.retriever.search(standalone, deps.listings ? { k, kind: "knowledge" } : { k });
  // Read only for a composer that uses it: the extractive composer never does.
  const history: ComposeRequest["history"] = deps.composer.usesHistory
    ? (await deps.store.recentMessages(inbound.conversationId, HISTORY_TURNS + 1))
        .slice(0, -1)
        .map((m) => ({ role: m.direction === "in" ? ("user" as const) : ("assistant" as const), text: m.text }))
    : [];
  const composed = await deps.composer.compose({
    question: text,
    standaloneQuestion: standalone,
    passages,
    persona: inbound.persona,
    language: deps.detectLanguage?.(text) ?? "nl",
    history,
  });

  const personButton = { id: "handoff_request", label: texts.buttons.person };
  if (!composed.confident) {
    const reply: AssistantReply = {
      intent: "answer",
      // The "not sure" text ends by asking whether they want a person: a typed "ja" presses the button.
      replies: [{ text: composed.text || texts.notSure, buttons: [{ ...personButton, answers: "yes" }] }],
      sources: [],
      confident: false,
    };
    return { reply, lastQuestion: standalone };
  }
  const reply: AssistantReply = {
    intent: "answer",
    replies: [
      {
        text: composed.text,
        sources: composed.sources,
        buttons: [
          { id: "feedback_up", label: texts.buttons.up, value: inbound.id },
          { id: "feedback_down", label: texts.buttons.down, value: inbound.id },
          personButton,
        ],
      },
    ],
    sources: composed.sources,
    confident: true,
  };
  return { reply, lastQuestion: standalone };
}
