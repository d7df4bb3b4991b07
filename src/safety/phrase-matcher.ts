import { boundedEditDistance } from "../text/edit-distance.js";
import { BREAK, foldText, isBreak } from "./normalise.js";

/**
 * Finds lexicon phrases in a tokenised message, tolerant of typos, missing and extra spaces and
 * a few filler words, but never across a sentence break or over a negation.
 *
 * Phrase syntax (the lexicon files in `knowledge/safety/` use it):
 * - words separated by spaces: `ik wil dood`
 * - alternatives with `|`: `mijn|mn man|partner slaat|sloeg me|mij`
 * - `word*` matches any word starting with `word` (no typo tolerance)
 * - `=word` matches only exactly (no typo tolerance), for short words that look like others
 * - `...` allows a wider gap (up to {@link MatcherOptions.wideGap} words) before the next word
 * - `^` first / `$` last: the phrase must start / end at the start / end of a sentence
 * - `&` first: the words may come in any order, within one sentence and {@link UNORDERED_SPAN} words,
 *   (a comma is no barrier; the span can be set per lexicon), none of them right after a negation ("& dood wil ik": "dood wil ik", "ik wil echt gewoon dood")
 */
export interface MatcherOptions {
  /** Words at least this long tolerate one typo (same first letter). */
  fuzzyMinLength: number;
  /** Words at least this long tolerate two typos. */
  twoTyposFrom: number;
  /** Filler words allowed between two phrase words. */
  maxGap: number;
  /** Filler words allowed at a `...`. */
  wideGap: number;
  /** Words that may not be filler (negations: "ik wil NIET dood"). */
  blockers: string[];
  /** Real words that must never be read as a typo of a lexicon word ("staat" is not "slaat"). */
  notFuzzy: string[];
  /** Other ways people write a phrase word, added wherever it occurs: `{ "het": ["t"], "ik": ["k"] }`. */
  spellings?: Record<string, string[]>;
  /**
   * Short signal words ("leven", "sterven", "zelfmoord") that also match a message word that sounds the same
   * ({@link soundKey}: "lefe", "leeve", "sterfe", "selfmoort"), however short: typo tolerance alone starts
   * too late for them. Only inside phrases, as every lexicon word; `notFuzzy` words stay themselves.
   */
  soundAlike?: string[];
  /** False: a phrase typed without spaces ("doodgraag") must be exact; its words still tolerate typos. */
  joinedTypos?: boolean;
  /** Longest stretch of words an unordered (`&`) phrase may cover (default {@link UNORDERED_SPAN}). */
  unorderedSpan?: number;
  /**
   * Chat words folded onto their full form ("gwn" → "gewoon"), in the phrases here as in the message
   * (the caller folds message tokens with {@link foldChatWords} and the same map).
   */
  chatWords?: ReadonlyMap<string, string>;
}

/** Replaces chat words and abbreviations by their full form, token by token ("gwn" → "gewoon"). */
export function foldChatWords(tokens: readonly string[], chatWords: ReadonlyMap<string, string> | undefined): string[] {
  if (!chatWords || chatWords.size === 0) return [...tokens];
  return tokens.map((token) => chatWords.get(token) ?? token);
}

export interface PhraseEntry<T> {
  pattern: string;
  tag: T;
}

export interface PhraseHit<T> {
  tag: T;
  pattern: string;
  /** Token range [start, end) the phrase covers. */
  start: number;
  end: number;
}

export interface PhraseMatcher<T> {
  /** All phrase occurrences in `tokens` (from {@link tokenise}). */
  match(tokens: readonly string[]): PhraseHit<T>[];
}

interface Alt {
  id: number;
  text: string;
  prefix: boolean;
  fuzzy: boolean;
  /** Joined forms ("ikwildood") are long by construction: they tolerate one typo, not two. */
  joined: boolean;
}

interface Step {
  alts: Set<number>;
  gapBefore: number;
}

