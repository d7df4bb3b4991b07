/**
 * Curated "questions this passage answers", kept as data in `knowledge/questions/*.jsonl`: one
 * line per passage, `{"anchor": "a verbatim phrase of the passage", "questions": [...]}` in the
 * words residents and professionals use. A chunk is found by its own text and by these questions,
 * so "wat betekent 7 pk?" finds the passage about "de zeven PK's". The questions are never quoted.
 */
import { z } from "zod";
import type { Chunk } from "./chunker.js";

const line = z.object({ anchor: z.string().min(8), questions: z.array(z.string().min(3)).min(1) });

export interface QuestionFile {
  name: string;
  text: string;
}

export interface PassageQuestions {
  anchor: string;
  questions: string[];
  /** File and line, for error messages. */
  where: string;
}

/** Parses every questions file; a malformed line throws with its file and line number. */
export function parseQuestionFiles(files: readonly QuestionFile[]): PassageQuestions[] {
  return files.flatMap((file) =>
    file.text.split("\n").flatMap((raw, i) => {
      if (!raw.trim()) return [];
      const where = `${file.name}:${i + 1}`;
      let parsed: z.infer<typeof line>;
      try {
        parsed = line.parse(JSON.parse(raw));
      } catch (error) {
        throw new Error(`Kennisbank: regel ${where} is geen {anchor, questions[]} (${error instanceof Error ? error.message.split("\n")[0] : error})`, { cause: error });
      }
      return [{ ...parsed, where }];
    }),
  );
}

/** Whitespace and quote marks folded, so an anchor copied from the Markdown meets the chunk text. */
function comparable(text: string): string {
  return text.replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").toLowerCase();
}

/**
 * Gives each chunk the questions whose anchor it holds. Chunks overlap, so an anchor may stand in
 * two: it goes to the chunk where it stands nearest the start (the chunk that is about it).
 * Returns the anchors no knowledge chunk holds (a changed document), so they can be reported.
 */
export function attachQuestions(chunks: Chunk[], entries: readonly PassageQuestions[]): PassageQuestions[] {
  const texts = chunks.map((c) => (c.kind === "knowledge" ? comparable(c.text) : ""));
  const unmatched: PassageQuestions[] = [];
  for (const entry of entries) {
    const anchor = comparable(entry.anchor);
    let best = -1;
    let bestAt = Infinity;
    texts.forEach((text, i) => {
      const at = text.indexOf(anchor);
      if (at >= 0 && at < bestAt) {
        best = i;
        bestAt = at;
      }
    });
    if (best < 0) {
      unmatched.push(entry);
      continue;
    }
    const chunk = chunks[best]!;
    chunk.questions = [...(chunk.questions ?? []), ...entry.questions];
  }
  return unmatched;
}
