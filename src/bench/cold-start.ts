import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../bin/wijkwijzer.js", import.meta.url));

/**
 * Milliseconds from spawning `wijkwijzer chat --json` (with an existing index in `dataDir`)
 * to its first answer line on stdout.
 */
export function measureColdStart(dataDir: string, question: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, "chat", "--json"], {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent", TELEGRAM_BOT_TOKEN: "", SLACK_BOT_TOKEN: "" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) {
        const elapsed = performance.now() - started;
        clearTimeout(timer);
        child.stdin.end();
        child.kill();
        resolve(Math.round(elapsed));
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (!out.includes("\n")) reject(new Error(`chat exited (${code}) before answering: ${err.slice(0, 500)}`));
    });
    child.stdin.write(`${question}\n`);
  });
}
