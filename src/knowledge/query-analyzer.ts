/**
 * Understands a question the way the index is built: each content word is resolved against the
 * corpus (verb forms, compounds, typos), then the lexicon adds the policy words residents do not
 * use ("geldzorgen" → "armoede", "bestaansonzekerheid"), weighted below the person's own words.
 */
import { splitParticle, STOPWORDS, stemWord, tokenize, type Token } from "./dutch-text.js";
import { matchGroups } from "./lexicon.js";
import { conceptTerm, definitionTerm, isDefinitionQuestion, pairTerm, raise, type FeatureContext } from "./text-features.js";
import { splitCompoundDeep, splitKnownCompound, TypoIndex } from "./vocabulary.js";

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
  /** How informative the word is (idf over the corpus, capped; lower for frame and source words). */
  weight: number;
  /** Neither the corpus nor the lexicon knows the word, even after typo and compound handling. */
  unknown: boolean;
  /** A word that frames the question or names a source ("onderscheidt", "startnotitie"), not its topic. */
  minor?: boolean;
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

/** Share of a question word's weight left when it names a source ("startnotitie", "Movisie"). */
const LABEL_WORD_WEIGHT = 0.3;
/** Cap on a word's weight, so one unknown word (a typo, a story detail) cannot outweigh the rest. */
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

/**
 * The word a Dutch diminutive is made from, when the corpus knows it ("speeltuintjes" → "speeltuin",
 * "balletje" → "bal", "boompje" → "boom"), or null. Also undoes a diminutive inside a compound's head.
 */
export function diminutiveBase(word: string, isKnown: (word: string) => boolean): string | null {
  for (const suffix of DIMINUTIVE_SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
    const base = word.slice(0, -suffix.length);
    const found = [base, base.replace(/(.)\1$/, "$1")].find((candidate) => candidate.length >= 3 && isKnown(candidate));
    if (found) return found;
  }
  return null;
}

const DIMINUTIVE_SUFFIXES = ["etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je"];

/** How a written word was matched to the corpus. */
interface ResolvedWord {
  /** The stem to search for (corrected when it was a typo). */
  stem: string;
  /** Compound parts, when the word was split. */
  parts: string[];
  /** Written form to take character n-grams from. */
  written: string;
  /** Weight of the word's search clause(s). */
  weight: number;
  known: boolean;
}

/**
 * Builds the question analyser for one index (vocabulary and lexicon). It remembers its last
 * analysis, so the retriever, the embeddings and the composer, which all read the question being
 * answered, share one; callers must treat a returned analysis as read-only.
 */
