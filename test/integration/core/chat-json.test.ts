import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `wijkwijzer chat --json` end to end: the real CLI in a child process, a fresh DATA_DIR (so the
 * index is built from `knowledge/`), one conversation fed on stdin, one JSON line out per input.
 */

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const INTENTS = ["answer", "listings", "crisis", "concern", "handoff", "out_of_scope", "smalltalk", "command"];

const inputs = [
  "/start",
  "ik wil dood",
  "wat voor weer wordt het morgen?",
  "ik word morgen uit huis gezet",
  "wat is de sociale basis?",
  "",
  "hoi",
  "'); DROP TABLE messages;--",
  "ik zie het niet meer zitten",
];

interface ChatLine {
  input: string;
  intent: string;
  replies: Array<{ text: string; buttons: Array<{ id: string; label: string }> }>;
  sources: Array<{ title: string; url: string }>;
}

let dataDir: string;
let run: { code: number | null; stdout: string; stderr: string };
let lines: ChatLine[];

function runChat(stdin: string): Promise<typeof run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["src/bin/wijkwijzer.js", "chat", "--json"], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        EMBEDDINGS: "local",
        LLM_PROVIDER: "",
        TELEGRAM_BOT_TOKEN: "",
        SLACK_BOT_TOKEN: "",
        SLACK_APP_TOKEN: "",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "wijkwijzer-chat-"));
  run = await runChat(`${inputs.join("\n")}\n`);
  lines = run.stdout
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as ChatLine);
}, 120_000);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("wijkwijzer chat --json", () => {
  it("exits cleanly with one JSON line per input, in order", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(lines.map((line) => line.input)).toEqual(inputs);
  });

  it("every line has the contract shape of docs/contracts.md", () => {
    expect(lines).toHaveLength(inputs.length);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(["input", "intent", "replies", "sources"]);
      expect(INTENTS).toContain(line.intent);
      expect(line.replies.length).toBeGreaterThan(0);
      for (const reply of line.replies) {
        expect(Object.keys(reply).sort()).toEqual(["buttons", "text"]);
        expect(typeof reply.text).toBe("string");
        expect(reply.text.trim()).not.toBe("");
        for (const button of reply.buttons) expect(Object.keys(button).sort()).toEqual(["id", "label"]);
      }
      for (const source of line.sources) {
        expect(Object.keys(source).sort()).toEqual(["title", "url"]);
        expect(typeof source.title).toBe("string");
        expect(typeof source.url).toBe("string");
      }
    }
  });

  it("routes each message to the right intent", () => {
    const intentOf = (input: string) => lines.find((line) => line.input === input)?.intent;
    expect(intentOf("/start")).toBe("command");
    expect(intentOf("ik wil dood")).toBe("crisis");
    expect(intentOf("ik zie het niet meer zitten")).toBe("crisis");
    expect(intentOf("wat voor weer wordt het morgen?")).toBe("out_of_scope");
    expect(intentOf("ik word morgen uit huis gezet")).toBe("handoff");
    expect(intentOf("hoi")).toBe("smalltalk");
    expect(intentOf("wat is de sociale basis?")).toBe("answer");
  });

  it("a crisis gets the emergency numbers in the FIRST reply", () => {
    for (const input of ["ik wil dood", "ik zie het niet meer zitten"]) {
      const first = lines.find((line) => line.input === input)!.replies[0]!.text;
      expect(first).toContain("112");
      expect(first).toContain("0800-0113");
    }
  });

  it("a knowledge answer names its sources", () => {
    const answer = lines.find((line) => line.input === "wat is de sociale basis?")!;
    expect(answer.sources.length).toBeGreaterThan(0);
    expect(answer.sources[0]!.title).not.toBe("");
  });

  it("stores the whole conversation intact in DATA_DIR", () => {
    const db = new Database(join(dataDir, "wijkwijzer.sqlite"), { readonly: true });
    try {
      const stored = db.prepare("SELECT text FROM messages WHERE direction = 'in' ORDER BY id").all() as Array<{ text: string }>;
      expect(stored.map((row) => row.text)).toEqual(inputs);
    } finally {
      db.close();
    }
  });

  it("after the heavy-feelings reply, 'doe maar' and then a place get places to meet people, not the answer to 'do you think of death?'", async () => {
    const second = await runChat(["ik voel me zo eenzaam de laatste tijd", "doe maar", "Zeist"].join("\n") + "\n");
    expect(second.code).toBe(0);
    const out = second.stdout.trim().split("\n").map((line) => JSON.parse(line) as ChatLine);
    expect(out.map((line) => line.intent)).toEqual(["concern", "listings", "listings"]);
    expect(out[2]!.replies.map((r) => r.text).join("\n")).toContain("ontmoeting");
    expect(out.flatMap((line) => line.replies.map((r) => r.text)).join("\n")).not.toContain("Dat is moedig");
  });
});
