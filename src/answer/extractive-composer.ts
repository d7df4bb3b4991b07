import type { AnswerComposer, ComposedAnswer, ComposeRequest, Passage } from "../core/ports.js";
import type { Persona, Source } from "../core/types.js";
import type { QueryWord } from "../knowledge/query-analyzer.js";
import { isDefinitionQuestion } from "../knowledge/text-features.js";
import {
  compoundPartsOf,
  contains,
  coverage,
  createPassageAnalysis,
  passageStems,
  plainQuestionWords,
  scoreCandidate,
  type Candidate,
} from "./extractive-sentences.js";

export interface ExtractiveComposerOptions {
  /**
   * The question's content words as the index understands them (typos, compounds, lexicon);
   * `KnowledgeIndex.questionWords`. Without it, plain stems are used.
   */
  questionWords?: (question: string) => QueryWord[];
  /** Share of the question the best passage must cover to answer at all (0..1). */
  minCoverage?: number;
}

/** Below this coverage the passages do not answer the question: say so instead of guessing. */
export const DEFAULT_MIN_COVERAGE = 0.45;
/**
 * Long questions tell a story ("mijn vader is 68 en zit de hele dag binnen…"), so a smaller share
 * is enough when the covered words carry this much weight together (about two specific words).
 */
const STORY_COVERAGE = 0.25;
const STORY_WEIGHT = 7;

/** A question whose unknown words carry this share of its weight asks about something the sources lack. */
const UNKNOWN_SHARE = 0.3;

/** A passage covering this much may miss the question's key word (it says it in other words). */
const FULL_COVERAGE = 0.75;
/** Questions with at most this many content words must have their key word answered. */
const SHORT_QUESTION = 3;

/**
 * Does this passage answer the question well enough to quote it? Absolute, not rank-based: it
 * covers enough of the question (or, for a long story, enough weight), and it contains the
 * question's most informative word itself: "hoe laat gaat het buurthuis open op zondag" is not
 * answered by a walk on Sundays.
 */
export function answers(words: readonly QueryWord[], passage: Passage, minCoverage = DEFAULT_MIN_COVERAGE): boolean {
  return answersFrom(words, passageStems(passage, words), minCoverage);
}

/** {@link answers} on the passage's stems (with compound parts). */
function answersFrom(words: readonly QueryWord[], stems: ReadonlySet<string>, minCoverage: number): boolean {
  const total = words.reduce((sum, w) => sum + w.weight, 0);
  const share = coverage(words, stems);
  if (share < minCoverage && !(share >= STORY_COVERAGE && share * total >= STORY_WEIGHT)) return false;
  // In a short question the most informative word is the topic; a long one tells a story around it.
  const topical = words.filter((w) => w.weight >= 1).length; // frame and source words do not count
  if (topical < 2 || topical > SHORT_QUESTION || share >= FULL_COVERAGE) return true;
  const key = words.reduce((best, w) => (w.weight > best.weight ? w : best), words[0]!);
  return contains(stems, key);
}

/** Is any passage good enough to answer from? Not when the question is mostly about unknown things. */
export function isConfident(words: readonly QueryWord[], passages: readonly Passage[], minCoverage = DEFAULT_MIN_COVERAGE): boolean {
  return mostlyKnown(words) && passages.some((passage) => answers(words, passage, minCoverage));
}

/** Not when the question words the sources lack carry too much of its weight. */
function mostlyKnown(words: readonly QueryWord[]): boolean {
  const total = words.reduce((sum, w) => sum + w.weight, 0);
  const unknown = words.filter((w) => w.unknown).reduce((sum, w) => sum + w.weight, 0);
  return total !== 0 && unknown / total < UNKNOWN_SHARE;
}

/** `follow`: how close (share of the best score) a further quote must come to be added. */
const LIMITS: Record<Persona, { passages: number; quotes: number; chars: number; perPassage: number; follow: number }> = {
  resident: { passages: 5, quotes: 2, chars: 450, perPassage: 2, follow: 0.75 },
  professional: { passages: 6, quotes: 4, chars: 1400, perPassage: 2, follow: 0.6 },
};
/** A quote is cut (at a word, with "…") beyond this many characters. */
const MAX_QUOTE = { resident: 300, professional: 500 } as const;

