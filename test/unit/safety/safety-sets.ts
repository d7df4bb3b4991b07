import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { crisisTier, type SafetyAssessment, type SafetyTier } from "../../../src/core/ports.js";

/** One message of a safety test set (`test/fixtures/safety/*.jsonl`). */
export interface SafetyCase {
  text: string;
  lang: string;
}

const dir = fileURLToPath(new URL("../../fixtures/safety", import.meta.url));

export function readSafetySet(name: "signals" | "acute" | "unsafe-home" | "concern" | "information" | "ordinary"): SafetyCase[] {
  return readFileSync(join(dir, `${name}.jsonl`), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SafetyCase);
}

/** Every sentence of the policy corpus in `knowledge/corpus/*.md` (front matter and headings left out). */
export function corpusSentences(knowledgeDir: string): string[] {
  const corpus = join(knowledgeDir, "corpus");
  return readdirSync(corpus)
    .filter((file) => file.endsWith(".md"))
    .flatMap((file) =>
      readFileSync(join(corpus, file), "utf8")
        .replace(/^---[\s\S]*?\n---\n/, "")
        .split(/(?<=[.!?])\s+|\n{2,}/)
        .map((s) => s.trim())
        .filter((s) => s.length > 3),
    );
}

/** The tier whose text comes first for this assessment (undefined: no safety reply). */
export function firstTier(assessment: SafetyAssessment): SafetyTier | undefined {
  if (assessment.crisis) return crisisTier(assessment.crisis);
  if (assessment.information) return "information";
  if (assessment.concern) return "concern";
  return undefined;
}

/**
 * The test sentences of four words or more that stand as a phrase in one of the safety lexicons
 * (`knowledge/safety/<lexicon>.json`): a sentence copied from a test into the lists. Should be none.
 */
export function copiedIntoLexicon(knowledgeDir: string, sentences: string[], lexicons = ["crisis", "concern", "broad-net"]): string[] {
  const lexicon = lexicons.map((f) => readFileSync(join(knowledgeDir, "safety", `${f}.json`), "utf8").toLowerCase()).join("\n");
  return sentences.filter((t) => t.split(/\s+/).length >= 4 && lexicon.includes(`"${t.toLowerCase()}"`));
}
