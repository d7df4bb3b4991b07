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
  /** Longest stretch of words an unordered (`&`) phrase may cover. */
  unorderedSpan: z.number().int().min(2).max(40).optional(),
});

/**
 * A plain list, or lists by ISO 639-1 language (`{ "nl": [...], "ar": [...] }`): the language of the phrase
 * that matched is the language the reply is given in until the message language is known.
 */
const byLanguage = z.union([phrases, z.record(z.string().regex(/^[a-z]{2,3}$/, "a language code like nl, en, ar"), phrases)]);
export type PhraseList = z.infer<typeof byLanguage>;

/** Phrases that always count, and topic words that do not count in a policy or research question. */
const kindSchema = z.object({
  phrases: byLanguage,
  topics: byLanguage.default([]),
  /** Names that only ever ask for information ("Veilig Thuis", "113"): the numbers, never the alarm. */
  informationOnly: byLanguage.default([]),
  /**
   * Method questions ("hoeveel pillen om niet meer wakker te worden", "hoe hoog moet een flat zijn"): a signal
   * even when phrased as an information question, so never softened to the information tier.
   */
  methods: byLanguage.default([]),
});

const situationSchema = z.object({
  matching: matchingSchema,
  /** When true, a topic word counts only with a first-person word ("ik heb schulden", not "schulden"). */
  topicsNeedPersonal: z.boolean().default(false),
  negations: z.array(phrase),
  /** Phrases that cancel a hit they overlap: "i don't want to die" is not "want to die", "doodmoe" is tired. */
  except: byLanguage.default([]),
  /** Named word lists a phrase can use as `@name` ("@want" = "wil|wou|wilde …"). */
  concepts: z.record(z.string().regex(/^[a-z_]+$/), phrases).default({}),
  notFuzzy: z.array(phrase).default([]),
  /** Other ways people write a phrase word ("t" for "het"), added wherever the word occurs in a phrase. */
  spellings: z.record(z.string(), z.array(phrase)).default({}),
  /** Short signal words that also match a word that sounds the same ("lefe", "leeve" for "leven"). */
  soundAlike: z.array(phrase).default([]),
  context: z.object({
    /** Research, policy or statistics wording: "wat zegt het onderzoek over …". */
    informational: phrases,
    /** A professional asking about their work: "signaleren", "als wijkteam". */
    professional: phrases,
    /** First-person words: with one of them a topic word counts even in an informational question. */
    personal: phrases,
    /**
     * How an information question starts ("wat is", "mag je iemand vragen of", "how do I help someone who"):
     * without a first-person word outside it, a suicide or violence phrase gets the information and the
     * numbers, not the alarm. Acute danger phrases are never softened.
     */
    question: byLanguage.default([]),
  }),
});

export const crisisLexiconSchema = situationSchema.extend({
  kinds: z.object({ suicide: kindSchema, self_harm: kindSchema, violence: kindSchema, danger: kindSchema }),
});

/** Heavy feelings without a crisis signal ("ik voel me zo alleen"): warmth and a person, no alarm. */
export const concernLexiconSchema = situationSchema.extend({
  kinds: z.object({ concern: kindSchema }),
});