interface CompiledUnordered<T> {
  parts: Array<Set<number>>;
  tag: T;
  pattern: string;
  /** `$` last: the last of the words found ends the sentence. */
  anchoredEnd: boolean;
  /** `&&`: the words may stand in different sentences of one message, within {@link MESSAGE_SPAN} words. */
  acrossSentences: boolean;
}

interface CompiledPhrase<T> {
  steps: Step[];
  anchoredStart: boolean;
  anchoredEnd: boolean;
  tag: T;
  pattern: string;
}

/** Joined forms ("ikwildood") are only made for phrases with few spellings, to keep the lexicon small. */
const MAX_JOINED_FORMS = 64;
const MIN_JOINED_LENGTH = 8;
const MIN_PAIR_LENGTH = 7;
const WORD_CACHE_SIZE = 20_000;
/** Longest stretch of words an unordered (`&`) phrase may cover. */
export const UNORDERED_SPAN = 8;
/**
 * Longest stretch of words (sentence breaks counted) a message-wide (`&&`) phrase may cover: two ideas in
 * neighbouring sentences of one message ("alles is geregeld. dan eindelijk rust").
 */
export const MESSAGE_SPAN = 24;
/** Words before an unordered phrase word that negate it ("niet dood"). */
const UNORDERED_NEGATION_WINDOW = 2;

function bucketKey(first: string, length: number): string {
  return `${first}${length}`;
}

