/**
 * Turns chunks and questions into weighted terms for BM25 and the local embeddings. Both sides
 * meet on stems, compound parts, word pairs and lexicon concepts; a question is also corrected for
 * typos and expanded with the lexicon's policy words (weighted below the person's own words).
 */
import { foldText, stemWord, STOPWORDS, tokenize } from "./dutch-text.js";
import { matchGroups, type Lexicon } from "./lexicon.js";
import { splitSentences } from "./sentences.js";
import { closestWord, splitCompound, type Vocabulary } from "./vocabulary.js";

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
}

/** Share of a question word's weight left when it names a source rather than a topic. */
const LABEL_WORD_WEIGHT = 0.3;
const MAX_WORD_WEIGHT = 4;

/**
 * Verbs that frame a question ("welke … onderscheidt de startnotitie", "wat kenmerkt …") rather
 * than name its topic. They still count for search, but little for coverage.
 */
const FRAME_WORDS = new Set(
  [
    "onderscheidt", "onderscheiden", "noemt", "noemen", "beschrijft", "beschrijven", "kenmerkt", "kenmerken",
    "stelt", "verstaat", "hoort", "horen", "valt", "vallen", "speelt", "neemt", "doorloop", "doorloopt",
    "laat", "kijkt", "kijken", "vindt", "denkt", "volgens", "zetten", "maken", "gemaakt", "maakt", "spelen",
  ].map(stemWord),
);
const FRAME_WORD_WEIGHT = 0.3;

export const conceptTerm = (concept: string) => `~${concept}`;
const pairTerm = (a: string, b: string) => `${a}+${b}`;
const definitionTerm = (stem: string) => `=${stem}`;

const DEFINING_VERBS = new Set(["is", "zijn", "betekent", "heet"]);
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

function raise(terms: Map<string, number>, term: string, weight: number): void {
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
  const known = (stem: string) => vocabulary.stemFrequency.has(stem);
  const content = tokenize(text).filter((t) => !t.stop);
  content.forEach((token, i) => {
    add(terms, token.stem, 1);
    if (weights.pair > 0 && i > 0) add(terms, pairTerm(content[i - 1]!.stem, token.stem), weights.pair);
    if (weights.compoundPart > 0 && token.surface.length >= 8) {
      const parts = splitCompound(token.surface, known);
      if (parts) for (const part of parts) add(terms, part, weights.compoundPart);
    }
  });
  const headingStems = heading ? tokenize(heading).filter((t) => !t.stop).map((t) => t.stem) : [];
  for (const stem of headingStems) add(terms, stem, weights.heading);
  if (metadata && weights.metadata > 0) {
    for (const t of tokenize(metadata)) if (!t.stop) add(terms, t.stem, weights.metadata);
  }
  if (weights.definition > 0) {
    const sentences = [heading ?? "", ...text.split("\n").flatMap((line) => splitSentences(line))];
    for (const sentence of sentences) for (const stem of definedStems(sentence)) raise(terms, definitionTerm(stem), 1);
  }
  if (weights.concept > 0) {
    for (const group of matchGroups(lexicon, [...headingStems, ...content.map((t) => t.stem)], "document")) {
      add(terms, conceptTerm(lexicon.groups[group]!.concept), weights.concept);
    }
  }
  return terms;
}

/** One content word of a question, with every stem that counts as finding it in a text. */
export interface QueryWord {
  surface: string;
  /** The stem searched for (after typo correction). */
  stem: string;
  /** Stems that are this word: the stem or its typo correction (either one counts). */
  direct: string[];
  /** The parts of a compound the corpus does not have whole ("buurtcontact"): all must occur. */
  parts: string[];
  /** Stems that are about the same thing: the policy words of the word's lexicon concepts. */
  related: string[];
  /** How informative the word is (idf over the corpus; unknown words count fully). */
  weight: number;
  /** Neither the corpus nor the lexicon knows the word, even after typo and compound handling. */
  unknown: boolean;
}

/** Alternative terms with weights; a chunk scores the best alternative it contains. */
export type QueryClause = Map<string, number>;

export interface QueryAnalysis {
  /**
   * One clause per question word, word pair, definition cue and lexicon concept. A concept's many
   * policy words form one clause, so a concept counts once, however many of its words a chunk has.
   */
  clauses: QueryClause[];
  /** All terms with their highest weight (for the embeddings). */
  terms: Map<string, number>;
  /** Written words after typo correction (for character n-grams). */
  words: string[];
  /** The question's content words, for coverage-based confidence. */
  contentWords: QueryWord[];
}

