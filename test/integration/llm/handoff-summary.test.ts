import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plainSummary, summariseForWorker, type TranscriptEntry } from "../../../src/answer/llm-handoff-summary.js";
import { startFakeLlmServer, type FakeLlmServer } from "../../support/fake-llm-server.js";
import { llmConfig } from "./llm-fixtures.js";

const transcript: TranscriptEntry[] = [
  { direction: "in", text: "Ik kan de huur niet betalen en krijg een brief van de verhuurder." },
  { direction: "out", text: "Wat vervelend. Er is hulp bij geldzaken." },
  { direction: "in", text: "Bel me op 06-12345678 of mail sara@example.nl, ik woon op Dorpsstraat 4, IBAN NL91ABNA0417164300" },
];

describe("handover note through the real Ollama client", () => {
  let server: FakeLlmServer;
  beforeAll(async () => {
    server = await startFakeLlmServer("ollama");
  });
  afterAll(async () => {
    await server.close();
  });

  it("is written by the model from the redacted transcript", async () => {
    server.script({ kind: "text", text: "Vraag: kan de huur niet betalen.\nAandacht: brief van de verhuurder." });

    const note = await summariseForWorker(transcript, { config: llmConfig("ollama", server.baseUrl) });

    expect(note).toBe("Vraag: kan de huur niet betalen.\nAandacht: brief van de verhuurder.");
    const raw = server.requests[0]!.raw;
    expect(raw).toContain("Ik kan de huur niet betalen");
    expect(raw.replace(/[\s-]/g, "")).not.toMatch(/0612345678|NL91ABNA0417164300/);
    expect(raw).not.toMatch(/sara@example\.nl|Dorpsstraat 4/);
  });

  it("is the plain note when the provider fails", async () => {
    server.script({ kind: "status", status: 503 });

    const note = await summariseForWorker(transcript, { config: llmConfig("ollama", server.baseUrl) });

    expect(note).toBe(plainSummary(transcript));
  });
});
