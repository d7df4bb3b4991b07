import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Logger } from "../log/logger.js";
import { redactPersonalData } from "../safety/redact.js";
import { asPromptData, cleanModelText, echoesInstructions, NO_ANSWER_MARK } from "./llm-guard.js";
import { completeChat, createChatModelFactory, fixedModel, LlmCallError, type ChatModelFactory, type LlmConfig } from "./llm-model.js";
import { loadPromptSet } from "./prompt-files.js";

/**
 * One message of a conversation: a stored message (`direction` in = the resident) or a
 * history turn (`role` user = the resident). `ConversationStore.recentMessages()` fits as it is.
 */
export type TranscriptEntry = { text: string } & ({ direction: "in" | "out" } | { role: "user" | "assistant" });

export interface WorkerSummaryDeps {
  /** With `LLM_PROVIDER` set the note is written by the model; otherwise (or on failure) it is built from the messages. */
  config?: LlmConfig;
  model?: BaseChatModel;
  logger?: Logger;
  /** Default `LLM_TIMEOUT_MS`, else 8 s. */
  timeoutMs?: number;
  promptsDir?: string;
}

const MAX_MODEL_MESSAGES = 20;
const LAST_MESSAGES = 4;
const MAX_LINE_CHARS = 300;
const MAX_SUMMARY_CHARS = 1200;

/**
 * Writes the handover note a sociaal werker sees when taking over a chat (Dutch, a few lines).
 * Everything is redacted of personal data first: the model only ever sees the redacted transcript,
 * and the note itself is redacted again. With no model, a timeout or an unusable reply, the note
 * is the resident's first question in their own words plus the last messages. Never throws.
 */
export async function summariseForWorker(transcript: TranscriptEntry[], deps: WorkerSummaryDeps = {}): Promise<string> {
  const fallback = plainSummary(transcript);
  const factory: ChatModelFactory | null = deps.model
    ? fixedModel(deps.model)
    : deps.config
      ? createChatModelFactory(deps.config)
      : null;
  const lines = transcript.filter((m) => !isNoise(m.text)).slice(-MAX_MODEL_MESSAGES);
  if (!factory || lines.length === 0) return fallback;
  try {
    const prompts = loadPromptSet(deps.promptsDir);
    const messages = await prompts.handoffSummary.formatMessages({
      transcript: lines.map((m) => ({ role: fromResident(m) ? "bewoner" : "wijkwijzer", text: asPromptData(m.text, 800) })),
    });
    const raw = await completeChat(factory, messages, deps.timeoutMs ?? deps.config?.LLM_TIMEOUT_MS ?? 8000);
    const note = redactPersonalData(cleanModelText(raw));
    if (note && note.length <= MAX_SUMMARY_CHARS && !note.includes(NO_ANSWER_MARK) && !echoesInstructions(note, prompts.instructionTexts)) {
      return note;
    }
    deps.logger?.warn({ reason: "unusable" }, "handover note from the model rejected; plain note used");
  } catch (error) {
    deps.logger?.warn({ reason: error instanceof LlmCallError ? error.reason : "failed" }, "handover note from the model failed; plain note used");
  }
  return fallback;
}

/** Binds {@link summariseForWorker} to its deps, for wiring in `src/main.ts`. */
export function createWorkerSummariser(deps: WorkerSummaryDeps = {}): (transcript: TranscriptEntry[]) => Promise<string> {
  return (transcript) => summariseForWorker(transcript, deps);
}

/** The note without a model: the first question in the resident's words and the last messages, redacted. */
export function plainSummary(transcript: TranscriptEntry[]): string {
  const meaningful = transcript.filter((m) => !isNoise(m.text));
  const first = meaningful.find(fromResident);
  const out: string[] = [];
  out.push(first ? `Eerste vraag: "${clip(first.text)}"` : "Eerste vraag: (geen tekst)");
  const last = meaningful.slice(-LAST_MESSAGES).filter((m) => m !== first);
  if (last.length > 0) {
    out.push("Laatste berichten:");
    for (const m of last) out.push(`- ${fromResident(m) ? "Bewoner" : "Wijkwijzer"}: ${clip(m.text)}`);
  }
  return out.join("\n");
}

function fromResident(entry: TranscriptEntry): boolean {
  return "direction" in entry ? entry.direction === "in" : entry.role === "user";
}

/** Commands and recorded button presses say nothing about the person's question. */
function isNoise(text: string): boolean {
  const t = text.trim();
  return t === "" || t.startsWith("/") || /^\[[^\]]+\]$/.test(t);
}

function clip(text: string): string {
  const clean = redactPersonalData(text).replace(/\s+/g, " ").trim();
  return clean.length > MAX_LINE_CHARS ? `${clean.slice(0, MAX_LINE_CHARS)}…` : clean;
}
