/**
 * Turns chunks into weighted terms for BM25 and the local embeddings: stems, heading words,
 * compound parts, word pairs, lexicon concepts and definition cues. Questions meet them on the
 * same terms (see `query-analyzer.ts`).
 */
import { foldText, tokenize } from "./dutch-text.js";
import { lexiconStems, matchGroups, type Lexicon } from "./lexicon.js";
import { splitSentences } from "./sentences.js";
import { splitKnownCompound, type Vocabulary } from "./vocabulary.js";

export interface FeatureWeights {
  /** Weight of a heading word relative to a word of the text. */
  heading: number;
  /** Weight of each part of a split compound (index and query side). */
  compoundPart: number;
  /** Weight of a pair of neighbouring content words; 0 disables pairs. */
  pair: number;
  /** Weight of a lexicon concept tag; 0 disables tags. */
  concept: number;
  /** Total weight of one policy phrase a question is expanded with (spread over its words). */
  expansion: number;
  /** Weight of a typo-corrected word. */
  corrected: number;
  /** Weight of a document's title, publisher and type words in each of its chunks. */
  metadata: number;
  /** Weight of a "what is X" question on chunks that define X ("X is …", heading "Wat is X?"). */
  definition: number;
}

export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = {
  heading: 1,
  compoundPart: 0.5,
  pair: 0.5,
  concept: 0.6,
  expansion: 0.4,
  corrected: 0.8,
  metadata: 0.3,
  definition: 0.6,
};

export interface FeatureContext {
  vocabulary: Vocabulary;
  lexicon: Lexicon;
  weights: FeatureWeights;
  /** Stems of the documents' titles, publishers and types. */
  labelStems?: ReadonlySet<string>;
  /** Abbreviations the corpus spells out ("cjg" → stems of "Centrum Jeugd & Gezin"), see {@link findAcronyms}. */
  acronyms?: ReadonlyMap<string, string[]>;
}

/** Small words that may sit inside a spelled-out name without giving a letter: "Centrum voor Jeugd en Gezin". */
const NAME_LINKS = new Set(["voor", "en", "&", "van", "de", "het", "der"]);

/**
 * Abbreviations a question may use for names the texts spell out: the initials of two to five
 * capitalised words in a row ("Centrum Jeugd & Gezin", "Wet maatschappelijke ondersteuning" is not
 * one: "maatschappelijke" is not capitalised). Residents write "CJG"; the policy text writes it out.
 * Only initials that are not themselves a word of the texts count.
 */
export function findAcronyms(texts: readonly string[], isWord: (word: string) => boolean): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const text of texts) {
    for (const line of text.split("\n")) {
      const tokens = line.split(/\s+/).map((w) => w.replace(/^[^\p{L}&]+|[^\p{L}&]+$/gu, "")).filter(Boolean);
      for (let i = 0; i < tokens.length; i++) {
        const words: string[] = [];
        for (let j = i; j < tokens.length && words.length < 5; j++) {
          const token = tokens[j]!;
          if (/^\p{Lu}\p{Ll}+$/u.test(token)) words.push(token);
          else if (!(words.length > 0 && NAME_LINKS.has(token.toLowerCase()))) break;
          if (words.length >= 2) {
            const initials = words.map((w) => w[0]!.toLowerCase()).join("");
            if (!found.has(initials) && !isWord(initials)) found.set(initials, words.map((w) => tokenize(w)[0]?.stem ?? w.toLowerCase()));
          }
        }
      }
    }
  }
  return found;
}

export const conceptTerm = (concept: string) => `~${concept}`;
export const pairTerm = (a: string, b: string) => `${a}+${b}`;
export const definitionTerm = (stem: string) => `=${stem}`;

const DEFINING_VERBS = new Set(["is", "zijn", "betekent", "heet"]);
const DEFINING_VERB = /\b(?:is|zijn|betekent|heet)\b/i;
const ARTICLES = new Set(["de", "het", "een", "wat"]);
const DETERMINERS = new Set(["de", "het", "een"]);
const PREPOSITIONS = new Set(["voor", "om", "in", "op", "aan", "bij", "van", "met", "naar", "uit", "door", "over"]);

