import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { AUDIENCES, CATEGORIES, type Audience, type Category } from "./listing-model.js";
import { compilePhrases, type PhraseSet } from "./phrase-matcher.js";
import { normalise } from "./text-match.js";

const phraseList = z.array(z.string().min(1));

const vocabularySchema = z.object({
  categories: z.partialRecord(z.enum(CATEGORIES), phraseList),
  /** Need → words that only say "how" (learning): read alone they are the need, beside another need they give way. */
  yieldingNeeds: z.partialRecord(z.enum(CATEGORIES), phraseList).optional(),
  genericActivity: phraseList,
  audiences: z.partialRecord(z.enum(AUDIENCES), phraseList),
  accessibility: z.object({ asked: phraseList, listingWords: phraseList }),
  cost: z.object({
    free: phraseList,
    cheap: phraseList,
    freeInListing: phraseList,
    cheapInListing: phraseList,
    cheapMaxEuro: z.number().positive(),
  }),
  languages: z.record(z.string().regex(/^[a-z]{2}$/), phraseList),
  askCues: phraseList,
  /** Words that make a message a search ("ik wil", "waar kan"), not only a topic named. */
  seekCues: phraseList.default([]),
  nearCues: phraseList,
  knowledgeCues: phraseList,
  placeFillers: phraseList,
  /**
   * Life events a listing can be about (a rouwgroep, a geheugencafé): word parts that name each, in a listing's
   * name or description and in what the person says. Such a listing ranks low unless the person names it.
   */
  circumstances: z.record(z.string(), z.array(z.string().min(3))).default({}),
});

export type VocabularyData = z.infer<typeof vocabularySchema>;

/** One language's listing words (`knowledge/languages/listings/<code>.json`), merged into the vocabulary. */
const languageWordsSchema = z.object({
  categories: z.partialRecord(z.enum(CATEGORIES), phraseList).default({}),
  audiences: z.partialRecord(z.enum(AUDIENCES), phraseList).default({}),
  cost: z.object({ free: phraseList.default([]), cheap: phraseList.default([]) }).default({ free: [], cheap: [] }),
  askCues: phraseList.default([]),
  /** "I want", "I am looking for", "بدي": the message is a search, not only a topic named. */
  seekCues: phraseList.default([]),
  nearCues: phraseList.default([]),
  knowledgeCues: phraseList.default([]),
  genericActivity: phraseList.default([]),
  placeFillers: phraseList.default([]),
  /** A need word and the Dutch word parts listings about it contain ("lessons": ["taal"]), to rank them first. */
  keywords: z.record(z.string().min(1), z.array(z.string().min(2))).default({}),
  /** A word and the Dutch time word it stands for ("tomorrow": "morgen", "çarşamba": "woensdag"). */
  time: z.record(z.string().min(1), z.string().min(1)).default({}),
});
type LanguageWords = z.infer<typeof languageWordsSchema>;

export const LANGUAGE_WORDS_DIR = join("languages", "listings");

/** The compiled vocabulary: what words mean for the listing search. */
export interface ListingsVocabulary {
  categories: PhraseSet;
  /** Per need, the words that give way to another need in the same message ("leren" in "leren videobellen"). */
  yielding: PhraseSet;
  generic: PhraseSet;
  audiences: PhraseSet;
  accessibility: PhraseSet;
  cost: PhraseSet;
  languages: PhraseSet;
  ask: PhraseSet;
  seek: PhraseSet;
  near: PhraseSet;
  knowledge: PhraseSet;
  fillers: Set<string>;
  /** Time words of other languages and the Dutch word `time-words.ts` reads for them (normalised). */
  timeWords: Map<string, string>;
  /** Need words of other languages and the Dutch word parts of listings about them (normalised). */
  keywordWords: Map<string, string[]>;
  /**
   * The Dutch word parts of those listings themselves ("vrouw", "zwem"): a Dutch word that starts with
   * one ("vrouwen", "zwemmen") ranks the listings that say it, as its translation would.
   */
  dutchKeyword(word: string): string[];
  /**
   * Words that mean a need, a who, a cost or a language, or that ask or look for something ("nerde",
   * "finde", "بدي"): never read as a misspelled place name.
   */
  isVocabularyWord(word: string): boolean;
  freeInListing: string[];
  cheapInListing: string[];
  cheapMaxEuro: number;
  accessibleInListing: string[];
  /** The life events (see the vocabulary's `circumstances`) a normalised text names. */
  circumstancesIn(normalisedText: string): string[];
}

export const VOCABULARY_FILE = "listings-vocabulary.json";

/** Loads `knowledge/listings-vocabulary.json` (the synonym table is data, so it can be edited without code). */
export function loadListingsVocabulary(knowledgeDir: string): ListingsVocabulary {
  const path = join(knowledgeDir, VOCABULARY_FILE);
  const data = parseFile(path, vocabularySchema);
  // Residents ask in their own language: each language's words are data beside the Dutch ones.
  const dir = join(knowledgeDir, LANGUAGE_WORDS_DIR);
  const languages = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : [];
  return compileVocabulary(data, languages.map((file) => parseFile(join(dir, file), languageWordsSchema)));
}