const NOT_SURE: Record<Persona, string> = {
  resident:
    "Ik weet het antwoord niet zeker. Ik vond er niet genoeg over in mijn bronnen, en ik wil niet gokken. Wilt u met een sociaal werker praten?",
  professional:
    "Hierover vond ik geen duidelijk antwoord in de bronnen. Ik wil niet gokken. Wilt u de vraag voorleggen aan een collega of sociaal werker?",
};

/**
 * The default composer: quotes the one to three most relevant sentences in the sources' own
 * words, with numbered sources. Residents get one or two short quotes; professionals get more
 * quotes and every source they come from. `sources` are exactly the cited ones, in [n] order.
 * When the best passage covers too little of the question, the answer is `confident: false`.
 */
export function createExtractiveComposer(options: ExtractiveComposerOptions = {}): AnswerComposer {
  const analyse = options.questionWords ?? plainQuestionWords;
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  // Owned by this composer: the chunks it has split and stemmed before.
  const analysis = createPassageAnalysis();

  return {
    async compose(request: ComposeRequest): Promise<ComposedAnswer> {
      const notSure: ComposedAnswer = { text: NOT_SURE[request.persona], sources: [], confident: false };
      const words = analyse(request.standaloneQuestion || request.question);
      const limits = LIMITS[request.persona];
      const passages = request.passages.slice(0, limits.passages);
      if (words.length === 0 || passages.length === 0) return notSure;
      const parts = compoundPartsOf(words);
      const stems = passages.map((p) => analysis.stems(p, parts));
      // Same as isConfident; only passages that answer the question themselves are quoted.
      const definition = isDefinitionQuestion(request.standaloneQuestion || request.question);
      const topical = words.filter((w) => w.weight >= 1 && !w.minor);
      const answering = stems.map(
        (s) => answersFrom(words, s, minCoverage) && addressesTopic(topical, s, definition) && notOneSideWord(topical, s),
      );
      if (!mostlyKnown(words) || !answering.some(Boolean)) return notSure;
      const passageCoverage = stems.map((s, i) => (answering[i] ? coverage(words, s) : 0));

      const candidatesOf = (passage: Passage, i: number) => analysis.candidates(passage, i, parts);
      const quotes = selectQuotes(passages, passageCoverage, words, request.persona, definition, candidatesOf);
      if (quotes.length === 0) return notSure;
      return render(quotes, passages, request.persona);
    },
  };
}

function selectQuotes(
  passages: Passage[],
  passageCoverage: number[],
  words: QueryWord[],
  persona: Persona,
  definition: boolean,
  candidatesOf: (passage: Passage, passageIndex: number) => Candidate[],
): Candidate[] {
  const limits = LIMITS[persona];
  const topScore = passages[0]!.score > 0 ? passages[0]!.score : 1;
  const scored = passages
    .flatMap((passage, i) =>
      // A passage that covers little of the question is not quoted, even if one sentence matches a word.
      passageCoverage[i] === 0 ? [] : candidatesOf(passage, i),
    )
    .map((candidate) => ({
      candidate,
      score: scoreCandidate(candidate, words, Math.max(0, passages[candidate.passageIndex]!.score) / topScore, definition),
      covers: coverage(words, candidate.stems),
    }))
    .filter((s) => s.covers > 0)
    .sort((a, b) => b.score - a.score || a.candidate.passageIndex - b.candidate.passageIndex || a.candidate.position - b.candidate.position);
  if (scored.length === 0) return [];

  const keyWords = words
    .filter((w) => w.weight >= 1 && !w.minor)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 2);
  const chosen: Candidate[] = [];
  const seen = new Set<string>();
  const perPassage = new Map<number, number>();
  let chars = 0;
  const best = scored[0]!.score;
  for (const { candidate, score, covers } of scored) {
    if (chosen.length >= limits.quotes) break;
    // Further quotes must be nearly as good as the best one: a weak second quote only distracts.
    if (chosen.length > 0 && (score < best * limits.follow || covers < 0.5 * scored[0]!.covers)) break;
    // A further quote must carry one of the question's key words itself: "De laatste jaren is de
    // overheid …" does not join an answer about caring for a mother with dementia through "jaren".
    if (chosen.length > 0 && keyWords.length > 0 && !keyWords.some((w) => contains(candidate.stems, w))) continue;
    const key = candidate.text.toLowerCase();
    if (seen.has(key) || [...seen].some((s) => s.includes(key) || key.includes(s))) continue;
    if ((perPassage.get(candidate.passageIndex) ?? 0) >= limits.perPassage) continue;
    const length = Math.min(candidate.text.length, MAX_QUOTE[persona]);
    if (chosen.length > 0 && chars + length > limits.chars) continue;
    chosen.push(candidate);
    seen.add(key);
    perPassage.set(candidate.passageIndex, (perPassage.get(candidate.passageIndex) ?? 0) + 1);
    chars += length;
  }
  return chosen;
}

