import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { createLlmComposer } from "../../../src/answer/llm-composer.js";
import type { AnswerComposer, ComposeRequest } from "../../../src/core/ports.js";
import { createLogger } from "../../../src/log/logger.js";

const config = { LLM_PROVIDER: undefined, LLM_BASE_URL: undefined, LLM_API_KEY: undefined, LLM_MODEL: undefined, LLM_TIMEOUT_MS: 100 };
const logger = createLogger("silent");
const fallback: AnswerComposer = {
  async compose() {
    return { text: "uit de bron [1]", sources: [{ title: "Bron" }], confident: true };
  },
};
const request: ComposeRequest = {
  question: "Wat is een maatje?",
  standaloneQuestion: "Wat is een maatje?",
  passages: [{ id: "m#1", text: "Een maatje is een vrijwilliger.", title: "Maatjes", source: "maatjes", kind: "knowledge", score: 1 }],
  persona: "professional",
  language: "en",
  history: [],
};

describe("createLlmComposer (in memory)", () => {
  it("returns the model's cited answer with the cited source", async () => {
    const model = new FakeListChatModel({ responses: ["A maatje is a volunteer [1]."] });
    const answer = await createLlmComposer({ config, fallback, logger, model }).compose(request);
    expect(answer).toEqual({ text: "A maatje is a volunteer [1].", sources: [{ title: "Maatjes" }], confident: true, language: "en" });
  });

  it("is the fallback itself when no provider is configured", async () => {
    const answer = await createLlmComposer({ config, fallback, logger }).compose(request);
    expect(answer.text).toBe("uit de bron [1]");
  });

  it("returns the fallback within the timeout when the model hangs", async () => {
    const model = new FakeListChatModel({ responses: ["te laat [1]"], sleep: 10_000 });
    const answer = await createLlmComposer({ config, fallback, logger, model }).compose(request);
    expect(answer.text).toBe("uit de bron [1]");
  });

  it("returns the fallback when there are no passages", async () => {
    const model = new FakeListChatModel({ responses: ["iets [1]"] });
    const answer = await createLlmComposer({ config, fallback, logger, model }).compose({ ...request, passages: [] });
    expect(answer.text).toBe("uit de bron [1]");
  });
});