function parseFile<T>(path: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

/** The Dutch vocabulary with each language's words added to the same groups. */
function mergeLanguages(data: VocabularyData, languages: readonly LanguageWords[]): VocabularyData {
  const add = <K extends string>(into: Partial<Record<K, string[]>>, from: Partial<Record<K, string[]>>) => {
    const out: Partial<Record<K, string[]>> = { ...into };
    for (const [key, list] of Object.entries(from) as Array<[K, string[] | undefined]>) out[key] = [...(out[key] ?? []), ...(list ?? [])];
    return out;
  };
  return languages.reduce<VocabularyData>(
    (merged, l) => ({
      ...merged,
      categories: add(merged.categories, l.categories),
      audiences: add(merged.audiences, l.audiences),
      cost: { ...merged.cost, free: [...merged.cost.free, ...l.cost.free], cheap: [...merged.cost.cheap, ...l.cost.cheap] },
      askCues: [...merged.askCues, ...l.askCues],
      seekCues: [...merged.seekCues, ...l.seekCues],
      nearCues: [...merged.nearCues, ...l.nearCues],
      knowledgeCues: [...merged.knowledgeCues, ...l.knowledgeCues],
      genericActivity: [...merged.genericActivity, ...l.genericActivity],
      placeFillers: [...merged.placeFillers, ...l.placeFillers],
    }),
    data,
  );
}

/** A Dutch word part shorter than this ("les") says too little on its own to rank listings by. */
const MIN_DUTCH_PART = 4;
/** At most this many letters after the part: an ending ("vrouwen", "zwemmen"), not another word. */
const DUTCH_PART_ENDING = 3;

export function compileVocabulary(dutch: VocabularyData, languages: readonly LanguageWords[] = []): ListingsVocabulary {
  const data = mergeLanguages(dutch, languages);
  const timeWords = new Map(languages.flatMap((l) => Object.entries(l.time)).map(([word, nl]) => [normalise(word), nl]));
  const keywordWords = new Map(languages.flatMap((l) => Object.entries(l.keywords)).map(([word, parts]) => [normalise(word), parts.map((p) => normalise(p))]));
  const norm = (list: string[]) => list.map((p) => p.split(/\s+/).map((w) => (w === "?" ? w : normaliseWord(w))).join(" "));
  const group = (record: Record<string, string[] | undefined>) =>
    compilePhrases(Object.fromEntries(Object.entries(record).map(([k, v]) => [k, norm(v ?? [])])), { isWord: (w) => knownWord(w) });
  // Read lazily, at match time, when every set below exists.
  const knownWord = (word: string): boolean => Object.values(sets).some((set) => set.knows(word));
  const sets = {
    categories: group(data.categories as Partial<Record<Category, string[]>>),
    yielding: group((data.yieldingNeeds ?? {}) as Partial<Record<Category, string[]>>),
    generic: group({ generic: data.genericActivity }),
    audiences: group(data.audiences as Partial<Record<Audience, string[]>>),
    accessibility: group({ accessible: data.accessibility.asked }),
    cost: group({ free: data.cost.free, cheap: data.cost.cheap }),
    languages: group(data.languages),
    ask: group({ ask: data.askCues }),
    seek: group({ seek: data.seekCues }),
    near: group({ near: data.nearCues }),
    knowledge: group({ knowledge: data.knowledgeCues }),
  };
  // Ask and seek words too: "nerde" (Turkish "where") is not a typo of Neede, "finde" not of Linde.
  const meaningful = [sets.categories, sets.generic, sets.audiences, sets.accessibility, sets.cost, sets.languages, sets.ask, sets.seek];
  const circumstances = Object.entries(data.circumstances).map(([name, parts]) => [name, parts.map((p) => normalise(p))] as const);
  const dutchParts = [...new Set([...keywordWords.values()].flat())].filter((p) => p.length >= MIN_DUTCH_PART);
  return {
    ...sets,
    fillers: new Set(norm(data.placeFillers).flatMap((p) => p.split(" "))),
    timeWords,
    keywordWords,
    dutchKeyword: (word) => dutchParts.filter((p) => word.startsWith(p) && word.length - p.length <= DUTCH_PART_ENDING),
    isVocabularyWord: (word) => meaningful.some((s) => s.knows(word)),
    freeInListing: norm(data.cost.freeInListing),
    cheapInListing: norm(data.cost.cheapInListing),
    cheapMaxEuro: data.cost.cheapMaxEuro,
    accessibleInListing: norm(data.accessibility.listingWords),
    // At the start of a word: "rouw" is in "rouwgroep", not in "vrouw".
    circumstancesIn: (text) => circumstances.filter(([, parts]) => parts.some((p) => ` ${text}`.includes(` ${p}`))).map(([name]) => name),
  };
}

/** Normalises one vocabulary word but keeps its `*` wildcards. */
function normaliseWord(word: string): string {
  const lead = word.startsWith("*") ? "*" : "";
  const tail = word.endsWith("*") && word.length > 1 ? "*" : "";
  return `${lead}${normalise(word.replace(/\*/g, ""))}${tail}`;
}
