/**
 * Shared fixtures for the language-model tests: passages, a stand-in extractive composer (the
 * real one is tested on its own; these tests only need an answer that is recognisably "the
 * fallback"), and a logger whose lines can be read back.
 */
import { Writable } from "node:stream";
import type { AnswerComposer, ComposeRequest, Passage } from "../../../src/core/ports.js";
import { createLogger, type Logger } from "../../../src/log/logger.js";
import type { LlmConfig } from "../../../src/answer/llm-model.js";

export const FALLBACK_PREFIX = "EXTRACTIEF:";

export const passages: Passage[] = [
  {
    id: "buurthuis#1",
    text: "Een buurthuis is een plek in de wijk waar buren elkaar ontmoeten. Iedereen is welkom.",
    title: "Wat is een buurthuis?",
    source: "buurthuis",
    url: "https://example.org/buurthuis",
    publisher: "Movisie",
    year: 2023,
    kind: "knowledge",
    score: 0.9,
  },
  {
    id: "sport#4",
    text: "De buurtsportcoach organiseert sport en bewegen in de wijk, ook voor kinderen.",
    title: "De buurtsportcoach",
    source: "buurtsportcoach",
    url: "https://example.org/sport",
    kind: "knowledge",
    score: 0.7,
  },
  {
    id: "buurthuis#2",
    text: "In veel buurthuizen is de koffie gratis. Bel voor vragen 030-1234567.",
    title: "Wat is een buurthuis?",
    source: "buurthuis-koffie",
    url: "https://example.org/koffie",
    kind: "knowledge",
    score: 0.6,
  },
];

/** A predictable stand-in for `createExtractiveComposer()`: quotes the first passage. */
export function createStubExtractiveComposer(options: { confident?: boolean } = {}): AnswerComposer & { calls: number } {
  const composer = {
    calls: 0,
    async compose(request: ComposeRequest) {
      composer.calls += 1;
      const first = request.passages[0];
      if (!first || options.confident === false) return { text: "", sources: [], confident: false };
      return { text: `${FALLBACK_PREFIX} ${first.text} [1]`, sources: [{ title: first.title }], confident: true };
    },
  };
  return composer;
}

export function composeRequest(overrides: Partial<ComposeRequest> = {}): ComposeRequest {
  return {
    question: "Wat is een buurthuis?",
    standaloneQuestion: "Wat is een buurthuis?",
    passages,
    persona: "resident",
    language: "nl",
    history: [],
    ...overrides,
  };
}

export function llmConfig(provider: "openai" | "ollama", baseUrl: string, timeoutMs = 5000): LlmConfig {
  return { LLM_PROVIDER: provider, LLM_BASE_URL: baseUrl, LLM_API_KEY: "sk-test-key-1234567890", LLM_MODEL: "fake-model", LLM_TIMEOUT_MS: timeoutMs };
}

/** A real (pino) logger writing JSON lines into memory. */
export function createMemoryLogger(): { logger: Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  const logger = createLogger("debug", sink);
  return { logger, lines: () => chunks.join("").split("\n").filter(Boolean) };
}
