import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Logger } from "../log/logger.js";
import { asPromptData, cleanModelText, echoesInstructions, NO_ANSWER_MARK } from "./llm-guard.js";
import { completeChat, createChatModelFactory, fixedModel, LlmCallError, type ChatModelFactory, type LlmConfig } from "./llm-model.js";
import { loadPromptSet } from "./prompt-files.js";
import { carryOver, isFollowUp } from "./follow-up-carry.js";

export { carryOver, isFollowUp };

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
