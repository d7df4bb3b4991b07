/**
 * Dutch text handling shared by indexing, querying and answer composition: diacritics folding,
 * tokenising, stopwords and stemming. Pure functions; the same input always gives the same tokens.
 */
import { newStemmer } from "snowball-stemmers";
import { nld } from "stopword";

const stemmer = newStemmer("dutch");

/**
 * Words residents and professionals wrap around a question ("wat bedoelen ze eigenlijk met…")
 * that carry no topic. Kept out of the index and out of query matching.
 */
const EXTRA_STOPWORDS = [
  "eigenlijk", "nou", "gewoon", "precies", "even", "welke", "welk", "waar", "waarom", "wanneer",
  "hoeveel", "hoelang", "kun", "kunt", "jullie", "jij", "jou", "jouw", "ergens", "beetje", "echt",
  "heel", "erg", "allemaal", "zeggen", "zegt", "bedoelen", "bedoeld", "bedoelt", "betekent", "weet",
  "weten", "vind", "vindt", "graag", "hallo", "hoi", "alsjeblieft", "alstublieft", "bedankt", "mag",
  "mogen", "willen", "wilt", "wordt", "gaat", "gaan", "komt", "komen", "ben", "bent", "zit", "zitten",
  "zou", "zouden", "moeten", "hebt", "heeft", "doet", "gedaan", "daarbij", "daarvoor", "ers", "hè",
  "toch", "oke", "ok", "eh", "zo'n", "zon'", "s", "n", "t", "d", "e", "a", "the", "is", "are", "what",
  "steeds", "nodig", "iets", "wel", "dus", "er", "nog", "vaak", "soms", "krijgen", "waarbij", "waarin",
  "waardoor", "waarmee", "daarin", "daarmee", "zoiets", "iemand", "elke", "ieder", "iedere", "nou",
  "ziet", "eruit", "uitzien", "ooit", "gebeurt", "gebeurd", "precies", "iets",
];

/** All stopwords, folded (no diacritics, lowercase). */
export const STOPWORDS: ReadonlySet<string> = new Set([...nld, ...EXTRA_STOPWORDS].map((w) => foldText(w)));

const NUMBER_WORDS: Record<string, string> = {
  twee: "2", drie: "3", vier: "4", vijf: "5", zes: "6", zeven: "7", acht: "8", negen: "9", tien: "10",
  elf: "11", twaalf: "12", twintig: "20", dertig: "30", veertig: "40", vijftig: "50", honderd: "100",
};

/**
 * Particles that Dutch verbs take as a separable first part ("uitgeven", "opschrijven",
 * "meedoen"). A question word made of one of them and a known word is that word, not a typo.
 */
export const VERB_PARTICLES: readonly string[] = [
  "aan", "af", "bij", "binnen", "buiten", "door", "in", "langs", "los", "mee", "na", "neer", "om", "op",
  "over", "rond", "samen", "tegen", "terug", "thuis", "toe", "uit", "vast", "voor", "weg",
];

/** The particle a word starts with and the rest ("uitgeven" → ["uit", "geven"]), longest particle first; null when none fits. */
export function splitParticle(word: string, minRest = 4): [string, string] | null {
  let found: [string, string] | null = null;
  for (const particle of VERB_PARTICLES) {
    if (word.length - particle.length < minRest || !word.startsWith(particle)) continue;
    if (!found || particle.length > found[0].length) found = [particle, word.slice(particle.length)];
  }
  return found;
}

/** Plurals and forms the Dutch snowball stemmer leaves apart. */
const IRREGULAR_STEMS: Record<string, string> = { kinder: "kind", kindertj: "kind", kindj: "kind" };

/** Lowercase, strip diacritics (é → e, ï → i), unify quotes and dashes. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\u2010-\u2015]/g, "-");
}

/** Words of a folded text: runs of letters or of digits; apostrophe forms are joined (pk's → pks). */
export function splitWords(folded: string): string[] {
  const words: string[] = [];
  // Letters and digits are split apart: "wmo2015" and "wmo 2015" must meet.
  for (const match of folded.matchAll(/[a-z]+(?:'[a-z]+)*|[0-9]+/g)) {
    const word = match[0];
    words.push(STOPWORDS.has(word) ? word : word.replace(/'/g, ""));
  }
  return words;
}

/** Stems are memoised: the same few thousand words recur in every chunk and question. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 100_000;

/** Stem one folded word; numbers written as words become digits (zeven → 7). */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = computeStem(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/** The memoised stems, to save with an index (the stemmer is the slow part of loading one). */
export function knownStems(): Array<[string, string]> {
  return [...stemCache];
}

/** Seeds the memo with stems saved by the same code version (see {@link knownStems}). */
export function seedStems(entries: ReadonlyArray<readonly [string, string]>): void {
  for (const [word, stem] of entries) if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(word, stem);
}

function computeStem(word: string): string {
  const number = NUMBER_WORDS[word];
  if (number) return number;
  if (/^\d+$/.test(word)) return word;
  let stem = stemmer.stem(word);
  if (stem.length > 5 && stem.endsWith("ies")) stem = stem.slice(0, -1);
  // sociaal/sociale, individueel/individuele: the stemmer only undoubles the vowel inside its R1 region.
  stem = stem.replace(/([aeou])\1([^aeiou])$/, "$1$2");
  // huizen/huis, brieven/brief: the stemmer keeps the voiced consonant of the plural.
  if (stem.length > 3 && stem.endsWith("z")) stem = `${stem.slice(0, -1)}s`;
  else if (stem.length > 3 && stem.endsWith("v")) stem = `${stem.slice(0, -1)}f`;
  return IRREGULAR_STEMS[stem] ?? stem;
}

export interface Token {
  /** The folded word as written. */
  surface: string;
  stem: string;
  stop: boolean;
}

/** Tokenises a text into folded words with their stems; stopwords are kept but marked. */
export function tokenize(text: string): Token[] {
  return splitWords(foldText(text)).map((surface) => {
    const stop = STOPWORDS.has(surface) || (surface.length < 2 && !/\d/.test(surface));
    return { surface, stem: stop ? surface : stemWord(surface), stop };
  });
}

/** The stems of a text's content words (no stopwords), in order. */
export function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((t) => !t.stop)
    .map((t) => t.stem);
}

/** Removes Markdown links, URLs and footnote marks before indexing: they are not the text's words. */
export function stripMarkupForIndex(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/https?:\/\/\S+|www\.\S+/g, " ")
    .replace(/\S+@\S+\.\S+/g, " ")
    .replace(/\[\^\d+\]:?/g, " ");
}
