/**
 * The wegwijzer as a {@link ResidentGuide}: finds the topic a question names (typos, plurals and
 * compounds written apart included), then answers with the part of the entry the question asks for
 * (what it is, for whom, what it costs, what to do, or a topic's own part such as "Wat helpt").
 * A question about what one gemeente decides gets the honest route, never a guess.
 */
import type { GuideAnswer, ResidentGuide } from "../../core/ports.js";
import { boundedEditDistance } from "../../text/edit-distance.js";
import { foldText, splitWords, stemWord, STOPWORDS } from "../dutch-text.js";
import type { EntrySection, WegwijzerCues, WegwijzerEntry } from "./wegwijzer-entries.js";
import { catalog } from "../../core/text-catalog.js";

/** More content words than this around the topic: a story, which the sources may answer better. */
const STORY_WORDS = 5;
/** Bonus for naming the topic by its own name (the first term) rather than a related word. */
const OWN_NAME_BONUS = 2;
/** How many words may stand between a need cue and the topic it asks for ("hulp bij mijn … schulden"). */
const NEED_BEFORE_GAP = 4;
/** The same for a cue after the topic ("even rust … nodig"). */
const NEED_AFTER_GAP = 2;
/** A one-word term found in two written words must be at least this long. */
const MIN_JOINED = 6;
/** The words of one situation must all stand within this many words ("de trap … slaapkamer … boven"). */
const SITUATION_SPAN = 16;
/**
 * A circumstance (dementie, bijstand) named only in the story, while the asking clause has at least
 * this many other content words: the question asks for something the wegwijzer does not know.
 */
const OTHER_ASK_WORDS = 2;

// The route to the gemeente, in Dutch here (beside the Dutch entries); the core says the general one in the resident's language.
export const GEMEENTE_ROUTE = catalog("nl").wegwijzer.gemeenteRoute;
const NOT_GUESSING = "Dat weet ik niet voor uw gemeente, en ik wil niet gokken.";
const GENERAL_LOCAL = catalog("nl").wegwijzer.generalLocal;

interface Span {
  start: number;
  end: number;
}

interface TopicMatch {
  entry: WegwijzerEntry;
  score: number;
  spans: Span[];
  ownName: boolean;
  /** Named by more than its broad words ("uitkering"): a specific topic wins over a broad one. */
  specific: boolean;
  /** Named where the person asks for something ("… nodig", "hulp bij …"), not only as background. */
  asked: boolean;
  /** An entry for a circumstance or a route (`role`): it gives way to the help itself. */
  background: boolean;
  /** Named in the clause that asks the question ("…, is er een logeerhuis?"), not in the story before it. */
  inQuestion: boolean;
}

/**
 * Most specific first, then what the person asks for, then the help itself over a circumstance or
 * a route, then what the asking clause names, then the most (and longest) words matched.
 */
function byRank(a: TopicMatch, b: TopicMatch): number {
  return (
    Number(b.specific) - Number(a.specific) ||
    Number(b.asked) - Number(a.asked) ||
    Number(a.background) - Number(b.background) ||
    Number(b.inQuestion) - Number(a.inQuestion) ||
    b.score - a.score
  );
}

/** Words of a folded phrase, and their stems, ready to compare. */
interface Phrase {
  words: string[];
  stems: string[];
  chars: number;
  /** The words written as one ("mantelzorg makelaar" → "mantelzorgmakelaar") and its stem. */
  joined: string;
  joinedStem: string;
}

function phrase(text: string): Phrase {
  const words = splitWords(foldText(text));
  const joined = words.join("");
  return { words, stems: words.map(stemWord), chars: joined.length, joined, joinedStem: stemWord(joined) };
}

/**
 * Same word: equal, same stem, or a small typo in a longer word (one slip from five letters, two
 * from nine). A typo seldom hits the first letter, so that must match: it keeps this cheap.
 */
function sameWord(written: string, writtenStem: string, word: string, stem: string, known?: ReadonlySet<string>): boolean {
  if (written === word || writtenStem === stem) return true;
  // A word the wegwijzer itself uses is no typo of another ("overnemen" is not "overleden").
  if (known?.has(written)) return false;
  if (word.length < 5 || written[0] !== word[0] || /^[0-9]+$/.test(word)) return false;
  const max = word.length >= 9 ? 2 : 1;
  return boundedEditDistance(written, word, max) <= max;
}

