/**
 * Scores replies against `test/fixtures/resident-questions.jsonl`: general resident questions
 * must get an explanation that answers them; gemeente-specific ones an honest route (the gemeente,
 * 14 + netnummer, the wijkteam), never a guessed amount or date.
 */
import { readFileSync } from "node:fs";

export interface ResidentQuestion {
  id: string;
  group: "general" | "local";
  question: string;
  /** Every inner list: at least one of its words must be in the reply (case-insensitive). */
  must: string[][];
  /** None of these may be in the reply. */
  must_not?: string[];
  /** None of these regular expressions may match the reply. */
  must_not_re?: string[];
}

export function readResidentQuestions(file: string): ResidentQuestion[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as ResidentQuestion);
}

/** Null when the reply passes; otherwise what is wrong with it. */
export function judge(question: ResidentQuestion, reply: string): string | null {
  const text = reply.toLowerCase();
  for (const any of question.must) {
    if (!any.some((word) => text.includes(word.toLowerCase()))) return `mist een van: ${any.join(" / ")}`;
  }
  for (const word of question.must_not ?? []) if (text.includes(word.toLowerCase())) return `bevat: ${word}`;
  for (const re of question.must_not_re ?? []) if (new RegExp(re, "i").test(reply)) return `bevat: /${re}/`;
  return null;
}