export function createQueryAnalyzer(context: FeatureContext): (query: string) => QueryAnalysis {
  const { vocabulary, lexicon, weights } = context;
  const chunkCount = Math.max(1, ...vocabulary.stemFrequency.values());
  const inCorpus = (stem: string) => vocabulary.stemFrequency.has(stem);
  // Stopwords are candidates too: "eigelijk" is a typo of "eigenlijk", not of a corpus word.
  const typos = new TypoIndex(
    [...vocabulary.words.keys(), ...lexicon.words, ...STOPWORDS],
    (word) => vocabulary.wordFrequency.get(word) ?? (STOPWORDS.has(word) ? 1000 : 0),
  );
  const idf = (stem: string) =>
    Math.min(MAX_WORD_WEIGHT, Math.log(1 + (chunkCount + 1) / ((vocabulary.stemFrequency.get(stem) ?? 0) + 0.5)));

  /** Resolves one word; null means it was a typo of a stopword and carries nothing. */
  const resolve = (token: Token): ResolvedWord | null => {
    if (inCorpus(token.stem) || lexicon.stems.has(token.stem)) {
      return { stem: token.stem, parts: [], written: token.surface, weight: 1, known: true };
    }
    // "kookt", "woont": the stemmer keeps the verb's -t; the corpus may only have "koken", "wonen".
    if (token.surface.length > 4 && /[^aeiout]t$/.test(token.surface)) {
      const verb = stemWord(token.surface.slice(0, -1));
      if (inCorpus(verb)) return { stem: verb, parts: [], written: token.surface, weight: 1, known: true };
    }
    // "cjg": the texts write the name out ("Centrum Jeugd & Gezin"); all its words must be found.
    const spelledOut = context.acronyms?.get(token.surface);
    if (spelledOut) return { stem: token.stem, parts: spelledOut, written: token.surface, weight: 1, known: true };
    // "speeltuintjes", "groepje", "huisje": residents use diminutives the sources do not.
    const base = diminutiveBase(token.surface, (word) => inCorpus(stemWord(word)));
    if (base) return { stem: stemWord(base), parts: [], written: base, weight: 1, known: true };
    // "Zeister", "Utrechtse": an adjective made from a place name the sources spell as the name.
    const place = /^(.{4,}?)(se|er)$/.exec(token.surface)?.[1];
    if (place && vocabulary.words.has(place)) return { stem: stemWord(place), parts: [], written: place, weight: 1, known: true };
    const parts =
      splitKnownCompound(token.surface, vocabulary) ?? splitCompoundDeep(token.surface, (stem) => vocabulary.stemFrequency.has(stem));
    if (parts) return { stem: token.stem, parts, written: token.surface, weight: weights.compoundPart + 0.1, known: true };
    // "uitgeven", "opschrijven": a particle and a verb the corpus knows is that verb, not a typo of
    // another word ("uiteen", "omschrijf"); a typo is only corrected to the same particle with another verb.
    const particle = splitParticle(token.surface);
    if (particle) {
      const rest = stemWord(particle[1]);
      if (inCorpus(rest) || lexicon.stems.has(rest)) {
        return { stem: rest, parts: [], written: particle[1], weight: weights.compoundPart + 0.1, known: true };
      }
    }
    const corrected = typos.closest(token.surface);
    if (corrected && particle && !(corrected.startsWith(particle[0]) && corrected.length - particle[0].length >= 4)) {
      return { stem: token.stem, parts: [], written: token.surface, weight: 1, known: false };
    }
    if (corrected && STOPWORDS.has(corrected)) return null;
    if (corrected) return { stem: stemWord(corrected), parts: [], written: corrected, weight: weights.corrected, known: true };
    return { stem: token.stem, parts: [], written: token.surface, weight: 1, known: false };
  };

  let last: { query: string; analysis: QueryAnalysis } | undefined;
  return (query) => {
    if (last?.query !== query) last = { query, analysis: analyse(query) };
    return last.analysis;
  };

  function analyse(query: string): QueryAnalysis {
    const clauses: QueryClause[] = [];
    const words: string[] = [];
    const contentWords: QueryWord[] = [];
    const sequence: string[] = [];
    let previous: string | null = null;
    for (const token of tokenize(query)) {
      if (token.stop) {
        if (lexicon.keep.has(token.surface)) sequence.push(token.surface); // "geen geld", "zelf doen"
        continue;
      }
      const word = resolve(token);
      if (!word) continue;
      if (word.parts.length) for (const part of word.parts) clauses.push(new Map([[part, word.weight]]));
      else clauses.push(new Map([[word.stem, word.weight]]));
      if (weights.pair > 0 && previous) clauses.push(new Map([[pairTerm(previous, word.stem), weights.pair]]));
      previous = word.stem;
      words.push(word.written);

      const direct = [...new Set([word.stem, token.stem])];
      const own = [...direct, ...word.parts];
      sequence.push(...own);
      const related = new Set<string>();
      for (const group of matchGroups(lexicon, own, "query")) {
        for (const pattern of lexicon.groups[group]!.policyPatterns) for (const stem of pattern) if (!STOPWORDS.has(stem)) related.add(stem);
      }
      for (const stem of own) related.delete(stem);
      const label = context.labelStems?.has(word.stem) ?? false;
      const frame = FRAME_WORDS.has(word.stem) || FRAME_WORDS.has(token.stem);
      const weight = idf(word.stem) * (label ? LABEL_WORD_WEIGHT : 1) * (frame ? FRAME_WORD_WEIGHT : 1);
      const unknown = !word.known && !lexicon.stems.has(word.stem);
      contentWords.push({
        surface: token.surface,
        stem: word.stem,
        direct: word.parts.length ? [word.stem] : direct,
        parts: word.parts,
        related: [...related],
        weight,
        unknown,
        ...(label || frame ? { minor: true } : {}),
      });
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
          const content = pattern.filter((stem) => !STOPWORDS.has(stem));
          for (const stem of content) if (inCorpus(stem)) raise(clause, stem, weights.expansion / content.length);
        }
      }
      if (clause.size) clauses.push(clause);
    }
    const terms = new Map<string, number>();
    for (const clause of clauses) for (const [term, weight] of clause) raise(terms, term, weight);
    return { clauses, terms, words, contentWords };
  }
}
