import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { AnswerComposer, ComposedAnswer, ComposeRequest } from "../core/ports.js";
import type { Logger } from "../log/logger.js";
import { languageName } from "./language.js";
import { asPromptAttribute, asPromptData, checkAnswer } from "./llm-guard.js";
import { completeChat, createChatModelFactory, fixedModel, LlmCallError, type ChatModelFactory, type LlmConfig } from "./llm-model.js";
import { loadPromptSet } from "./prompt-files.js";

export interface LlmComposerDeps {
  config: LlmConfig;
  /** The extractive composer: the ground truth of what can be answered, and the answer on any failure. */
  fallback: AnswerComposer;
  logger: Logger;
  /** A ready chat model instead of one built from `config` (tests, custom providers). */
  model?: BaseChatModel;
  /** Directory with the prompt files (default `prompts/`). */
  promptsDir?: string;
}

/** Passages and turns sent to the provider: enough to ground an answer, little enough to stay fast. */
const MAX_PASSAGES = { resident: 5, professional: 8 } as const;
const MAX_PASSAGE_CHARS = 1500;
const MAX_HISTORY_TURNS = 4;
const MAX_TURN_CHARS = 500;

/**
 * An {@link AnswerComposer} that lets a language model write the answer from numbered passages,
 * and checks it afterwards. Contract:
 * - the extractive answer is composed first; when it is not confident the model is not asked
 *   (nothing to ground on) and the extractive result is returned;
 * - question, recent turns and passages are redacted of personal data and sent as delimited data;
 * - the reply is accepted only when every `[n]` cites a given passage and it cites at least one;
 *   sources are then exactly the cited passages, renumbered in order of use;
 * - timeouts (`LLM_TIMEOUT_MS`), HTTP errors, malformed or rejected output → the extractive answer,
 *   logged with a reason but without any message text. It never throws for a model failure.
 */
export function createLlmComposer(deps: LlmComposerDeps): AnswerComposer {
  const factory: ChatModelFactory | null = deps.model ? fixedModel(deps.model) : createChatModelFactory(deps.config);
  const prompts = loadPromptSet(deps.promptsDir);
  const timeoutMs = deps.config.LLM_TIMEOUT_MS;
  const provider = deps.config.LLM_PROVIDER ?? "custom";

  return {
    usesHistory: true,
    async compose(request: ComposeRequest): Promise<ComposedAnswer> {
      const extractive = await deps.fallback.compose(request);
      if (!factory || !extractive.confident || request.passages.length === 0) return extractive;

      const passages = request.passages.slice(0, MAX_PASSAGES[request.persona]);
      const messages = await prompts.answer[request.persona].formatMessages(promptValues(request, passages));
      const started = Date.now();
      try {
        const raw = await completeChat(factory, messages, timeoutMs);
        const checked = checkAnswer(raw, passages, prompts.instructionTexts);
        if (!checked.ok) {
          deps.logger.warn({ provider, reason: checked.reason, ms: Date.now() - started }, "generated answer rejected; extractive answer sent");
          return extractive;
        }
        deps.logger.debug({ provider, ms: Date.now() - started, sources: checked.sources.length }, "generated answer accepted");
        return { text: checked.text, sources: checked.sources, confident: true, language: request.language };
      } catch (error) {
        const reason = error instanceof LlmCallError ? error.reason : "failed";
        const status = error instanceof LlmCallError ? error.status : undefined;
        deps.logger.warn({ provider, reason, status, ms: Date.now() - started }, "language model failed; extractive answer sent");
        return extractive;
      }
    },
  };
}

function promptValues(request: ComposeRequest, passages: ComposeRequest["passages"]) {
  const question = asPromptData(request.question);
  const standalone = asPromptData(request.standaloneQuestion);
  const history = request.history
    // Recorded button presses and commands ("[knop: …]", "/start") carry no conversation.
    .filter((turn) => !/^\s*(\/\w+|\[[^\]]*\])\s*$/.test(turn.text))
    .slice(-MAX_HISTORY_TURNS)
    .map((turn) => ({ role: turn.role === "user" ? "gebruiker" : "wijkwijzer", text: asPromptData(turn.text, MAX_TURN_CHARS) }));
  return {
    languageName: languageName(request.language),
    isDutch: request.language === "nl",
    question,
    standaloneQuestion: standalone,
    hasStandalone: standalone.trim() !== question.trim(),
    hasHistory: history.length > 0,
    history,
    passages: passages.map((p, i) => ({
      n: i + 1,
      title: asPromptAttribute(p.section ? `${p.title} — ${p.section}` : p.title),
      publisher: p.publisher ? asPromptAttribute(p.publisher) : "",
      year: p.year ? String(p.year) : "",
      text: asPromptData(p.text, MAX_PASSAGE_CHARS),
    })),
  };
}
