/**
 * A follow-up ("en voor kinderen?") is answered about the topic and place of the previous question,
 * through the real assistant: with the model rewriting it (fake OpenAI-compatible server, real
 * LangChain client) and with the carry-over used when no model is configured.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLlmComposer } from "../../../src/answer/llm-composer.js";
import { createQueryRewriter } from "../../../src/answer/query-rewriter.js";
import { createAssistant, type AssistantDeps } from "../../../src/core/assistant.js";
import type { AnswerComposer, Passage, Retriever } from "../../../src/core/ports.js";
import type { InboundMessage } from "../../../src/core/types.js";
import { loadLanguageDetector } from "../../../src/language/detect-language.js";
import { openSqliteStores } from "../../../src/store/sqlite/sqlite-stores.js";
import { startFakeLlmServer, type FakeLlmServer } from "../../support/fake-llm-server.js";
import { createMemoryLogger, createStubExtractiveComposer, llmConfig } from "./llm-fixtures.js";

const REWRITTEN = "Waar kunnen kinderen sporten in Zeist?";

const sportInZeist: Passage = {
  id: "listing:sport-zeist#1",
  text: "Kinderen sporten elke woensdag met de buurtsportcoach in sporthal De Pijler in Zeist.",
  title: "Kinderen sporten in Zeist",
  source: "listing:sport-zeist",
  kind: "listing",
  score: 1,
};
const generic: Passage = {
  id: "opvoeden#3",
  text: "Opvoedsteunpunten geven ouders advies over de opvoeding van kinderen.",
  title: "Opvoeden",
  source: "opvoeden",
  kind: "knowledge",
  score: 0.5,
};

/** Records every standalone query; finds the sport passage only when the query is about sport in Zeist. */
function createRecordingRetriever(): Retriever & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    async search(query) {
      queries.push(query);
      const aboutSport = /sport/i.test(query) && /zeist/i.test(query);
      return aboutSport ? [sportInZeist, generic] : [generic];
    },
  };
}

function message(id: number, text: string): InboundMessage {
  return {
    id: String(id),
    channel: "terminal",
    conversationId: "terminal:follow-up",
    userId: "terminal:me",
    persona: "resident",
    text,
    receivedAt: new Date("2025-03-04T10:00:00Z"),
  };
}

function assistantWith(retriever: Retriever, composer: AnswerComposer, rewriteQuestion: AssistantDeps["rewriteQuestion"]) {
  return createAssistant({
    retriever,
    composer,
    store: openSqliteStores(":memory:").conversations,
    safety: { assess: () => ({}) },
    languages: loadLanguageDetector("knowledge"),
    ...(rewriteQuestion ? { rewriteQuestion } : {}),
    now: () => new Date("2025-03-04T10:00:00Z"),
    retentionDays: 90,
    wijkteamContact: "Bel het wijkteam.",
  });
}

describe("follow-up questions through the assistant", () => {
  let server: FakeLlmServer;

  beforeAll(async () => {
    server = await startFakeLlmServer("openai");
    // One fake model plays both roles: it rewrites follow-ups and answers from the passages.
    server.script((request) => {
      if (request.text.includes("<vervolg>")) return { kind: "text", text: REWRITTEN };
      if (request.text.includes("sporthal De Pijler")) {
        return { kind: "text", text: "Kinderen kunnen elke woensdag sporten in sporthal De Pijler in Zeist [1]." };
      }
      return { kind: "text", text: "Opvoedsteunpunten helpen ouders [1]." };
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers about sport in Zeist when the model rewrites the follow-up", async () => {
    const retriever = createRecordingRetriever();
    const { logger } = createMemoryLogger();
    const config = llmConfig("openai", server.baseUrl);
    const composer = createLlmComposer({ config, fallback: createStubExtractiveComposer(), logger });
    const assistant = assistantWith(retriever, composer, createQueryRewriter({ config, logger }));

    await assistant.handle(message(1, "Waar kan ik sporten in Zeist?"));
    const reply = await assistant.handle(message(2, "en voor kinderen?"));

    expect(retriever.queries).toEqual(["Waar kan ik sporten in Zeist?", REWRITTEN]);
    expect(reply.intent).toBe("answer");
    expect(reply.replies[0]!.text).toBe("Kinderen kunnen elke woensdag sporten in sporthal De Pijler in Zeist [1].");
    expect(reply.sources).toEqual([{ title: "Kinderen sporten in Zeist" }]);
    const rewriteRequest = server.requests.find((r) => r.text.includes("<vervolg>"));
    expect(rewriteRequest?.text).toContain("<vorige_vraag>\nWaar kan ik sporten in Zeist?\n</vorige_vraag>");
  });

  it("answers about sport in Zeist with the carry-over when no model is configured", async () => {
    const retriever = createRecordingRetriever();
    const composer = createStubExtractiveComposer();
    const assistant = assistantWith(retriever, composer, createQueryRewriter());

    await assistant.handle(message(1, "Waar kan ik sporten in Zeist?"));
    const reply = await assistant.handle(message(2, "en voor kinderen?"));

    expect(retriever.queries[1]).toBe("sporten Zeist voor kinderen?");
    expect(reply.replies[0]!.text).toContain("sporthal De Pijler in Zeist");
  });

  it("without any rewriting the same follow-up loses its topic (the check above is not vacuous)", async () => {
    const retriever = createRecordingRetriever();
    const assistant = assistantWith(retriever, createStubExtractiveComposer(), undefined);

    await assistant.handle(message(1, "Waar kan ik sporten in Zeist?"));
    const reply = await assistant.handle(message(2, "en voor kinderen?"));

    expect(reply.replies[0]!.text).not.toContain("De Pijler");
  });
});
