import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/**
 * The safety lexicons are data, kept in `knowledge/safety/*.json` so that wording can be reviewed
 * and extended by people who do not read code. This module reads and validates them; a broken
 * file stops the start with a message naming the file and the field.
 */

const phrase = z.string().trim().min(1);
const phrases = z.array(phrase);

const matchingSchema = z.object({
  fuzzyMinLength: z.number().int().min(3),
  twoTyposFrom: z.number().int().min(4),
  maxGap: z.number().int().min(0).max(5),
  wideGap: z.number().int().min(0).max(10),
});

/** Phrases that always count, and topic words that do not count in a policy or research question. */
const kindSchema = z.object({ phrases, topics: phrases.default([]) });

const situationSchema = z.object({
  matching: matchingSchema,
  /** When true, a topic word counts only with a first-person word ("ik heb schulden", not "schulden"). */
  topicsNeedPersonal: z.boolean().default(false),
  negations: z.array(phrase),
  /** Phrases that cancel a hit they overlap: "i don't want to die" is not "want to die". */
  except: z.array(phrase).default([]),
  notFuzzy: z.array(phrase).default([]),
  /** Other ways people write a phrase word ("t" for "het"), added wherever the word occurs in a phrase. */
  spellings: z.record(z.string(), z.array(phrase)).default({}),
  context: z.object({
    /** Research, policy or statistics wording: "wat zegt het onderzoek over …". */
    informational: phrases,
    /** A professional asking about their work: "signaleren", "als wijkteam". */
    professional: phrases,
    /** First-person words: with one of them a topic word counts even in an informational question. */
    personal: phrases,
  }),
});

export const crisisLexiconSchema = situationSchema.extend({
  kinds: z.object({ suicide: kindSchema, self_harm: kindSchema, violence: kindSchema, danger: kindSchema }),
});

export const needsPersonLexiconSchema = situationSchema.extend({
  kinds: z.object({
    eviction: kindSchema,
    money: kindSchema,
    debts: kindSchema,
    care: kindSchema,
    person_requested: kindSchema,
  }),
});

export const scopeLexiconSchema = z.object({
  matching: matchingSchema,
  notFuzzy: z.array(phrase).default([]),
  /** Off-topic subjects, each a list of phrases. */
  offTopic: z.record(z.string(), phrases),
  /** Regular expressions (case-insensitive) on the lower-cased text, e.g. a sum like "12 x 7". */
  offTopicPatterns: z.array(phrase).default([]),
  /** Words that put a message in scope whatever else it says (buurt, hulp, gemeente …). */
  inScope: phrases,
});

export const smalltalkLexiconSchema = z.object({
  matching: matchingSchema,
  notFuzzy: z.array(phrase).default([]),
  kinds: z.object({ greeting: phrases, thanks: phrases, goodbye: phrases, who_are_you: phrases }),
  /** When several kinds are present, the first in this list wins ("hoi, wie ben jij?" → who_are_you). */
  priority: z.array(z.enum(["greeting", "thanks", "goodbye", "who_are_you"])),
  /** Words that may surround small talk without making it a question ("bedankt voor de hulp"). */
  filler: phrases,
});

export type CrisisLexicon = z.infer<typeof crisisLexiconSchema>;
export type NeedsPersonLexicon = z.infer<typeof needsPersonLexiconSchema>;
export type ScopeLexicon = z.infer<typeof scopeLexiconSchema>;
export type SmalltalkLexicon = z.infer<typeof smalltalkLexiconSchema>;

export interface SafetyLexicons {
  crisis: CrisisLexicon;
  needsPerson: NeedsPersonLexicon;
  scope: ScopeLexicon;
  smalltalk: SmalltalkLexicon;
}

/** Reads and validates `<knowledgeDir>/safety/{crisis,needs-person,scope,smalltalk}.json`. */
export function loadSafetyLexicons(knowledgeDir: string): SafetyLexicons {
  const dir = join(knowledgeDir, "safety");
  return {
    crisis: readLexicon(join(dir, "crisis.json"), crisisLexiconSchema),
    needsPerson: readLexicon(join(dir, "needs-person.json"), needsPersonLexiconSchema),
    scope: readLexicon(join(dir, "scope.json"), scopeLexiconSchema),
    smalltalk: readLexicon(join(dir, "smalltalk.json"), smalltalkLexiconSchema),
  };
}

function readLexicon<S extends z.ZodType>(path: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`Safety lexicon ${path} could not be read: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Safety lexicon ${path} is invalid at "${issue.path.join(".")}": ${issue.message}`);
  }
  return parsed.data;
}
