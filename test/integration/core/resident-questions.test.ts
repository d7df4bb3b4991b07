/**
 * Resident questions through the whole app as `npm start` builds it (real corpus, wegwijzer,
 * index, listings, safety lexicons, SQLite): each question is a new conversation. Holds the
 * floors: ≥ 75% of the general questions get an explanation that answers them, ≥ 90% of the
 * gemeente-specific ones an honest route.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp, type App } from "../../../src/main.js";
import { judge, readResidentQuestions } from "../../support/resident-questions.js";

// The shipped set, and three sets written by someone who had not seen the wegwijzer (test/fixtures/blind/README.md).
const sets = [
  { name: "resident-questions.jsonl", file: "../../fixtures/resident-questions.jsonl", minimum: { general: 40, local: 20 } },
  { name: "blind/resident-questions-b2.jsonl", file: "../../fixtures/blind/resident-questions-b2.jsonl", minimum: { general: 25, local: 10 } },
  { name: "blind/resident-questions-b3.jsonl", file: "../../fixtures/blind/resident-questions-b3.jsonl", minimum: { general: 25, local: 10 } },
  { name: "blind/resident-questions-b4.jsonl", file: "../../fixtures/blind/resident-questions-b4.jsonl", minimum: { general: 25, local: 10 } },
  { name: "blind/resident-questions-b5.jsonl", file: "../../fixtures/blind/resident-questions-b5.jsonl", minimum: { general: 25, local: 10 } },
  { name: "blind/resident-questions-b6.jsonl", file: "../../fixtures/blind/resident-questions-b6.jsonl", minimum: { general: 25, local: 10 } },
  { name: "blind/resident-questions-b7.jsonl", file: "../../fixtures/blind/resident-questions-b7.jsonl", minimum: { general: 25, local: 10 } },
  { name: "blind/resident-questions-b8.jsonl", file: "../../fixtures/blind/resident-questions-b8.jsonl", minimum: { general: 30, local: 10 } },
  { name: "blind/resident-questions-b9.jsonl", file: "../../fixtures/blind/resident-questions-b9.jsonl", minimum: { general: 30, local: 10 } },
  { name: "blind/resident-questions-b10.jsonl", file: "../../fixtures/blind/resident-questions-b10.jsonl", minimum: { general: 20, local: 5 } },
];

describe.each(sets)("resident questions (wegwijzer and sources): $name", ({ file, minimum }) => {
  const questions = readResidentQuestions(new URL(file, import.meta.url).pathname);
  let dir: string;
  let app: App;
  const results = new Map<string, { pass: boolean; why: string | null; reply: string }>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "wijkwijzer-resident-q-"));
    const config = parseConfig({ DATA_DIR: dir });
    const logger = createLogger("warn", new Writable({ write: (_c, _e, cb) => cb() }));
    app = await createApp(config, { logger, now: () => new Date("2026-03-03T10:00:00+01:00") });
    let n = 0;
    for (const q of questions) {
      n += 1;
      const reply = await app.assistant.handle({
        id: `m${n}`,
        channel: "telegram",
        conversationId: `telegram:rq${n}`,
        userId: `telegram:rq${n}`,
        persona: "resident",
        text: q.question,
        receivedAt: new Date("2026-03-03T10:00:00+01:00"),
      });
      const text = reply.replies.map((r) => r.text).join("\n");
      const why = judge(q, text);
      results.set(q.id, { pass: why === null, why, reply: text });
    }
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rate = (group: "general" | "local") => {
    const ids = questions.filter((q) => q.group === group).map((q) => q.id);
    const failed = ids.filter((id) => !results.get(id)!.pass);
    if (process.env.RESIDENT_QUESTIONS_VERBOSE) {
      for (const id of failed) {
        const r = results.get(id)!;
        console.log(`✗ ${id} ${questions.find((q) => q.id === id)!.question}\n  ${r.why}\n  ${r.reply.replace(/\n/g, " ⏎ ").slice(0, 300)}`);
      }
    }
    console.log(`${group}: ${ids.length - failed.length}/${ids.length} (${(((ids.length - failed.length) / ids.length) * 100).toFixed(0)}%)`);
    return (ids.length - failed.length) / ids.length;
  };

  it("has enough questions of each kind", () => {
    expect(questions.filter((q) => q.group === "general").length).toBeGreaterThanOrEqual(minimum.general);
    expect(questions.filter((q) => q.group === "local").length).toBeGreaterThanOrEqual(minimum.local);
  });

  it("explains ≥ 75% of the general resident questions", () => {
    expect(rate("general")).toBeGreaterThanOrEqual(0.75);
  });

  it("gives an honest route for ≥ 90% of the gemeente-specific questions", () => {
    expect(rate("local")).toBeGreaterThanOrEqual(0.9);
  });
});