/** Compiles phrase entries once; matching then costs a few map lookups a word. */
export function createPhraseMatcher<T>(entries: readonly PhraseEntry<T>[], options: MatcherOptions): PhraseMatcher<T> {
  const alts: Alt[] = [];
  const altKey = new Map<string, Alt>();
  const chat = options.chatWords;
  const fold = (word: string) => chat?.get(word) ?? word;
  const blockers = new Set(options.blockers.map((w) => fold(foldText(w))));
  const notFuzzy = new Set(options.notFuzzy.map((w) => fold(foldText(w))));
  const soundAlike = new Set((options.soundAlike ?? []).map((w) => fold(foldText(w))));
  /** Sound keys of the `soundAlike` lexicon words, with the lexicon words they stand for. */
  const bySound = new Map<string, number[]>();

  function altFor(raw: string, joined = false): Alt {
    const key = joined ? `joined:${raw}` : raw;
    const known = altKey.get(key);
    if (known) return known;
    const exactOnly = raw.startsWith("=");
    const prefix = raw.endsWith("*");
    const plain = foldText(raw.replace(/^=/, "").replace(/\*$/, ""));
    const text = prefix ? plain : fold(plain);
    // Messages are split at hyphens and punctuation, so "burn-out" in a list could never match.
    if (!/^[\p{L}\p{N}]+$/u.test(text)) {
      throw new Error(`Lexicon word "${raw}" may only hold letters and digits: write "burn-out" as "burn out"`);
    }
    const alt: Alt = { id: alts.length, text, prefix, fuzzy: !exactOnly && !prefix && text.length >= options.fuzzyMinLength, joined };
    alts.push(alt);
    altKey.set(key, alt);
    if (!joined && !exactOnly && !prefix && soundAlike.has(text)) pushTo(bySound, soundKey(text), alt.id);
    return alt;
  }

  // The same phrase words ("ik|k", "dood") recur in many phrases: compile each once. The sets are only read.
  const compiledWords = new Map<string, { ids: Set<number>; written: string[] }>();
  function compileWord(word: string): { ids: Set<number>; written: string[] } {
    let compiled = compiledWords.get(word);
    if (!compiled) {
      const raws = word.split("|").filter(Boolean);
      const withSpellings = [...new Set(raws.flatMap((r) => [r, ...(options.spellings?.[r] ?? [])]))];
      compiled = {
        ids: new Set(withSpellings.map((r) => altFor(r).id)),
        // The written alternatives of the word, for the joined forms (extra spellings would multiply them).
        written: [...new Set(raws.filter((r) => !r.endsWith("*")).map((r) => fold(foldText(r.replace(/^=/, "")))))],
      };
      compiledWords.set(word, compiled);
    }
    return compiled;
  }

  const phrases: CompiledPhrase<T>[] = [];
  const unordered: CompiledUnordered<T>[] = [];
  for (const entry of entries) {
    const words = entry.pattern.trim().split(/\s+/).filter(Boolean);
    if (words[0] === "&" || words[0] === "&&") {
      const anchoredEnd = words[words.length - 1] === "$";
      const parts = words.slice(1, anchoredEnd ? -1 : undefined).map((word) => compileWord(word).ids);
      if (parts.length < 2) throw new Error(`Unordered lexicon phrase needs two words or more: "${entry.pattern}"`);
      unordered.push({ parts, tag: entry.tag, pattern: entry.pattern, anchoredEnd, acrossSentences: words[0] === "&&" });
      continue;
    }
    const anchoredStart = words[0] === "^";
    const anchoredEnd = words[words.length - 1] === "$";
    const steps: Step[] = [];
    let gap = options.maxGap;
    const written: string[][] = [];
    for (const word of words) {
      if (word === "^" || word === "$") continue;
      if (word === "...") {
        gap = options.wideGap;
        continue;
      }
      const compiled = compileWord(word);
      steps.push({ alts: compiled.ids, gapBefore: steps.length === 0 ? 0 : gap });
      written.push(compiled.written);
      gap = options.maxGap;
    }
    if (steps.length === 0) throw new Error(`Lexicon phrase without words: "${entry.pattern}"`);
    phrases.push({ steps, anchoredStart, anchoredEnd, tag: entry.tag, pattern: entry.pattern });
    // "ikwildood", "zelfmoordplegen": the whole phrase typed without spaces.
    if (steps.length > 1 && !words.includes("...")) {
      for (const joined of joinedForms(written)) {
        if (joined.length < MIN_JOINED_LENGTH) continue;
        const alt = altFor(joined, true);
        phrases.push({ steps: [{ alts: new Set([alt.id]), gapBefore: 0 }], anchoredStart, anchoredEnd, tag: entry.tag, pattern: entry.pattern });
      }
    }
  }

  const exact = new Map<string, number[]>();
  const prefixes: Alt[] = [];
  // Typo candidates by first letter and length: a word is compared only with lexicon words it could be a typo of.
  const fuzzyBuckets = new Map<string, Alt[]>();
  for (const alt of alts) {
    if (alt.prefix) {
      prefixes.push(alt);
      continue;
    }
    pushTo(exact, alt.text, alt.id);
    if (alt.fuzzy) {
      const key = bucketKey(alt.text[0]!, alt.text.length);
      pushTo(fuzzyBuckets, key, alt);
    }
  }
  const unorderedByAlt = new Map<number, CompiledUnordered<T>[]>();
  for (const phrase of unordered) {
    for (const part of phrase.parts) for (const id of part) pushTo(unorderedByAlt, id, phrase);
  }
  const byFirstStep = new Map<number, CompiledPhrase<T>[]>();
  for (const phrase of phrases) {
    for (const id of phrase.steps[0]!.alts) pushTo(byFirstStep, id, phrase);
  }

  /** Lexicon words a message word stands for (exactly, as a prefix, or as a typo). */
  function altsFor(word: string, minFuzzyLength: number): number[] {
    const ids = [...(exact.get(word) ?? [])];
    for (const alt of prefixes) if (word.startsWith(alt.text)) ids.push(alt.id);
    // A known look-alike ("staat" next to "slaat") is taken as itself, never as a typo.
    if (notFuzzy.has(word)) return ids;
    if (bySound.size > 0 && word.length >= 3) {
      for (const id of bySound.get(soundKey(word)) ?? []) if (!ids.includes(id)) ids.push(id);
    }
    if (word.length < minFuzzyLength - 1) return ids;
    for (let length = word.length - 2; length <= word.length + 2; length++) {
      for (const alt of fuzzyBuckets.get(bucketKey(word[0]!, length)) ?? []) {
        if (alt.text.length < minFuzzyLength || alt.text === word) continue;
        if (alt.joined && options.joinedTypos === false) continue;
        const allowed = alt.text.length >= options.twoTyposFrom && !alt.joined ? 2 : 1;
        if (boundedEditDistance(word, alt.text, allowed) <= allowed) ids.push(alt.id);
      }
    }
    return ids;
  }

  // Residents use the same few thousand words: remember what each stood for (bounded, so memory stays flat).
  const wordCache = new Map<string, number[]>();
  function lookup(word: string, minLength: number): number[] {
    const key = `${minLength}:${word}`;
    let ids = wordCache.get(key);
    if (!ids) {
      ids = altsFor(word, minLength);
      if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
      wordCache.set(key, ids);
    }
    return ids;
  }

  return {
    match(tokens) {
      // matchesAt[i]: lexicon words starting at token i, with the token index where each ends.
      const matchesAt: Array<Array<{ id: number; end: number }>> = tokens.map(() => []);
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i]!;
        if (isBreak(token)) continue;
        for (const id of lookup(token, options.fuzzyMinLength)) matchesAt[i]!.push({ id, end: i + 1 });
        // "zelf moord": one lexicon word typed as two.
        const next = tokens[i + 1];
        if (next && !isBreak(next) && token.length + next.length >= MIN_PAIR_LENGTH) {
          // A known look-alike stays itself in a pair too ("olmak istiyorum" is not "olmek istiyorum").
          const exactPair = notFuzzy.has(token) || notFuzzy.has(next);
          for (const id of lookup(token + next, exactPair ? Number.MAX_SAFE_INTEGER : Math.max(options.fuzzyMinLength, MIN_PAIR_LENGTH))) {
            if (alts[id]!.text.length >= MIN_PAIR_LENGTH) matchesAt[i]!.push({ id, end: i + 2 });
          }
        }
      }

      const hits: PhraseHit<T>[] = [];
      const seen = new Set<string>();
      for (let start = 0; start < tokens.length; start++) {
        for (const first of matchesAt[start]!) {
          for (const phrase of byFirstStep.get(first.id) ?? []) {
            if (phrase.anchoredStart && start > 0 && !isBreak(tokens[start - 1])) continue;
            const end = matchRest(phrase, 1, first.end);
            if (end === undefined) continue;
            const key = `${phrase.pattern}@${start}`;
            if (seen.has(key)) continue;
            seen.add(key);
            hits.push({ tag: phrase.tag, pattern: phrase.pattern, start, end });
          }
        }
      }
      if (unorderedByAlt.size > 0) hits.push(...matchUnordered());
      return hits;

      /** Unordered phrases: every word somewhere in one sentence, close together, none negated. */
      function matchUnordered(): PhraseHit<T>[] {
        const found: PhraseHit<T>[] = [];
        const candidates = new Set<CompiledUnordered<T>>();
        for (const at of matchesAt) for (const m of at) for (const p of unorderedByAlt.get(m.id) ?? []) candidates.add(p);
        for (const phrase of candidates) {
          const partIds = new Set<number>();
          for (const part of phrase.parts) for (const id of part) partIds.add(id);
          // Positions where some word of this phrase stands: a negation there is part of the phrase, not of the gap.
          const isPart = (i: number) => matchesAt[i]!.some((m) => partIds.has(m.id));
          const negated = (i: number) => {
            for (let j = i - 1; j >= Math.max(0, i - UNORDERED_NEGATION_WINDOW); j--) {
              const token = tokens[j]!;
              if (isBreak(token)) return false;
              if (blockers.has(token) && !isPart(j)) return true;
            }
            return false;
          };
          let clauseStart = 0;
          for (let i = 0; i <= tokens.length; i++) {
            if (i < tokens.length && (phrase.acrossSentences || tokens[i] !== BREAK)) continue;
            const span = spanOf(phrase, clauseStart, i, negated);
            if (span && !seen.has(`${phrase.pattern}@${span[0]}`)) {
              seen.add(`${phrase.pattern}@${span[0]}`);
              found.push({ tag: phrase.tag, pattern: phrase.pattern, start: span[0], end: span[1] });
            }
            clauseStart = i + 1;
          }
        }
        return found;
      }

      /** The first window in [from, to) holding every part (each part at a distinct token), or undefined. */
      function spanOf(
        phrase: CompiledUnordered<T>,
        from: number,
        to: number,
        negated: (i: number) => boolean,
      ): [number, number] | undefined {
        const positions = phrase.parts.map((part) => {
          const at: number[] = [];
          for (let i = from; i < to; i++) if (matchesAt[i]!.some((m) => part.has(m.id)) && !negated(i)) at.push(i);
          return at;
        });
        if (positions.some((at) => at.length === 0)) return undefined;
        for (let start = from; start < to; start++) {
          const end = Math.min(to, start + (phrase.acrossSentences ? MESSAGE_SPAN : (options.unorderedSpan ?? UNORDERED_SPAN)));
          const used = new Set<number>();
          const ok = positions.every((at) => {
            const pick = at.find((i) => i >= start && i < end && !used.has(i));
            if (pick === undefined) return false;
            used.add(pick);
            return true;
          });
          const last = Math.max(...used) + 1;
          // `$`: the last of the words ends the sentence ("… ik kan niet meer", not "… niet meer werken").
          if (ok && phrase.anchoredEnd && !(last === tokens.length || isBreak(tokens[last]))) continue;
          if (ok) return [Math.min(...used), last];
        }
        return undefined;
      }

      function matchRest(phrase: CompiledPhrase<T>, stepIndex: number, from: number): number | undefined {
        if (stepIndex === phrase.steps.length) {
          return !phrase.anchoredEnd || from === tokens.length || isBreak(tokens[from]) ? from : undefined;
        }
        const step = phrase.steps[stepIndex]!;
        for (let next = from; next <= from + step.gapBefore && next < tokens.length; next++) {
          if (next > from) {
            const filler = tokens[next - 1]!;
            if (isBreak(filler) || blockers.has(filler)) return undefined;
          }
          for (const candidate of matchesAt[next]!) {
            if (!step.alts.has(candidate.id)) continue;
            const end = matchRest(phrase, stepIndex + 1, candidate.end);
            if (end !== undefined) return end;
          }
        }
        return undefined;
      }
    },
  };
}

/**
 * How a word sounds, roughly, as people misspell it: doubled letters once, f/v, z/s, ph, c/k/ck, y/ij/i,
 * a final -dt/-d as -t, and the final -n of -en dropped (Dutch dialect "leve", "sterve").
 * "lefe", "leeve", "leven" → "leve"; "selfmoort", "zelfmoord" → "selvmort".
 */
export function soundKey(word: string): string {
  return word
    .replace(/ph/g, "f")
    .replace(/ck|c|q/g, "k")
    .replace(/ij|y/g, "i")
    .replace(/f/g, "v")
    .replace(/z/g, "s")
    .replace(/(\p{L})\1+/gu, "$1")
    .replace(/dt$|d$/, "t")
    .replace(/en$/, "e");
}

/** Appends to the list under `key` in place (copying the list each time made compiling quadratic). */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function joinedForms(words: string[][]): string[] {
  let forms = [""];
  for (const options of words) {
    if (options.length === 0) return [];
    forms = forms.flatMap((form) => options.map((o) => form + o));
    if (forms.length > MAX_JOINED_FORMS) return [];
  }
  return forms;
}