/**
 * The words a sentence defines: "De sociale basis is (vooral) de wereld …" and "Wat is ‘de
 * sociale basis’?" both define "sociale basis"; "De sociale basis is belangrijk voor …" does not.
 * Only short subjects count (up to four words before the verb), followed soon by a noun phrase.
 */
export function definedStems(sentence: string): string[] {
  const tokens = tokenize(sentence);
  let start = 0;
  while (start < tokens.length && ARTICLES.has(tokens[start]!.surface)) start += 1;
  // "Wat is X?": the defined words follow the verb.
  if (start > 0 && tokens[start - 1]!.surface === "wat" && DEFINING_VERBS.has(tokens[start]?.surface ?? "")) {
    return tokens
      .slice(start + 1, start + 6)
      .filter((t) => !t.stop)
      .map((t) => t.stem);
  }
  const verb = tokens.findIndex((t, i) => i > start && i <= start + 4 && DEFINING_VERBS.has(t.surface));
  if (verb === -1) return [];
  const after = tokens.slice(verb + 1, verb + 4).map((t) => t.surface);
  const determiner = after.findIndex((word) => DETERMINERS.has(word));
  if (determiner === -1 || after.slice(0, determiner).some((word) => PREPOSITIONS.has(word))) return [];
  return tokens
    .slice(start, verb)
    .filter((t) => !t.stop)
    .map((t) => t.stem);
}

/** Does the question ask what something is or means? */
export function isDefinitionQuestion(question: string): boolean {
  return DEFINITION_QUESTION.test(foldText(question));
}

const DEFINITION_QUESTION =
  /\bwat\s+(is|zijn|betekent|betekenen|bedoel\w*|houdt|verstaa?\w*)\b|\bdefinie\w*|\bomschrijving\b|\bwhat\s+is\b/;

function add(terms: Map<string, number>, term: string, weight: number): void {
  terms.set(term, (terms.get(term) ?? 0) + weight);
}

export function raise(terms: Map<string, number>, term: string, weight: number): void {
  if ((terms.get(term) ?? 0) < weight) terms.set(term, weight);
}

/** Weighted term frequencies of a chunk: its text, its heading path, compound parts, pairs, concepts. */
export function documentTerms(
  text: string,
  heading: string | undefined,
  context: FeatureContext,
  metadata?: string,
): Map<string, number> {
  const { vocabulary, lexicon, weights } = context;
  const terms = new Map<string, number>();
  const tokens = tokenize(text);
  const content = tokens.filter((t) => !t.stop);
  content.forEach((token, i) => {
    add(terms, token.stem, 1);
    if (weights.pair > 0 && i > 0) add(terms, pairTerm(content[i - 1]!.stem, token.stem), weights.pair);
    if (weights.compoundPart > 0 && token.surface.length >= 8) {
      const parts = splitKnownCompound(token.surface, vocabulary);
      if (parts) for (const part of parts) add(terms, part, weights.compoundPart);
    }
  });
  const headingTokens = heading ? tokenize(heading) : [];
  const headingStems = headingTokens.filter((t) => !t.stop).map((t) => t.stem);
  for (const stem of headingStems) add(terms, stem, weights.heading);
  if (metadata && weights.metadata > 0) {
    for (const t of tokenize(metadata)) if (!t.stop) add(terms, t.stem, weights.metadata);
  }
  if (weights.definition > 0) {
    const sentences = [heading ?? "", ...text.split("\n").flatMap((line) => splitSentences(line))];
    for (const sentence of sentences) {
      if (!DEFINING_VERB.test(sentence)) continue; // cheap test first: most sentences define nothing
      for (const stem of definedStems(sentence)) raise(terms, definitionTerm(stem), 1);
    }
  }
  if (weights.concept > 0) {
    for (const group of matchGroups(lexicon, [...lexiconStems(headingTokens, lexicon), ...lexiconStems(tokens, lexicon)], "document")) {
      add(terms, conceptTerm(lexicon.groups[group]!.concept), weights.concept);
    }
  }
  return terms;
}
