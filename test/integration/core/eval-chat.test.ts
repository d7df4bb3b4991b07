import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChatCases } from "../../../src/eval/chat-cases.js";

/**
 * `wijkwijzer eval-chat` end to end: the real CLI over the conversation suite in
 * `test/fixtures/conversations.jsonl` (residents as they really write: typos, several languages,
 * follow-ups, heavy feelings). The suite's pass rate may not fall below the floor.
 */

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const SUITE = join(repoRoot, "test/fixtures/conversations.jsonl");
/** The pass rate reached; raise it when the assistant gets better, never lower it to make a change pass. */
const FLOOR = 0.88;

interface Summary {
  groups: Array<{ group: string; cases: number; passed: number; rate: number }>;
  failures: Array<{ id: string; turns: Array<{ input: string; problems: string[] }> }>;
}

let dataDir: string;

function evalChat(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["src/bin/wijkwijzer.js", "eval-chat", file, "--json"], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn", EMBEDDINGS: "local", LLM_PROVIDER: "", TELEGRAM_BOT_TOKEN: "", SLACK_BOT_TOKEN: "", DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), "ww-eval-chat-"));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("wijkwijzer eval-chat", () => {
  it("the suite has at least 120 cases in several groups and every case parses", () => {
    const cases = readChatCases(SUITE);
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(new Set(cases.map((c) => c.group)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it(`passes at least ${FLOOR * 100}% of the conversation suite, and leaves no conversation behind`, async () => {
    const run = await evalChat(SUITE);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as Summary;
    const total = summary.groups.find((g) => g.group === "*")!;
    expect(total.cases).toBe(readChatCases(SUITE).length);
    expect(total.rate, summary.failures.map((f) => f.id).join(", ")).toBeGreaterThanOrEqual(FLOOR);
    const db = new Database(join(dataDir, "wijkwijzer.sqlite"), { readonly: true });
    try {
      expect(db.prepare("SELECT COUNT(*) AS n FROM messages").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  }, 240_000);

  it("counts a case as failed when one turn misses what it must contain, and says why", async () => {
    const file = join(dataDir, "two-cases.jsonl");
    writeFileSync(
      file,
      [
        { id: "ok", group: "g", turns: [{ user: "hallo", intent: "smalltalk" }] },
        { id: "wrong", group: "g", turns: [{ user: "hallo", intent: "smalltalk" }, { user: "hallo", must: ["dit woord staat er nooit in"] }] },
      ]
        .map((c) => JSON.stringify(c))
        .join("\n"),
    );
    const run = await evalChat(file);
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary.groups.find((g) => g.group === "g")).toMatchObject({ cases: 2, passed: 1 });
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0]!.id).toBe("wrong");
    expect(summary.failures[0]!.turns[1]!.problems).toEqual(['missing "dit woord staat er nooit in"']);
  }, 120_000);

  it("refuses a malformed cases file with the line number", async () => {
    const file = join(dataDir, "bad.jsonl");
    writeFileSync(file, `${JSON.stringify({ id: "a", group: "g", turns: [{ user: "hoi" }] })}\n{"id": "b", "group": "g", "turns": [{"intent": "answer"}]}\n`);
    const run = await evalChat(file);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/line 2/);
  }, 60_000);
});
