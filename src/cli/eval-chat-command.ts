import type { Config } from "../config/config.js";
import { readChatCases } from "../eval/chat-cases.js";
import { runChatCase, summarise, type CaseResult } from "../eval/run-chat-cases.js";
import { createCliApp } from "./cli-app.js";

/**
 * `wijkwijzer eval-chat FILE [--json] [--verbose]`: runs multi-turn conversation cases through the
 * assistant and prints the pass rate per group. Exit 0 when it ran (a low rate is a figure, not an error).
 */
export async function runEvalChat(args: string[], config: Config): Promise<number> {
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    process.stderr.write("Gebruik: wijkwijzer eval-chat FILE [--json] [--verbose]\n");
    return 2;
  }
  const json = args.includes("--json");
  const cases = readChatCases(file);
  const app = await createCliApp(config, { quiet: true });
  // As in `npm start`: the terminal is a channel a sociaal werker on the desk can reach, so the
  // handoff is offered as it is to a resident (the relayed messages themselves are not checked here).
  app.handoffSender.register("terminal", { send: async () => {} });
  const results: CaseResult[] = [];
  try {
    for (const [i, chatCase] of cases.entries()) {
      results.push(await runChatCase({ assistant: app.assistant, forget: (id) => app.store.forgetUser(id), now: app.now }, chatCase, i));
    }
  } finally {
    await app.close();
  }
  const groups = summarise(results);
  if (json) {
    process.stdout.write(`${JSON.stringify({ groups, failures: results.filter((r) => !r.passed) })}\n`);
    return 0;
  }
  for (const g of groups) {
    const name = g.group === "*" ? "totaal" : g.group;
    process.stdout.write(`${name.padEnd(24)} ${String(g.passed).padStart(4)}/${String(g.cases).padEnd(4)} ${(100 * g.rate).toFixed(1)}%\n`);
  }
  if (args.includes("--verbose")) {
    for (const result of results.filter((r) => !r.passed)) {
      process.stdout.write(`\n✗ ${result.id} (${result.group})\n`);
      for (const t of result.turns) {
        const mark = t.problems.length === 0 ? "  ✓" : "  ✗";
        process.stdout.write(`${mark} ${t.input} → [${t.intent}] ${t.reply.replace(/\n/g, " ⏎ ").slice(0, 240)}\n`);
        for (const p of t.problems) process.stdout.write(`      ${p}\n`);
      }
    }
  }
  return 0;
}
