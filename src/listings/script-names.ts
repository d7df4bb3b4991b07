/**
 * Place names written in another script ("زايست", "Зейсті", "ዘይስት") matched against the Dutch
 * gazetteer by how they sound, without a model: the letters are written in Latin from a table per
 * script, and both that and every Dutch name are reduced to one consonant skeleton ("zst" for
 * Zeist). Arabic writes few vowels and Dutch spelling is not phonetic, so vowels do not count and
 * sounds that scripts write differently (g/ch/h, v/w/f, p/b) are one. The data is
 * `knowledge/languages/transliteration.json`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

const scriptSchema = z.object({
  /** A regular expression (Unicode) that tells a letter of this script. */
  test: z.string().min(1),
  letters: z.record(z.string().length(1), z.string()).default({}),
  /** Ethiopic: the first syllable of each row of eight, with the row's consonant. */
  rows: z.record(z.string().length(1), z.string()).default({}),
  prefixes: z.array(z.string().min(1)).default([]),
  endings: z.array(z.string().min(1)).default([]),
  prepositions: z.array(z.string().min(1)).default([]),
  /** The script writes every vowel (Cyrillic, Greek): then the Latin letters must be close to the name too. */
  vowels: z.boolean().default(false),
  /** Only the word without one of its `endings` is a candidate (Latin: the word itself is the gazetteer's own work). */
  endingsOnly: z.boolean().default(false),
});

const fileSchema = z.object({
  minSkeleton: z.number().int().min(2),
  skeleton: z.array(z.tuple([z.string().min(1), z.string()])),
  /** The letters that count as vowels after `skeleton` (dropped from the skeleton). */
  vowels: z.string().min(1),
  scripts: z.record(z.string(), scriptSchema),
});

export type TransliterationData = z.infer<typeof fileSchema>;

export const TRANSLITERATION_FILE = join("languages", "transliteration.json");

/** Reads `knowledge/languages/transliteration.json`; undefined when the file is not there. */
export function loadTransliteration(knowledgeDir: string): TransliterationData | undefined {
  const path = join(knowledgeDir, TRANSLITERATION_FILE);
  if (!existsSync(path)) return undefined;
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

/** What a word in another script may stand for. */
export interface ForeignKey {
  /** The consonant skeleton. */
  sound: string;
  /** A prefix was taken off ("بزايست" → "زايست"). */
  prefixed: boolean;
  /** The sounds with each run of vowels as one "a" ("اوتريخت" → "atraHt", as "utrecht"): which of two names sounds closer. */
  shape: string;
  /** The script writes every vowel: the letters must be close to the name as well. */
  vowels?: true;
}

export interface ScriptNames {
  /** Skeletons shorter than this need a preposition before them ("у Сусті"); `minSkeleton` of the data. */
  readonly minLength: number;
  /** The consonant skeleton of a Latin name ("zeist" → "zst"); "" when too short to compare. */
  latinKey(name: string): string;
  /** The sounds of a Latin name with each run of vowels as one "a" ("utrecht" → "atraHt"). */
  shape(name: string): string;
  /**
   * Skeletons a word in another script may stand for (with and without its prefixes and endings), each
   * with whether a prefix meaning "in" was taken off; [] for Latin words.
   */
  foreignKeys(token: string): ForeignKey[];
  /** True for a word in another script that says a place follows ("في", "у"). */
  isPreposition(token: string): boolean;
}

const ETHIOPIC_START = 0x1200;

export function createScriptNames(data: TransliterationData): ScriptNames {
  const rules = data.skeleton.map(([pattern, replacement]) => [new RegExp(pattern, "g"), replacement] as const);
  const scripts = Object.values(data.scripts).map((s) => ({
    ...s,
    test: new RegExp(s.test, "u"),
    prepositions: new Set(s.prepositions),
    // Longest first, so "بال" is taken before "ب".
    prefixes: [...s.prefixes].sort((a, b) => b.length - a.length),
  }));

  const vowels = new RegExp(data.vowels, "g");
  const sounds = (latin: string): string => {
    let out = latin.toLowerCase().replace(/[^a-z]/g, "");
    for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
    return out;
  };
  const skeleton = (latin: string): string => {
    const out = sounds(latin).replace(vowels, "");
    // One letter says nothing; two only with a preposition (the gazetteer checks).
    return out.length >= 2 ? out : "";
  };
  const shape = (latin: string): string => sounds(latin).replace(vowels, "a").replace(/a+/g, "a");

  const scriptOf = (token: string) => scripts.find((s) => s.test.test(token));

  function toLatin(word: string, script: (typeof scripts)[number]): string {
    let out = "";
    for (const ch of word) {
      const letter = script.letters[ch];
      if (letter !== undefined) {
        out += letter;
        continue;
      }
      const cp = ch.codePointAt(0)!;
      if (Object.keys(script.rows).length > 0 && cp >= ETHIOPIC_START) {
        const row = String.fromCodePoint(ETHIOPIC_START + Math.floor((cp - ETHIOPIC_START) / 8) * 8);
        out += script.rows[row] ?? "";
      } else if (/[a-z]/i.test(ch)) out += ch;
    }
    return out;
  }

  return {
    minLength: data.minSkeleton,
    latinKey: skeleton,
    shape,
    foreignKeys(token) {
      const script = scriptOf(token);
      if (!script) return [];
      // Each stem remembers whether a prefix was taken off ("بزايست" = "in Zeist").
      const stems = new Map<string, boolean>([[token, false]]);
      for (const p of script.prefixes) {
        if (token.startsWith(p) && token.length - p.length >= 3) stems.set(token.slice(p.length), true);
      }
      for (const [stem, prefixed] of [...stems]) {
        for (const e of script.endings) if (stem.endsWith(e) && stem.length - e.length >= 3 && !stems.has(stem.slice(0, -e.length))) stems.set(stem.slice(0, -e.length), prefixed);
      }
      if (script.endingsOnly) stems.delete(token);
      const out: ForeignKey[] = [];
      for (const [stem, prefixed] of stems) {
        const latin = toLatin(stem, script);
        const sound = skeleton(latin);
        if (sound) out.push({ sound, prefixed, shape: shape(latin), ...(script.vowels ? { vowels: true as const } : {}) });
      }
      return out;
    },
    isPreposition: (token) => scriptOf(token)?.prepositions.has(token) ?? false,
  };
}