/** Builds the question analyser for one index (vocabulary and lexicon). */
export function createQueryAnalyzer(context: FeatureContext): (query: string) => QueryAnalysis {
  const { vocabulary, lexicon, weights } = context;
  const chunkCount = Math.max(1, Math.max(0, ...vocabulary.stemFrequency.values()));
  const corpusKnown = (stem: string) => vocabulary.stemFrequency.has(stem);
  // Stopwords are candidates too: "eigelijk" is a typo of "eigenlijk", not of a corpus word.
  const candidates = [...new Set([...vocabulary.words.keys(), ...lexicon.words, ...STOPWORDS])];
  const frequency = (word: string) => vocabulary.wordFrequency.get(word) ?? (STOPWORDS.has(word) ? 1000 : 0);
  // Capped, so one unknown word (often a typo or a story detail) cannot outweigh the rest.
  const idf = (stem: string) => {
    const df = vocabulary.stemFrequency.get(stem) ?? 0;
    return Math.min(MAX_WORD_WEIGHT, Math.log(1 + (chunkCount + 1) / (df + 0.5)));
  };

  return (query) => {
    const clauses: QueryClause[] = [];
    const words: string[] = [];
    const contentWords: QueryWord[] = [];
    const sequence: string[] = [];
    let previous: string | null = null;
    for (const token of tokenize(query)) {
      if (token.stop) continue;
      // "kookt", "woont": the stemmer keeps the verb's -t; the corpus may only have "koken", "wonen".
      const verbStem = /[^aeiout]t$/.test(token.surface) && token.surface.length > 4 ? stemWord(token.surface.slice(0, -1)) : null;
      const known = corpusKnown(token.stem) || lexicon.stems.has(token.stem);
      const stem = !known && verbStem && corpusKnown(verbStem) ? verbStem : token.stem;
      const matches = [stem];
      let primary = stem;
      if (known || stem !== token.stem) {
        clauses.push(new Map([[stem, 1]]));
        words.push(token.surface);
      } else {
        const parts = splitCompound(token.surface, corpusKnown);
        const corrected = parts ? null : closestWord(token.surface, candidates, frequency);
        if (corrected && STOPWORDS.has(corrected)) continue;
        if (parts) {
          for (const part of parts) clauses.push(new Map([[part, weights.compoundPart + 0.1]]));
          matches.push(...parts);
          words.push(token.surface);
        } else if (corrected) {
          primary = stemWord(corrected);
          clauses.push(new Map([[primary, weights.corrected]]));
          matches.push(primary);
          words.push(corrected);
        } else {
          clauses.push(new Map([[token.stem, 1]]));
          words.push(token.surface);
        }
      }
      sequence.push(...new Set(matches));
      if (weights.pair > 0 && previous) clauses.push(new Map([[pairTerm(previous, primary), weights.pair]]));
      previous = primary;
      const unique = [...new Set(matches)];
      const parts = unique.length > 1 && primary === stem ? unique.slice(1) : [];
      const direct = parts.length ? [stem] : unique;
      const related = new Set<string>();
      for (const group of matchGroups(lexicon, unique, "query")) {
        for (const pattern of lexicon.groups[group]!.policyPatterns) for (const stem of pattern) related.add(stem);
      }
      for (const stem of unique) related.delete(stem);
      // Words that name a source ("startnotitie", "Movisie") say where to look, not what to find.
      const weight =
        idf(primary) *
        (context.labelStems?.has(primary) ? LABEL_WORD_WEIGHT : 1) *
        (FRAME_WORDS.has(primary) || FRAME_WORDS.has(token.stem) ? FRAME_WORD_WEIGHT : 1);
      const unknown = !corpusKnown(primary) && !lexicon.stems.has(primary) && parts.length === 0;
      contentWords.push({ surface: token.surface, stem: primary, direct, parts, related: [...related], weight, unknown });
    }
    if (weights.definition > 0 && isDefinitionQuestion(query)) {
      for (const word of contentWords) clauses.push(new Map([[definitionTerm(word.stem), weights.definition]]));
    }
    for (const group of matchGroups(lexicon, sequence, "query")) {
      const { concept, policyPatterns } = lexicon.groups[group]!;
      const clause: QueryClause = new Map();
      if (weights.concept > 0) clause.set(conceptTerm(concept), weights.concept);
      if (weights.expansion > 0) {
        for (const pattern of policyPatterns) {
          for (const stem of pattern) if (corpusKnown(stem)) raise(clause, stem, weights.expansion / pattern.length);
        }
      }
      if (clause.size) clauses.push(clause);
    }
    const terms = new Map<string, number>();
    for (const clause of clauses) for (const [term, weight] of clause) raise(terms, term, weight);
    return { clauses, terms, words, contentWords };
  };
}
