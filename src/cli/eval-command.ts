import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Config } from "../config/config.js";
import { searchForAnswer } from "../core/answer-passages.js";
import type { Retriever } from "../core/ports.js";
import { createCliApp, flagValue } from "./cli-app.js";

const evalLine = z.object({ id: z.string().optional(), question: z.string().min(1), evidence: z.array(z.string().min(1)).min(1) });
export type EvalQuestion = z.infer<typeof evalLine>;

export interface EvalResult {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
  misses: Array<{ id?: string; question: string; rank: number | null }>;
}

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Parses an evaluation JSONL file; throws with the line number on a bad line. */
export function readEvalFile(path: string): EvalQuestion[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim() !== "")
    .map(([line, n]) => {
      try {
        return evalLine.parse(JSON.parse(line));
      } catch (error) {
        throw new Error(`line ${n}: not a {question, evidence[]} object (${error instanceof Error ? error.message.split("\n")[0] : error})`);
      }
    });
}

/**
 * Retrieval evaluation: a result counts as relevant when its text contains one of the evidence
 * phrases (case- and whitespace-insensitive). MRR is over the top `k` results. By default it ranks
 * as the knowledge answer does ({@link searchForAnswer}: listings only when they clearly win);
 * `"all-kinds"` (`--all-kinds`) is the plain mixed ranking.
 */
export async function evaluateRetrieval(
  retriever: Retriever,
  questions: EvalQuestion[],
  k = 10,
  mode: "answer" | "all-kinds" = "answer",
): Promise<EvalResult> {
  let at1 = 0;
  let at5 = 0;
  let rr = 0;
  const misses: EvalResult["misses"] = [];
  for (const q of questions) {
    const results = mode === "answer" ? await searchForAnswer(retriever, q.question, k) : await retriever.search(q.question, { k });
    const evidence = q.evidence.map(normalise);
    const index = results.findIndex((r) => evidence.some((e) => normalise(r.text).includes(e)));
    const rank = index >= 0 ? index + 1 : null;
    if (rank === 1) at1 += 1;
    if (rank !== null && rank <= 5) at5 += 1;
    if (rank !== null) rr += 1 / rank;
    if (rank !== 1) misses.push({ ...(q.id ? { id: q.id } : {}), question: q.question, rank });
  }
  const n = questions.length || 1;
  return { questions: questions.length, recallAt1: at1 / n, recallAt5: at5 / n, mrr: rr / n, misses };
}

/** `wijkwijzer eval FILE [--json]`: prints recall@1, recall@5 and MRR. */
export async function runEval(args: string[], config: Config): Promise<number> {
  const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--k");
  if (!file) {
    process.stderr.write("Gebruik: wijkwijzer eval FILE [--json] [--k N] [--all-kinds]\n");
    return 2;
  }
  const questions = readEvalFile(file);
  const app = await createCliApp(config, { quiet: true });
  try {
    const mode = args.includes("--all-kinds") ? "all-kinds" : "answer";
    const result = await evaluateRetrieval(app.index, questions, Number(flagValue(args, "--k") ?? 10), mode);
    if (args.includes("--json")) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      process.stdout.write(
        `questions ${result.questions}\nrecall@1  ${result.recallAt1.toFixed(3)}\nrecall@5  ${result.recallAt5.toFixed(3)}\nMRR       ${result.mrr.toFixed(3)}\n`,
      );
      for (const miss of result.misses) process.stdout.write(`  rank ${miss.rank ?? "-"}: ${miss.id ?? ""} ${miss.question}\n`);
    }
    return 0;
  } finally {
    await app.close();
  }
}
