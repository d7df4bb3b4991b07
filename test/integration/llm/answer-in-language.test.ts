/**
 * With LLM_PROVIDER set, a resident who writes another language gets the whole knowledge answer in
 * that language: the real app (createApp) talks to the fake OpenAI-compatible server through the
 * real LangChain client. The prompt asks for the resident's language, the Dutch sources are searched
 * with Dutch words, and no "this is in Dutch" line is added to an answer the model wrote in Arabic.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { catalog } from "../../../src/core/text-catalog.js";
import type { InboundMessage } from "../../../src/core/types.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp, type App } from "../../../src/main.js";
import { startFakeLlmServer, type FakeLlmServer } from "../../support/fake-llm-server.js";

const ARABIC_ANSWER = "الأساس الاجتماعي هو العالم القريب من البيت، حيث يمكنك الذهاب دون إحالة [1].";
let server: FakeLlmServer;
let app: App;
let dir: string;
let seq = 0;

beforeAll(async () => {
  server = await startFakeLlmServer("openai");
  // The answer prompt carries passages; anything else (a follow-up rewrite) gets the question back.
  server.script((request) => (request.text.includes("<passages>") ? { kind: "text", text: ARABIC_ANSWER } : { kind: "text", text: "wat is de sociale basis" }));
  dir = mkdtempSync(join(tmpdir(), "wijkwijzer-llm-language-"));
  const config = parseConfig({ DATA_DIR: dir, LLM_PROVIDER: "openai", LLM_BASE_URL: server.baseUrl, LLM_API_KEY: "test-key", LLM_MODEL: "fake-model" });
  app = await createApp(config, { logger: createLogger("silent") });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function ask(text: string) {
  const inbound: InboundMessage = {
    id: String(++seq),
    channel: "terminal",
    conversationId: `terminal:llm-${seq}`,
    userId: `terminal:${seq}`,
    persona: "resident",
    text,
    receivedAt: new Date(),
  };
  return app.assistant.handle(inbound);
}

describe("a generated answer in the resident's language", () => {
  it("asks the model for Arabic, grounded on Dutch passages found with Dutch words, and sends its Arabic answer as is", async () => {
    // (A question the resident guide explains is answered from that Dutch guide first, with or without a model.)
    const result = await ask("ما هي sociale basis في الحي؟");
    expect(result.intent).toBe("answer");
    const prompt = server.requests.find((r) => r.text.includes("<passages>"));
    expect(prompt?.text).toContain("Write in Arabic");
    expect(prompt?.text).toMatch(/sociale basis/i);
    expect(result.replies[0]!.text).toBe(ARABIC_ANSWER);
    expect(result.replies[0]!.text).not.toContain(catalog("ar").core.dutchSources);
    expect(result.replies[0]!.buttons?.map((b) => b.label)).toContain(catalog("ar").core.buttons.person);
    expect(result.sources.length).toBe(1);
  });
});
