import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import { ChatOllama } from "@langchain/ollama";
import { ChatOpenAICompletions } from "@langchain/openai";
import type { Config } from "../config/config.js";

/** The part of the configuration the language model needs. */
export type LlmConfig = Pick<Config, "LLM_PROVIDER" | "LLM_BASE_URL" | "LLM_API_KEY" | "LLM_MODEL" | "LLM_TIMEOUT_MS">;

/** Why a model call gave no usable text; logged, never shown to a person. */
export type LlmFailure = "timeout" | "http_error" | "malformed" | "failed";

export class LlmCallError extends Error {
  constructor(
    readonly reason: LlmFailure,
    readonly status?: number,
  ) {
    super(`language model call failed: ${reason}${status ? ` (HTTP ${status})` : ""}`);
    this.name = "LlmCallError";
  }
}

/** Builds a chat model for one call; the signal must abort that call's HTTP request. */
export type ChatModelFactory = (signal: AbortSignal) => BaseChatModel;

/** One retry at most: the fallback answer is better than a resident waiting for a second backoff. */
const MAX_RETRIES = 1;

/**
 * Builds the chat model from `LLM_PROVIDER`: `openai` = any OpenAI-compatible chat-completions server
 * (hosted API, vLLM, LM Studio, Ollama's `/v1`), `ollama` = Ollama's native `/api/chat`.
 * Returns null when no provider is configured.
 */
export function createChatModelFactory(config: LlmConfig): ChatModelFactory | null {
  const model = config.LLM_MODEL;
  if (!config.LLM_PROVIDER || !model) return null;
  if (config.LLM_PROVIDER === "ollama") {
    const baseUrl = config.LLM_BASE_URL ?? "http://127.0.0.1:11434";
    // ChatOllama does not hand the call's signal to its HTTP client before the first chunk arrives,
    // so each call gets a model whose fetch is bound to that call's signal: a timeout really aborts.
    return (signal) =>
      new ChatOllama({
        model,
        baseUrl,
        temperature: 0.2,
        maxRetries: MAX_RETRIES,
        fetch: (input, init) => fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal }),
      });
  }
  const chat = new ChatOpenAICompletions({
    model,
    // Local OpenAI-compatible servers take any key; the client insists on one.
    apiKey: config.LLM_API_KEY ?? "not-needed",
    temperature: 0.2,
    timeout: config.LLM_TIMEOUT_MS,
    maxRetries: MAX_RETRIES,
    ...(config.LLM_BASE_URL ? { configuration: { baseURL: config.LLM_BASE_URL } } : {}),
  });
  return () => chat;
}

/** Wraps a ready model (tests, or a model built elsewhere) as a factory. */
export function fixedModel(model: BaseChatModel): ChatModelFactory {
  return () => model;
}

/**
 * Sends messages and returns the reply text, or throws {@link LlmCallError}. The call is aborted
 * after `timeoutMs` and the promise settles then at the latest, whatever the client does.
 */
export async function completeChat(factory: ChatModelFactory, messages: BaseMessage[], timeoutMs: number): Promise<string> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new LlmCallError("timeout"));
      reject(new LlmCallError("timeout"));
    }, timeoutMs);
  });
  const call = (async () => {
    const model = factory(controller.signal);
    const message = await model.invoke(messages, { signal: controller.signal });
    return messageText(message.content);
  })();
  // The losing promise must not surface as an unhandled rejection.
  call.catch(() => undefined);
  try {
    return await Promise.race([call, timedOut]);
  } catch (error) {
    throw toCallError(error, controller.signal);
  } finally {
    clearTimeout(timer);
    if (!controller.signal.aborted) controller.abort();
  }
}

function messageText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (part && typeof part === "object" && "text" in part && typeof part.text === "string" ? part.text : ""))
      .join("");
  }
  throw new LlmCallError("malformed");
}

function toCallError(error: unknown, signal: AbortSignal): LlmCallError {
  if (error instanceof LlmCallError) return error;
  if (signal.aborted) return new LlmCallError("timeout");
  const status = statusOf(error);
  if (status !== undefined) return new LlmCallError("http_error", status);
  if (error instanceof SyntaxError || /json|parse|unexpected/i.test((error as Error)?.message ?? "")) {
    return new LlmCallError("malformed");
  }
  return new LlmCallError("failed");
}

function statusOf(error: unknown): number | undefined {
  if (!error || typeof error !== "object") return undefined;
  const candidate = (error as { status?: unknown; status_code?: unknown }).status ?? (error as { status_code?: unknown }).status_code;
  return typeof candidate === "number" ? candidate : undefined;
}
