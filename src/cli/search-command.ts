import type { Config } from "../config/config.js";
import { createCliApp, flagValue, stdinLines } from "./cli-app.js";

/** `wijkwijzer search --json --k N --stdin`: one JSON line per question read from stdin. */
export async function runSearch(args: string[], config: Config): Promise<number> {
  const k = Number(flagValue(args, "--k") ?? 5);
  if (!Number.isInteger(k) || k < 1 || k > 100) {
    process.stderr.write("--k moet een heel getal van 1 tot 100 zijn\n");
    return 2;
  }
  const questions: string[] = [];
  if (args.includes("--stdin")) for await (const line of stdinLines()) questions.push(line);
  else {
    const positional = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--k");
    if (positional.length) questions.push(positional.join(" "));
  }
  const app = await createCliApp(config, { quiet: true });
  try {
    for (const query of questions) {
      if (!query.trim()) continue;
      const passages = await app.index.search(query, { k });
      const results = passages.map((p) => ({
        id: p.id,
        text: p.text,
        title: p.title,
        source: p.source,
        url: p.url ?? "",
        score: Number(p.score.toFixed(6)),
      }));
      if (args.includes("--json")) process.stdout.write(`${JSON.stringify({ query, results })}\n`);
      else {
        process.stdout.write(`\n${query}\n`);
        results.forEach((r, i) => process.stdout.write(`  ${i + 1}. [${r.score.toFixed(3)}] ${r.title} — ${r.text.slice(0, 120).replace(/\s+/g, " ")}…\n`));
      }
    }
  } finally {
    await app.close();
  }
  return 0;
}