export const needsPersonLexiconSchema = situationSchema.extend({
  kinds: z.object({
    eviction: kindSchema,
    rent: kindSchema,
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
  /**
   * Bare answers ("weet ik niet", "geen idee", "ja", "nee"): no small talk to reply to (the conversation
   * reads them), but like small talk no signal for the classifier's or the broad net's guess.
   */
  answers: phrases.default([]),
  /**
   * Repair of the conversation ("ik zei toch al Utrecht", "dat heb ik net gezegd", "I told you"): in a short
   * message no signal for the classifier's or the broad net's guess (the phrase lists still read it).
   */
  repair: phrases.default([]),
});

/**
 * The broad net (`broad-net.json`), the last safety step: a strong death or ending concept ("doodgaan",
 * "voorgoed", "afscheidsbrief", "pijnloos") in a message that neither the lists nor the classifier placed
 * gets the concern reply, unless a practical-death context word (funeral, will, insurance …) or an idiom
 * of the `except` lists (these and crisis/concern's) is there. Matching, negations and spellings are crisis.json's.
 */
export const broadNetSchema = z.object({
  concepts: z.record(z.string().regex(/^[a-z_]+$/), phrases).default({}),
  /** Death and ending concepts, by language. */
  signals: byLanguage,
  /** Practical-death context (uitvaart, testament, verzekering, "mijn vader is overleden"): no concern reply. */
  practical: byLanguage,
  /** Idioms beside those of crisis.json and concern.json ("voorgoed verhuizen"). */
  except: byLanguage.default([]),
  /**
   * Single words that show a message speaks of the writer or someone close ("ik", "mijn", "my", "ich"):
   * the classifier's weaker sign counts only in such a message, or in a script these words do not cover.
   * Without any, the weaker sign counts in every message.
   */
  self: byLanguage.default([]),
  /**
   * Letters of languages that say the person in the verb's ending (Turkish "zorlanıyorum", Polish "nie mogę"):
   * a message with one of them counts as about the writer, as a script the `self` words do not cover does.
   */
  selfLetters: z.string().default(""),
});

/** Chat words and abbreviations ("gwn", "idd", "wrm") folded onto one full word before any list reads a message. */
export const chatWordsSchema = z.object({
  fold: z.record(
    z.string().regex(/^[\p{L}\p{N}]+$/u, "one word of letters and digits"),
    z.string().regex(/^[\p{L}\p{N}]+$/u, "one word of letters and digits"),
  ),
});

export type CrisisLexicon = z.infer<typeof crisisLexiconSchema>;
export type ConcernLexicon = z.infer<typeof concernLexiconSchema>;
export type NeedsPersonLexicon = z.infer<typeof needsPersonLexiconSchema>;
export type ScopeLexicon = z.infer<typeof scopeLexiconSchema>;
export type SmalltalkLexicon = z.infer<typeof smalltalkLexiconSchema>;
export type BroadNetLexicon = z.infer<typeof broadNetSchema>;

export interface SafetyLexicons {
  crisis: CrisisLexicon;
  concern: ConcernLexicon;
  needsPerson: NeedsPersonLexicon;
  scope: ScopeLexicon;
  smalltalk: SmalltalkLexicon;
  /** Chat word → full word, folded in messages and lists alike (`chat-words.json`). */
  chatWords?: Record<string, string>;
  /** The last net (`broad-net.json`); without it only the lists and the classifier decide. */
  broadNet?: BroadNetLexicon;
}

/** Reads and validates `<knowledgeDir>/safety/{crisis,concern,needs-person,scope,smalltalk,chat-words,broad-net}.json`. */
export function loadSafetyLexicons(knowledgeDir: string): SafetyLexicons {
  const dir = join(knowledgeDir, "safety");
  return {
    crisis: readLexicon(join(dir, "crisis.json"), crisisLexiconSchema),
    concern: readLexicon(join(dir, "concern.json"), concernLexiconSchema),
    needsPerson: readLexicon(join(dir, "needs-person.json"), needsPersonLexiconSchema),
    scope: readLexicon(join(dir, "scope.json"), scopeLexiconSchema),
    smalltalk: readLexicon(join(dir, "smalltalk.json"), smalltalkLexiconSchema),
    chatWords: readLexicon(join(dir, "chat-words.json"), chatWordsSchema).fold,
    broadNet: readLexicon(join(dir, "broad-net.json"), broadNetSchema),
  };
}

/** Every phrase with its language; a plain list is `fallback` (Dutch unless said otherwise). */
export function withLanguages(list: PhraseList, fallback = "nl"): Array<{ pattern: string; lang: string }> {
  if (Array.isArray(list)) return list.map((pattern) => ({ pattern, lang: fallback }));
  return Object.entries(list).flatMap(([lang, patterns]) => patterns.map((pattern) => ({ pattern, lang })));
}

/**
 * Replaces `@name` in a phrase by the words of concept `name`: `@want dood` → `wil|wou|wilde dood`.
 * An unknown concept is an error naming the phrase.
 */
export function expandConcepts(pattern: string, concepts: Record<string, string[]>): string {
  if (!pattern.includes("@")) return pattern;
  return pattern
    .split(/\s+/)
    .map((word) =>
      word
        .split("|")
        .map((alt) => {
          if (!alt.startsWith("@")) return alt;
          const words = concepts[alt.slice(1)];
          if (!words) throw new Error(`Lexicon phrase "${pattern}" uses unknown concept ${alt}`);
          return words.join("|");
        })
        .join("|"),
    )
    .join(" ");
}

export function readLexicon<S extends z.ZodType>(path: string, schema: S): z.infer<S> {
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