export function createWegwijzer(data: { entries: WegwijzerEntry[]; cues: WegwijzerCues }): ResidentGuide {
  const topics = data.entries.map((entry) => ({
    entry,
    terms: entry.terms.map(phrase),
    broad: (entry.broad ?? []).map(phrase),
    // Each situation: its words, each with its alternatives ("trap/traplift").
    situations: (entry.situations ?? []).map((s) => s.split(/\s+/).filter(Boolean).map((slot) => slot.split("/").map(phrase).filter((p) => p.words.length === 1))),
  }));
  const needBefore = (data.cues.needBefore ?? []).map(phrase);
  const needAfter = (data.cues.needAfter ?? []).map(phrase);
  const compareCues = (data.cues.compare ?? []).map(phrase);
  const questionWords = new Set((data.cues.questionWords ?? []).map((w) => foldText(w)));
  const sectionCues = Object.entries(data.cues.sections).map(([heading, cues]) => ({ heading, cues: cues.map(phrase) }));
  const localCues = data.cues.local.map(phrase);
  const localAloneCues = (data.cues.localAlone ?? []).map(phrase);
  const gemeenteCues = data.cues.gemeente.map(phrase);
  const allSectionCues = sectionCues.flatMap((s) => s.cues);
  const costCues = sectionCues.find((c) => c.heading === "wat kost het")?.cues ?? [];
  const known = new Set(
    [...topics.flatMap((t) => [...t.terms, ...t.broad, ...t.situations.flat(2)]), ...needBefore, ...needAfter, ...allSectionCues, ...localCues, ...localAloneCues].flatMap((p) => p.words),
  );

  /**
   * Where the term occurs in the question's words (also written as one word, or apart). `pairs`
   * are each two neighbouring words written as one, with their stems (made once per question).
   */
  function find(words: string[], stems: string[], pairs: Array<[string, string]>, term: Phrase): Span[] {
    const spans: Span[] = [];
    const n = term.words.length;
    for (let i = 0; i < words.length; i++) {
      let j = 0;
      while (j < n && i + j < words.length && sameWord(words[i + j]!, stems[i + j]!, term.words[j]!, term.stems[j]!, known)) j++;
      if (j === n) {
        spans.push({ start: i, end: i + n });
        continue;
      }
      // "respijt zorg" for "respijtzorg", "mantelzorgmakelaar" for "mantelzorg makelaar".
      const pair = pairs[i];
      // Only for longer terms: "i do" is not "ido".
      // Never with a small word ("mantelzorger of" is not "mantelzorgverlof").
      const small = STOPWORDS.has(words[i]!) || STOPWORDS.has(words[i + 1] ?? "");
      if (n === 1 && pair && !small && term.chars >= MIN_JOINED && sameWord(pair[0], pair[1], term.joined, term.joinedStem, known)) spans.push({ start: i, end: i + 2 });
      else if (n === 2 && sameWord(words[i]!, stems[i]!, term.joined, term.joinedStem, known)) spans.push({ start: i, end: i + 1 });
    }
    return spans;
  }

  function matchTopics(words: string[], stems: string[], clauses: number[], questions: ReadonlySet<number>): TopicMatch[] {
    const pairs = words.slice(0, -1).map((w, i): [string, string] => {
      const joined = w + words[i + 1]!;
      return [joined, stemWord(joined)];
    });
    const before = needBefore.flatMap((cue) => cueAt(words, stems, cue));
    const after = needAfter.flatMap((cue) => cueAt(words, stems, cue));
    // A cue asks for a topic in its own clause, close by: "met dementie, ik heb even rust nodig" asks for rust.
    const asks = (span: Span) =>
      before.some((c) => clauses[c.end - 1] === clauses[span.start] && span.start >= c.start && span.start - c.end <= NEED_BEFORE_GAP) ||
      after.some((c) => clauses[c.start] === clauses[span.end - 1] && c.end >= span.end && c.start - span.end <= NEED_AFTER_GAP);
    const matches: TopicMatch[] = [];
    for (const { entry, terms, broad, situations } of topics) {
      const spans: Span[] = [];
      let score = 0;
      let ownName = false;
      let specific = false;
      const all = [...terms.map((term, t) => ({ term, own: t === 0, broad: false })), ...broad.map((term) => ({ term, own: false, broad: true }))];
      for (const { term, own, broad: isBroad } of all) {
        for (const span of find(words, stems, pairs, term)) {
          if (spans.some((s) => span.start < s.end && s.start < span.end)) continue;
          spans.push(span);
          score += term.chars;
          if (own) ownName = true;
          if (!isBroad) specific = true;
        }
      }
      // A situation the person describes ("ik krijg mijn steunkousen niet aan") names the help as well as its name does.
      for (const situation of situations) {
        const found = situationAt(words, stems, situation, spans);
        if (!found) continue;
        for (const i of found) {
          spans.push({ start: i, end: i + 1 });
          score += words[i]!.length;
        }
        specific = true;
      }
      if (spans.length) {
        matches.push({
          entry,
          score: score + (ownName ? OWN_NAME_BONUS : 0),
          spans,
          ownName,
          specific,
          asked: spans.some(asks),
          background: entry.role !== undefined,
          inQuestion: spans.some((s) => questions.has(clauses[s.start]!)),
        });
      }
    }
    return matches.sort(byRank);
  }

  /**
   * The word positions of a situation in the question: one word for each of its slots, all within
   * {@link SITUATION_SPAN} words, none inside a span already found; the closest set, or null.
   */
  function situationAt(words: string[], stems: string[], slots: Phrase[][], taken: Span[]): number[] | null {
    const free = (i: number) => !taken.some((s) => i >= s.start && i < s.end);
    const places = slots.map((alternatives) =>
      words.flatMap((w, i) => (free(i) && alternatives.some((a) => sameWord(w, stems[i]!, a.words[0]!, a.stems[0]!, known)) ? [i] : [])),
    );
    if (places.some((p) => p.length === 0)) return null;
    let best: number[] | null = null;
    // Anchor on each place of the first slot; take for every other slot the nearest free place.
    for (const anchor of places[0]!) {
      const chosen = [anchor];
      for (const p of places.slice(1)) {
        const options = p.filter((i) => !chosen.includes(i)).sort((a, b) => Math.abs(a - anchor) - Math.abs(b - anchor));
        if (!options.length) break;
        chosen.push(options[0]!);
      }
      if (chosen.length !== slots.length) continue;
      const width = Math.max(...chosen) - Math.min(...chosen);
      if (width < SITUATION_SPAN && (!best || width < Math.max(...best) - Math.min(...best))) best = chosen;
    }
    return best;
  }

  /** Where a need cue occurs (same word or same stem: "hoe krijgt ze", "aan te vragen"). */
  function cueAt(words: string[], stems: string[], cue: Phrase): Span[] {
    const spans: Span[] = [];
    for (let i = 0; i + cue.words.length <= words.length; i++) {
      if (cue.words.every((w, j) => words[i + j] === w || stems[i + j] === cue.stems[j])) spans.push({ start: i, end: i + cue.words.length });
    }
    return spans;
  }

  /** Where each cue phrase occurs in the words outside the topic's own spans. */
  function cueSpans(words: string[], outside: boolean[], cues: Phrase[]): Span[] {
    const spans: Span[] = [];
    for (const cue of cues) {
      for (let i = 0; i + cue.words.length <= words.length; i++) {
        if (cue.words.every((w, j) => outside[i + j] && words[i + j] === w)) spans.push({ start: i, end: i + cue.words.length });
      }
    }
    return spans;
  }

  /** Does any cue phrase occur in the words outside the topic's own spans? */
  function hasCue(words: string[], outside: boolean[], cues: Phrase[]): boolean {
    return cueSpans(words, outside, cues).length > 0;
  }

  /**
   * Does the question ask what one gemeente decides? A local cue inside a longer phrase that asks
   * for the next step does not count: "kan ik" in "wat kan ik doen" asks what to do, not a rule.
   */
  function asksLocal(words: string[], outside: boolean[], cues: Phrase[]): boolean {
    const steps = cueSpans(words, outside, allSectionCues);
    return cueSpans(words, outside, cues).some(
      (c) => !steps.some((s) => s.end - s.start > c.end - c.start && s.start <= c.start && c.end <= s.end),
    );
  }

  function section(entry: WegwijzerEntry, heading: string): EntrySection | undefined {
    return entry.sections.find((s) => s.heading.toLowerCase() === heading);
  }

  /** The entry's own parts (not the four standard ones) whose heading words the question uses. */
  function ownSection(entry: WegwijzerEntry, stems: string[], outside: boolean[]): EntrySection | undefined {
    const asked = new Set(stems.filter((_, i) => outside[i]));
    const standard = new Set(Object.keys(data.cues.sections));
    return entry.sections.find(
      (s) =>
        !standard.has(s.heading.toLowerCase()) &&
        splitWords(foldText(s.heading)).some((w) => !STOPWORDS.has(w) && asked.has(stemWord(w))),
    );
  }

  function explain(entry: WegwijzerEntry, words: string[], stems: string[], outside: boolean[], focus?: "steps"): string {
    const what = section(entry, "wat is het")!;
    const todo = section(entry, "wat kunt u doen")!;
    if (focus === "steps") return [firstSentences(what.text, 2), todo.text].join("\n\n");
    const own = ownSection(entry, stems, outside);
    // A topic's own part ("Wat helpt") starts with what the topic is, in one sentence.
    if (own) return [firstSentences(what.text, 1), own.text, todo.text].join("\n\n");
    for (const heading of ["wat kost het", "voor wie", "wat kunt u doen"]) {
      const cues = sectionCues.find((c) => c.heading === heading)?.cues ?? [];
      if (!hasCue(words, outside, cues)) continue;
      const part = section(entry, heading)!;
      // Cost and "for whom" come with what it is in one line, and the next step.
      if (heading === "wat kunt u doen") return [firstSentences(what.text, 2), todo.text].join("\n\n");
      return [firstSentences(what.text, 1), part.text, todo.text].join("\n\n");
    }
    return [what.text, todo.text].join("\n\n");
  }

  function localRoute(entry: WegwijzerEntry, words: string[], outside: boolean[]): string {
    const what = section(entry, "wat is het")!;
    // "beslist welke …", "beslist of …": a question-word clause needs no "over".
    const local = entry.local ?? "";
    const decided = /^(?:welke?|of|waar|wat|hoe|hoeveel|wie|wanneer|tot|voor wie|voor welke?)\b/.test(local) ? local : `over ${local}`;
    const decides = `Dat verschilt per gemeente. Uw gemeente beslist ${decided}. ${NOT_GUESSING}`;
    // "Is het gratis bij de gemeente?": what holds everywhere about the cost comes before what the gemeente decides.
    const cost = hasCue(words, outside, costCues) ? section(entry, "wat kost het")?.text : undefined;
    // "Traplift aanvragen, hoe werkt dat?": how to start holds everywhere, so it comes too.
    const todoCues = sectionCues.find((c) => c.heading === "wat kunt u doen")?.cues ?? [];
    const steps = hasCue(words, outside, todoCues) ? section(entry, "wat kunt u doen")?.text : undefined;
    const route = entry.route && !(steps ?? "").includes(entry.route) ? entry.route : undefined;
    return [firstSentences(what.text, 2), cost, steps, decides, [route, GEMEENTE_ROUTE].filter(Boolean).join(" ")].filter(Boolean).join("\n\n");
  }

  // The assistant and the knowledge answer both ask about the message being answered: remember the last one.
  let last: { question: string; focus: string | undefined; answer: GuideAnswer | null } | undefined;
  return {
    answer(question, focus) {
      if (last?.question !== question || last.focus !== focus) last = { question, focus, answer: answerFresh(question, focus) };
      return last.answer;
    },
  };

  function answerFresh(question: string, focus?: "steps"): GuideAnswer | null {
    const { words, clauses, asking } = clauseWords(question);
    if (words.length === 0) return null;
    const stems = words.map(stemWord);
    // The clauses that ask: a "?" after them, or a question word at their start ("…, hoe vraag ik …").
    const questions = new Set(
      asking.flatMap((marked, clause) => {
        const first = words.filter((_, i) => clauses[i] === clause).slice(0, 2);
        return marked || first.some((w) => questionWords.has(w)) ? [clause] : [];
      }),
    );
    const matches = matchTopics(words, stems, clauses, questions);
    const best = matches[0];
    if (!best) {
      // No topic, but a question about what "the gemeente" decides: the honest route. Without the
      // gemeente named, words such as "tot welk inkomen" still ask it, but the sources may answer
      // it: then the route is the fallback (mixed), not the first answer.
      const all = words.map(() => true);
      const route = { text: `${GENERAL_LOCAL}\n\n${GEMEENTE_ROUTE}`, sources: [], kind: "local_route" as const, topical: false };
      if (hasCue(words, all, gemeenteCues) && asksLocal(words, all, localCues)) return { ...route, mixed: false };
      if (asksLocal(words, all, localAloneCues)) return { ...route, mixed: true };
      return null;
    }
    // "Mijn vader heeft dementie, moet hij zijn rijbewijs laten keuren?": a circumstance told in the
    // story is no answer to a question about something else; better no explanation than the wrong one.
    if (best.entry.role === "circumstance" && !best.asked && !best.inQuestion && questions.size > 0) {
      const covered = (i: number) => matches.some((m) => m.spans.some((s) => i >= s.start && i < s.end));
      const other = words.filter((w, i) => questions.has(clauses[i]!) && !covered(i) && !STOPWORDS.has(w) && !questionWords.has(w) && !known.has(w));
      if (other.length >= OTHER_ASK_WORDS) return null;
    }
    const outside = words.map((_, i) => !best.spans.some((s) => i >= s.start && i < s.end));
    const named = [...new Set(best.spans.flatMap((s) => words.slice(s.start, s.end)).filter((w) => !STOPWORDS.has(w)))];
    const all = words.map(() => true);
    // "Wat is het verschil tussen budgetbeheer en bewindvoering": both, short, in the order asked.
    const second = hasCue(words, all, compareCues) ? matches.slice(1).find((m) => m.entry !== best.entry && !m.spans.some((s) => best.spans.some((b) => s.start < b.end && b.start < s.end))) : undefined;
    if (second && focus !== "steps") {
      const pair = [best, second].sort((a, b) => Math.min(...a.spans.map((s) => s.start)) - Math.min(...b.spans.map((s) => s.start)));
      return {
        text: pair.map((m) => compared(m.entry)).join("\n\n"),
        sources: pair.map((m) => ({ title: m.entry.title, publisher: m.entry.publisher, url: m.entry.url })),
        kind: "explanation",
        mixed: false,
        topical: true,
        named: [...named, ...second.spans.flatMap((s) => words.slice(s.start, s.end)).filter((w) => !STOPWORDS.has(w))],
      };
    }
    // A circumstance or a route named beside the help itself is background, not a second question.
    const others = matches
      .slice(1)
      .filter((m) => m.ownName && !(m.background && !best.background) && m.spans.some((s) => outside.slice(s.start, s.end).every(Boolean)));
    const story = words.filter((w, i) => outside[i] && !STOPWORDS.has(w)).length > STORY_WORDS;
    // A story around a topic the person asks for ("…, hoe vraag ik huurtoeslag aan") still asks for it.
    const mixed = others.length > 0 || (story && !best.asked);
    const sources = [{ title: best.entry.title, publisher: best.entry.publisher, url: best.entry.url }];
    if (best.entry.local && focus !== "steps" && asksLocal(words, outside, localCues)) {
      return { text: localRoute(best.entry, words, outside), sources, kind: "local_route", mixed, topical: true, named, ...(best.entry.listed ? { listed: true } : {}) };
    }
    return { text: explain(best.entry, words, stems, outside, focus), sources, kind: "explanation", mixed, topical: true, named };
  }

  /** One topic of a comparison: what it is, and the first step. */
  function compared(entry: WegwijzerEntry): string {
    return `${firstSentences(section(entry, "wat is het")!.text, 3)} ${firstSentences(section(entry, "wat kunt u doen")!.text, 1)}`.trim();
  }
}

/**
 * The question's words, each with the number of its clause (split at . , ; : ! ?), and for each
 * clause whether a question mark ends it.
 */
function clauseWords(question: string): { words: string[]; clauses: number[]; asking: boolean[] } {
  const words: string[] = [];
  const clauses: number[] = [];
  const asking: boolean[] = [];
  const parts = foldText(question).split(/([.,;:!?]+)/);
  for (let clause = 0; clause * 2 < parts.length; clause++) {
    for (const word of splitWords(parts[clause * 2]!)) {
      words.push(word);
      clauses.push(clause);
    }
    asking.push((parts[clause * 2 + 1] ?? "").includes("?"));
  }
  return { words, clauses, asking };
}

/** The first `n` statements of a plain text (a question is no answer on its own). */
function firstSentences(text: string, n: number): string {
  // A stop inside a word ("rechtspraak.nl", "ciz.nl") ends no sentence.
  const sentences = (text.match(/(?:[^.!?]|[.!?](?!\s|$))+[.!?]+(?:\s|$)/g) ?? [text]).filter((s) => !s.trim().endsWith("?"));
  return sentences.slice(0, n).join("").trim();
}
