import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { createWorkerSummariser, plainSummary, summariseForWorker, type TranscriptEntry } from "../../../src/answer/llm-handoff-summary.js";

const transcript: TranscriptEntry[] = [
  { direction: "in", text: "/start" },
  { direction: "out", text: "Hallo! Ik ben Wijkwijzer." },
  { direction: "in", text: "Ik kan de huur niet betalen. Bel me op 06-12345678." },
  { direction: "out", text: "Wat vervelend. Er is hulp bij geldzaken." },
  { direction: "in", text: "[knop: handoff_request]" },
  { direction: "in", text: "Ik woon op Kerkstraat 12, mail jan@example.nl" },
];

describe("plainSummary", () => {
  it("gives the first question in the resident's words and the last messages, redacted", () => {
    const note = plainSummary(transcript);
    expect(note.split("\n")[0]).toBe('Eerste vraag: "Ik kan de huur niet betalen. Bel me op [telefoon]."');
    expect(note).toContain("- Wijkwijzer: Wat vervelend. Er is hulp bij geldzaken.");
    expect(note).toContain("- Bewoner: Ik woon op [adres], mail [e-mail]");
    expect(note).not.toMatch(/06-12345678|Kerkstraat 12|jan@example\.nl|\/start|handoff_request/);
  });

  it("reads history turns (role) as well as stored messages (direction)", () => {
    expect(plainSummary([{ role: "user", text: "Waar is het buurthuis?" }])).toBe('Eerste vraag: "Waar is het buurthuis?"');
    expect(plainSummary([])).toBe("Eerste vraag: (geen tekst)");
  });
});

describe("summariseForWorker", () => {
  it("uses the plain note without a model", async () => {
    expect(await summariseForWorker(transcript)).toBe(plainSummary(transcript));
  });

  it("uses the model's note, redacted again", async () => {
    const model = new FakeListChatModel({ responses: ["Vraag: kan de huur niet betalen.\nSituatie: bereikbaar op 06 1234 5678."] });
    const note = await createWorkerSummariser({ model })(transcript);
    expect(note).toBe("Vraag: kan de huur niet betalen.\nSituatie: bereikbaar op [telefoon].");
  });

  it("falls back to the plain note when the model fails or times out", async () => {
    const slow = new FakeListChatModel({ responses: ["te laat"], sleep: 5000 });
    expect(await summariseForWorker(transcript, { model: slow, timeoutMs: 50 })).toBe(plainSummary(transcript));
    const empty = new FakeListChatModel({ responses: [""] });
    expect(await summariseForWorker(transcript, { model: empty })).toBe(plainSummary(transcript));
  });
});