/**
 * A short question (two or three words that carry it) is not answered by a passage that has only
 * one of them: one rare side word ("extra") does not make "Zwemmen in warm water met extra
 * begeleiding" an answer to why elderly people are vulnerable.
 */
function notOneSideWord(topical: readonly QueryWord[], stems: ReadonlySet<string>): boolean {
  if (topical.length < 2 || topical.length > SHORT_QUESTION) return true;
  return topical.filter((w) => contains(stems, w)).length >= 2;
}

/**
 * Does the passage address what the question is about, not just mention a word of it? "Wat is X?"
 * is answered only by a passage that has every word of X: "Wat is Veilig Thuis?" not by a text
 * that has "veilig" or "thuis" somewhere in it.
 */
function addressesTopic(topical: readonly QueryWord[], stems: ReadonlySet<string>, definition: boolean): boolean {
  return !(definition && topical.length > 0 && topical.length <= 2 && !topical.every((w) => contains(stems, w)));
}

function render(quotes: Candidate[], passages: Passage[], persona: Persona): ComposedAnswer {
  // Sources are numbered by document, in the order of the best quote first.
  const numbers = new Map<string, number>();
  const sources: Source[] = [];
  for (const quote of quotes) {
    const passage = passages[quote.passageIndex]!;
    if (numbers.has(passage.source)) continue;
    numbers.set(passage.source, sources.length + 1);
    sources.push(sourceOf(passage));
  }
  // Quotes of one document stay together, in reading order.
  const bySource = new Map<string, Candidate[]>();
  for (const quote of quotes) {
    const key = passages[quote.passageIndex]!.source;
    bySource.set(key, [...(bySource.get(key) ?? []), quote]);
  }
  const lines: string[] = [];
  for (const [source, group] of bySource) {
    group.sort((a, b) => a.passageIndex - b.passageIndex || a.position - b.position);
    const passage = passages[group[0]!.passageIndex]!;
    const n = numbers.get(source)!;
    const text = group.map((q) => quoted(q.text, MAX_QUOTE[persona])).join(" ");
    if (persona === "resident") lines.push(`${lead(passage)} [${n}]:\n${text}`);
    else {
      const where = passage.section ? `, ${passage.section.split(" > ").pop()}` : "";
      lines.push(`• ${lead(passage)}${where} [${n}]: ${text}`);
    }
  }
  const intro = persona === "professional" ? "Uit de bronnen:\n" : "";
  return { text: `${intro}${lines.join("\n\n")}`, sources, confident: true };
}

/** "Volgens Movisie", "Volgens VWS" (a publisher's own abbreviation), or "Over <activiteit>" for a listing. */
function lead(passage: Passage): string {
  if (passage.kind === "listing") return `Over ${passage.title}`;
  const publisher = passage.publisher ?? "";
  const abbreviation = /\(([A-Z][A-Za-z&-]{1,9})\)/.exec(publisher)?.[1];
  const first = publisher.split(",")[0]!.trim();
  return `Volgens ${abbreviation ?? (first && first.length <= 45 ? first : passage.title)}`;
}

function quoted(text: string, max: number): string {
  let body = text.trim();
  // Drop the source's own quote marks only when they enclose the whole piece.
  const enclosed = /^([“"‘'])(.*)([”"’'])$/s.exec(body);
  if (enclosed && !/[“"‘'”’]/.test(enclosed[2]!)) body = enclosed[2]!.trim();
  if (body.length > max) {
    const cut = body.lastIndexOf(" ", max);
    body = `${body.slice(0, cut > max / 2 ? cut : max).replace(/[,;:]$/, "")} …`;
  }
  return `“${body}”`;
}

function sourceOf(passage: Passage): Source {
  return {
    title: passage.title,
    ...(passage.publisher ? { publisher: passage.publisher } : {}),
    ...(passage.year ? { year: passage.year } : {}),
    ...(passage.url ? { url: passage.url } : {}),
  };
}
