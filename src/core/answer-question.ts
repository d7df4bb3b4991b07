import type { AssistantDeps } from "./assistant.js";
import type { ComposeRequest } from "./ports.js";
import { textsFor } from "./texts.js";
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
  const language = inbound.language ?? "nl";
  const rewritten = deps.rewriteQuestion ? await deps.rewriteQuestion(text, previousQuestion) : text;
  // The sources are Dutch: a question in another language is searched with its words in Dutch.
  const standalone = language !== "nl" && deps.toDutchQuery ? deps.toDutchQuery(rewritten, language) : rewritten;
  const k = inbound.persona === "professional" ? 8 : 5;
  const passages = await deps.retriever.search(standalone, { k });
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
    language,
    history,
  });

  const texts = textsFor(language);
  const personButton = { id: "handoff_request", label: texts.buttons.person };
  if (!composed.confident) {
    const reply: AssistantReply = {
      intent: "answer",
      // The "not sure" text ends by asking whether they want a person: a typed "ja" presses the button.
      // The composer's own "not sure" is Dutch; a resident who wrote another language gets it in theirs.
      replies: [{ text: (language === "nl" && composed.text) || texts.notSure, buttons: [{ ...personButton, answers: "yes" }] }],
      sources: [],
      confident: false,
    };
    return { reply, lastQuestion: standalone };
  }
  const reply: AssistantReply = {
    intent: "answer",
    replies: [
      {
        // Quoted Dutch sources get one line in the resident's language that says so.
        text: (composed.language ?? "nl") !== language ? `${texts.dutchSources}\n\n${composed.text}` : composed.text,
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
