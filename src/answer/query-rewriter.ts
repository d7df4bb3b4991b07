import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { nld } from "stopword";
import type { Logger } from "../log/logger.js";
import { asPromptData, cleanModelText, echoesInstructions, NO_ANSWER_MARK } from "./llm-guard.js";
import { completeChat, createChatModelFactory, fixedModel, LlmCallError, type ChatModelFactory, type LlmConfig } from "./llm-model.js";
import { loadPromptSet } from "./prompt-files.js";

/** Rewrites a follow-up into a standalone question; returns standalone questions unchanged. */
export type QueryRewriter = (question: string, previousQuestion: string | undefined) => Promise<string>;

export interface QueryRewriterDeps {
  /** With `LLM_PROVIDER` set, follow-ups are rewritten by the model; otherwise by carry-over. */
  config?: LlmConfig;
  /** A ready chat model instead of one built from `config`. */
  model?: BaseChatModel;
  logger?: Logger;
  /** Budget for the model call; default min(LLM_TIMEOUT_MS, 3 s): the answer still has to follow. */
  timeoutMs?: number;
  promptsDir?: string;
}

const MAX_REWRITE_CHARS = 300;
const MAX_FOLLOW_UP_WORDS = 8;
const MAX_TOPIC_WORDS = 6;

/** Openings that make a message lean on the previous one ("en voor kinderen?", "hoe laat is dat?"). */
const FOLLOW_UP_LEAD =
  /^(?:en|maar|ook|of|dus|and|also|but)\b|^(?:wat|hoe) als\b|^hoe laat(?: (?:is|begint|start|gaat|opent|sluit|stopt) (?:dat|het|die|deze)\b|\s*\??$)|^waar is (?:dat|het)\b|^wanneer is (?:dat|het)\b|^(?:is|kan|mag|kost) (?:dat|het|die)\b|^(?:wat|hoeveel) kost (?:dat|het)\b|^(?:what|how) about\b/u;
/** Words that point back to something said before. */
const POINTS_BACK = /\b(?:dat|die|dit|daar|daarvoor|daarbij|ervoor|erbij|zoiets|hetzelfde|that|it|there|those)\b/u;

/** Words that carry no topic: Dutch stopwords plus question and filler words. */
const NO_TOPIC = new Set([
  ...nld,
  ..."waar wanneer welke welk hoeveel hoelang hoe laat kunt kun zoek zoeken weet vertel graag willen wilt gaan ga iets meer nog ook soms even alstublieft aub please er is zijn wordt worden heeft hebben doe doet kan mag dan wel zo and the for what where when how about is are can i you there that it of in to a an".split(" "),
]);

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
}

function contentWords(text: string): string[] {
  return words(text).filter((w) => w.length > 1 && !NO_TOPIC.has(w.toLowerCase()));
}

/** True when a message is a short follow-up that only makes sense with the previous question. */
export function isFollowUp(question: string): boolean {
  const text = question.toLowerCase().trim();
  if (words(text).length > MAX_FOLLOW_UP_WORDS) return false;
  if (FOLLOW_UP_LEAD.test(text)) return true;
  return POINTS_BACK.test(text) && contentWords(text).length <= 2;
}

/**
 * The rewrite without a model: a follow-up gets the topic words (topic, place, time) of the
 * previous question added, e.g. "Waar kan ik sporten in Zeist?" + "en voor kinderen?" →
 * "sporten Zeist voor kinderen?". Anything else is returned unchanged.
 */
export function carryOver(question: string, previousQuestion: string | undefined): string {
  if (!previousQuestion || !isFollowUp(question)) return question;
  const swapped = swapOwner(question, previousQuestion);
  if (swapped) return swapped;
  const own = new Set(contentWords(question).map((w) => w.toLowerCase()));
  const topic: string[] = [];
  for (const word of contentWords(previousQuestion)) {
    const key = word.toLowerCase();
    if (!own.has(key) && !topic.some((t) => t.toLowerCase() === key)) topic.push(word);
  }
  if (topic.length === 0) return question;
  const rest = question.trim().replace(/^(?:en|maar|ook|dus|and|also|but)\s+/iu, "");
  return `${topic.slice(0, MAX_TOPIC_WORDS).join(" ")} ${rest}`;
}

/** "en die van vrijwilligers?" after "wat is de rol van de gemeente bij …": the same about someone else. */
const OTHER_OWNER = /^(?:en|maar|of)\s+(?:die|dat|de|het|hun|zijn|haar)?\s*van\s+(.+?)\s*\??$/iu;
const OWNER_IN_PREVIOUS = /\b(van)\s+(?:(?:de|het|een)\s+)?[\p{L}-]+/iu;

/**
 * "en die van X?": the previous question with X where its "van …" was ("wat is de rol van de
 * gemeente bij de sociale basis" → "wat is de rol van vrijwilligers bij de sociale basis").
 * Undefined when the follow-up or the previous question has no such part.
 */
function swapOwner(question: string, previousQuestion: string): string | undefined {
  const other = OTHER_OWNER.exec(question.trim())?.[1];
  if (!other || !OWNER_IN_PREVIOUS.test(previousQuestion)) return undefined;
  return previousQuestion.replace(OWNER_IN_PREVIOUS, (_whole, word: string) => `${word} ${other}`);
}

/**
 * Creates the follow-up rewriter the core calls before retrieval. Only follow-ups (see
 * {@link isFollowUp}) are rewritten. With a model configured it asks the model (prompt
 * `prompts/query-rewrite.md`, redacted and delimited input) and falls back to {@link carryOver}
 * on a timeout, an error or an unusable reply; without a model it uses carry-over. Never throws.
 */
export function createQueryRewriter(deps: QueryRewriterDeps = {}): QueryRewriter {
  const factory: ChatModelFactory | null = deps.model
    ? fixedModel(deps.model)
    : deps.config
      ? createChatModelFactory(deps.config)
      : null;
  const timeoutMs = deps.timeoutMs ?? Math.min(deps.config?.LLM_TIMEOUT_MS ?? 3000, 3000);
  const prompts = factory ? loadPromptSet(deps.promptsDir) : null;

  return async (question, previousQuestion) => {
    if (!previousQuestion || !isFollowUp(question)) return question;
    if (!factory || !prompts) return carryOver(question, previousQuestion);
    try {
      const messages = await prompts.rewrite.formatMessages({
        question: asPromptData(question, 500),
        previousQuestion: asPromptData(previousQuestion, 500),
      });
      const rewritten = usableRewrite(await completeChat(factory, messages, timeoutMs), prompts.instructionTexts);
      if (rewritten) return rewritten;
      deps.logger?.warn({ reason: "unusable" }, "follow-up rewrite rejected; carry-over used");
    } catch (error) {
      deps.logger?.warn({ reason: error instanceof LlmCallError ? error.reason : "failed" }, "follow-up rewrite failed; carry-over used");
    }
    return carryOver(question, previousQuestion);
  };
}

function usableRewrite(raw: string, instructionTexts: string[]): string | null {
  const line = cleanModelText(raw).split("\n").map((l) => l.trim()).find(Boolean) ?? "";
  const text = line.replace(/^(?:vraag|question)\s*:\s*/i, "").replace(/^["'“]|["'”]$/g, "").trim();
  if (text.length < 3 || text.length > MAX_REWRITE_CHARS) return null;
  if (text.includes(NO_ANSWER_MARK) || /[<>]/.test(text)) return null;
  if (echoesInstructions(text, instructionTexts)) return null;
  return text;
}
