import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import type { Persona } from "../core/types.js";

/** `prompts/` at the top of the repository: prompt text is data, reviewed without reading code. */
export const DEFAULT_PROMPTS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "prompts");

export const PROMPT_FILES = {
  system: "system.md",
  resident: "answer-resident.md",
  professional: "answer-professional.md",
  rewrite: "query-rewrite.md",
  handoffSummary: "handoff-summary.md",
} as const;

export interface PromptSet {
  /** System message + human message for an answer, by persona. */
  answer: Record<Persona, ChatPromptTemplate>;
  /** One human message that turns a follow-up into a standalone question. */
  rewrite: ChatPromptTemplate;
  /** One human message that writes the handover note for a sociaal werker. */
  handoffSummary: ChatPromptTemplate;
  /** The raw instruction texts, so an answer that echoes them can be recognised and rejected. */
  instructionTexts: string[];
}

const cache = new Map<string, PromptSet>();

/**
 * Loads the prompt templates from `dir` (mustache syntax: `{{name}}`, sections `{{#list}}…{{/list}}`).
 * Values are inserted as they are (no HTML escaping), so callers must neutralise data first.
 * Throws with the file name when a file is missing. Cached per directory.
 */
export function loadPromptSet(dir: string = DEFAULT_PROMPTS_DIR): PromptSet {
  const cached = cache.get(dir);
  if (cached) return cached;
  const read = (name: string) => {
    try {
      return readFileSync(join(dir, name), "utf8");
    } catch (error) {
      throw new Error(`Prompt file ${join(dir, name)} cannot be read: ${(error as Error).message}`);
    }
  };
  const system = read(PROMPT_FILES.system);
  const resident = read(PROMPT_FILES.resident);
  const professional = read(PROMPT_FILES.professional);
  const rewrite = read(PROMPT_FILES.rewrite);
  const handoffSummary = read(PROMPT_FILES.handoffSummary);
  const mustache = { templateFormat: "mustache" as const };
  const set: PromptSet = {
    answer: {
      resident: ChatPromptTemplate.fromMessages([["system", system], ["human", resident]], mustache),
      professional: ChatPromptTemplate.fromMessages([["system", system], ["human", professional]], mustache),
    },
    rewrite: ChatPromptTemplate.fromMessages([["human", rewrite]], mustache),
    handoffSummary: ChatPromptTemplate.fromMessages([["human", handoffSummary]], mustache),
    instructionTexts: [system, resident, professional, rewrite, handoffSummary],
  };
  cache.set(dir, set);
  return set;
}
