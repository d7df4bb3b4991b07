import * as stopwordLists from "stopword";
import type { Gazetteer, KnownPlace } from "./gazetteer.js";
import type { Audience, Category } from "./listing-model.js";
import type { ListingsVocabulary } from "./listings-vocabulary.js";
import { withoutArabicClitics } from "../text/arabic-clitics.js";
import type { PhraseMatch } from "./phrase-matcher.js";
import type { LocalNow } from "./local-calendar.js";
import { normalise } from "./text-match.js";
import { readTime, type TimeAsk } from "./time-words.js";

/** A place named in the message: one the gazetteer knows, or words that look like a place it does not know. */
export type PlaceMention =
  | { known: true; place: KnownPlace; text: string; alternatives?: KnownPlace[] }
  | { known: false; text: string; postcode?: string };

/** What a message asks for, read without a language model. */
export interface UnderstoodQuestion {
  categories: Category[];
  /** Word stems of the need as typed ("koffi", "formu"): listings that mention them rank higher. */
  keywords: string[];
  /** Life events named in the message ("rouw" for "mijn vrouw is overleden"): see the vocabulary's `circumstances`. */
  circumstances?: string[];
  /** Of those, the ones from words outside the need ("vrouwen", "kadınlar" → "vrouw"): what exactly was asked for. */
  focus?: string[];
  /** "iets voor", "activiteiten": wants something, without saying what. */
  generic: boolean;
  audiences: Audience[];
  /** Groups the person says it is not for ("niet voor kinderen", "for me, the kids are at school"). */
  notFor?: Audience[];
  age?: number;
  cost?: "free" | "cheap";
  /** Languages asked for explicitly ("in het Engels"): a filter. */
  languages: string[];
  /** Languages guessed from the script the message is written in: a preference only. */
  preferredLanguages: string[];
  accessible: boolean;
  time?: TimeAsk;
  /** The words that said the time ("dinsdagochtend"), to read again later. */
  timeWords?: string;
  place?: PlaceMention;
  near: boolean;
  ask: boolean;
  /** The person wants to go somewhere or do something ("ik wil …", "waar kan ik …"): a search, not only a topic. */
  seeking: boolean;
  knowledge: boolean;
  /** The message is only a place ("3701", "ik woon in Kerckebosch"). */
  bare: boolean;
  /** Words that none of the above explains (not counting small words): 0 for "en morgen?" or "gratis?". */
  leftover: number;
  tokenCount: number;
}

const PERSON_WORDS = new Set(
  "vader moeder man vrouw opa oma buurman buurvrouw zoon dochter kind jongen meisje meid broer zus tante oom schoonvader schoonmoeder partner mevrouw meneer heer dame client clientje iemand persoon bewoner ik hij zij ze zoontje dochtertje kleinkind kleinzoon kleindochter vriend vriendin".split(" "),
);
const AGE_VERBS = new Set(["van", "is", "ben", "wordt", "word"]);
const PLACE_PREPOSITIONS = new Set(["in", "bij", "rond", "omgeving", "nabij", "near", "around"]);
const PLACE_CONNECTORS = new Set(["op", "aan", "den", "de", "en", "ter", "bij"]);
/** The stopword package's lists by ISO 639-3 code (its type declarations name only some of them). */
const LISTS = stopwordLists as unknown as Record<string, readonly string[] | undefined>;
const STOPWORDS = new Set((LISTS.nld ?? []).map((w) => normalise(w)));
/**
 * Function words of the other languages residents write ("is there", "هل هو", "czy jest"): they do not make a
 * message a question of its own, so "is it free?" after a list is a follow-up. Only counted here, never searched.
 */
const OTHER_STOPWORDS = new Set(
  ["eng", "ara", "tur", "pol", "ukr", "rus", "fas", "spa", "fra", "deu", "por", "som"].flatMap((code) => LISTS[code] ?? []).map((w) => normalise(w)),
);
/** Small words of a follow-up ("en morgen?", "liever gratis", "ook voor ouderen?"). */
const FOLLOW_UP_WORDS = new Set(["en", "ook", "dan", "liever", "graag", "alleen", "anders", "misschien", "nog", "keer", "please", "and", "what", "about", "something", "anything", "شي", "شيء", "cos", "sey", "щось", "что-нибудь", "algo", "chose"]);

/**
 * Reads place, time, need, who, cost and language from a resident's or professional's message,
 * and whether it asks for an activity or place at all (see {@link isListingsQuestion}).
 */
/** Negations before a word ("niet oud", "not old", "nie stary", "не старий", "مش كبير"). */
const NEGATION_BEFORE = new Set(["niet", "geen", "not", "no", "nie", "не", "ні", "нет", "لا", "مش", "ما", "مو", "ليس", "ليست", "kein", "keine", "nicht", "pas", "nao", "non"]);
/** "niet voor kinderen", "not for kids", "nicht für Kinder": the word for "for" between the negation and the group. */
const NEGATION_GAP = new Set(["voor", "for", "fur", "pour", "para", "dla", "для", "pro"]);
/** Turkish and Persian put the negation after the word ("yaşlı değilim", "پیر نیستم"). */
const NEGATION_AFTER = /^(?:değil|degil|نیست)/u;

function negated(tokens: readonly string[], start: number, end: number): boolean {
  return NEGATION_BEFORE.has(tokens[start - 1] ?? "") || (start >= 2 && NEGATION_BEFORE.has(tokens[start - 2] ?? "") && NEGATION_GAP.has(tokens[start - 1] ?? "")) || NEGATION_AFTER.test(tokens[end] ?? "");
}

/** Someone sought to do something for the person ("iemand die", "someone who", "een vrijwilliger die"). */
const PERSON_SOUGHT = /\b(?:iemand|someone|somebody) (?:die|om|who|to|that)\b|\bvrijwilliger (?:die|voor mij|voor mijn)\b|\bvolunteer (?:who|for me|for my)\b/;
/** "for me", "voor mezelf", "لي انا", "dla mnie": what is asked is for the writer. */
const FOR_SELF = / (?:voor mij|voor mezelf|voor mijzelf|for me|for myself|لي انا|لنفسي|dla mnie|dla siebie|benim icin|kendim icin|для меня|для себе|pour moi|fur mich|para mi|para mim) /u;
/** "ik wil geen vrijwilligerswerk", "i don't want volunteering": a need the person says they do not want. */
const WANT = new Set(["wil", "wilde", "hoef", "zoek", "want", "need"]);
function unwanted(tokens: readonly string[], start: number, end: number): boolean {
  const [before, want] = [tokens[start - 1] ?? "", tokens[start - 2] ?? ""];
  // "wandelen gaat niet zo goed", "sporten lukt niet meer": a need the person cannot do is no need.
  const cannot = ["gaat", "lukt"].includes(tokens[end] ?? "") && ["niet", "nie", "nooit"].includes(tokens[end + 1] ?? "");
  return cannot || ((before === "geen" || before === "niet") && WANT.has(want)) || ((before === "want" || before === "need") && /^(?:dont|don't|not)$/.test(want));
}

export function understandQuestion(
  text: string,
  deps: { vocabulary: ListingsVocabulary; gazetteer: Gazetteer; now: LocalNow; placeAsked?: boolean },
): UnderstoodQuestion {
  const { vocabulary: v, gazetteer } = deps;
  const cased = normalise(text, true).split(" ").filter(Boolean);
  // Arabic joins "and", "for", "with", "the" onto a word ("للولاد", "والرياضه"): a word the vocabulary does not
  // know is read without them when that form is a vocabulary word.
  const tokens = cased.map((t) => t.toLowerCase()).map((t) => (/\p{Script=Arabic}/u.test(t) && !v.isVocabularyWord(t) ? (withoutArabicClitics(t, v.isVocabularyWord) ?? t) : t));
  const used = tokens.map(() => false);

  const place = readPostcode(tokens, cased, used, gazetteer);
  const age = readAge(tokens, used, text);
  // "tomorrow", "yarın", "завтра", "غدا": read as the Dutch time word they stand for.
  const timeTokens = v.timeWords.size > 0 ? tokens.map((t) => v.timeWords.get(t) ?? t) : tokens;
  const { ask: time, matches: timeMatches } = readTime(timeTokens, used, deps.now);
  const timeWords = timeMatches.flatMap((m) => tokens.slice(m.start, m.end)).join(" ");
  const languages = unique(v.languages.match(tokens, used, { consume: true }).map((m) => m.label));
  const costMatches = v.cost.match(tokens, used, { consume: true });
  const cost = costMatches.some((m) => m.label === "free") ? "free" : costMatches.length > 0 ? "cheap" : undefined;

  // Who and what may read the same words ("ik zorg voor mijn moeder": mantelzorgers and mantelzorg).
  // "ik ben niet oud", "ben yaşlı değilim": a group the person says they are not is no filter.
  const allAudienceMatches = v.audiences.match(tokens, used, { fuzzy: true });
  const audienceMatches = allAudienceMatches.filter((m) => !negated(tokens, m.start, m.end));
  // "niet voor kinderen", "ليس للأولاد": listings only for that group do not fit.
  const refused = allAudienceMatches.filter((m) => negated(tokens, m.start, m.end)).map((m) => m.label as Audience);
  const accessible = v.accessibility.match(tokens, used).length > 0;
  const skip = (t: string) => STOPWORDS.has(t) || v.fillers.has(t) || v.isVocabularyWord(t);
  let placeMention = place;
  if (placeMention?.known) {
    // "Zeist 3701", "3701 Zeist": the town named beside its own postcode is part of the same place.
    const also = gazetteer.find(tokens, used, skip, cased);
    if (also && !also.alternatives && also.place.gemeentecode === placeMention.place.gemeentecode) for (let k = also.start; k < also.end; k++) used[k] = true;
  }
  if (!placeMention) {
    const found = gazetteer.find(tokens, used, skip, cased, { placeAsked: deps.placeAsked === true });
    if (found) {
      for (let k = found.start; k < found.end; k++) used[k] = true;
      placeMention = { known: true, place: found.place, text: cased.slice(found.start, found.end).join(" "), ...(found.alternatives ? { alternatives: found.alternatives } : {}) };
    }
  }
  placeMention ??= readUnknownPlace(tokens, cased, used, skip);

  const needMatches = yieldNeeds(v.categories.match(tokens, used, { fuzzy: true }), tokens, v).filter((m) => !unwanted(tokens, m.start, m.end));
  // "iemand die een dag bij mijn man kan zijn, een vrijwilliger of zo": a volunteer sought is help to get, not
  // volunteer work to do; the other needs stay, and the word still ranks listings where a volunteer helps.
  const helperSought = PERSON_SOUGHT.test(tokens.join(" "));
  const categoryMatches = helperSought ? needMatches.filter((m) => m.label !== "vrijwilligerswerk") : needMatches;
  const helperWords = helperSought && categoryMatches.length < needMatches.length ? ["vrijwillig"] : [];
  const genericMatches = v.generic.match(tokens, used);
  // "taalles voor mij, de kinderen zijn op school": a child named beside "for me" is not who it is for.
  const forSelf = FOR_SELF.test(` ${tokens.join(" ")} `);
  const young = (a: Audience) => a === "kinderen" || a === "jongeren";
  const namedGroups = withAge(age, audienceMatches, tokens);
  const audiences = namedGroups.filter((a) => !(forSelf && age === undefined && young(a)));
  const notFor = unique([...refused, ...namedGroups.filter((a) => !audiences.includes(a))]);
  const categories = unique(categoryMatches.map((m) => m.label as Category));
  const inNeed = tokens.map(() => false);
  for (const m of [...audienceMatches, ...categoryMatches, ...genericMatches]) for (let k = m.start; k < m.end; k++) inNeed[k] = true;
  // Words with a Dutch equivalent rank listings that say it, also outside a need ("kadınlar" → "vrouw"),
  // and with "something for" ("something for women"); so does a Dutch word outside the need words ("vrouwen").
  const focus =
    categoryMatches.length > 0 || genericMatches.length > 0 ? unique(tokens.flatMap((t, i) => v.keywordWords.get(t) ?? (inNeed[i] ? [] : v.dutchKeyword(t)))) : [];
  // A need word in another language ranks listings by the Dutch words for it ("lessons" → "taal").
  const keywords = unique([
    ...helperWords,
    ...categoryMatches
      .flatMap((m) => tokens.slice(m.start, m.end))
      .flatMap((t) => v.keywordWords.get(t) ?? (t.length >= 4 && !STOPWORDS.has(t) ? [t.slice(0, 5)] : [])),
    ...focus,
  ]);

  const all = tokens.map(() => false);
  const askMatches = v.ask.match(tokens, all);
  const seekMatches = v.seek.match(tokens, all);
  const nearMatches = v.near.match(tokens, all);
  const ask = askMatches.length > 0;
  const seeking = seekMatches.length > 0;
  const near = nearMatches.length > 0;
  const knowledge = v.knowledge.match(tokens, all).length > 0;

  // "is there", "هل يوجد", "czy jest": the words that ask are part of a follow-up, not a question of their own.
  const asking = tokens.map(() => false);
  for (const m of [...askMatches, ...seekMatches, ...nearMatches]) for (let k = m.start; k < m.end; k++) asking[k] = true;
  const explained = used.map((u, i) => u || inNeed[i]! || asking[i]!);
  const leftover = tokens.filter((t, i) => !explained[i] && !STOPWORDS.has(t) && !OTHER_STOPWORDS.has(t) && !v.fillers.has(t) && !FOLLOW_UP_WORDS.has(t)).length;

  const meaningful = categories.length > 0 || genericMatches.length > 0 || audiences.length > 0 || cost !== undefined || languages.length > 0 || time !== undefined;
  const bare =
    placeMention !== undefined &&
    !meaningful &&
    tokens.every((t, i) => used[i] || v.fillers.has(t) || STOPWORDS.has(t));

  const named = v.circumstancesIn(`${tokens.join(" ")} ${keywords.join(" ")}`);
  return {
    categories,
    keywords,
    ...(named.length > 0 ? { circumstances: named } : {}),
    ...(focus.length > 0 ? { focus } : {}),
    generic: genericMatches.length > 0 || helperWords.length > 0,
    audiences,
    ...(notFor.length > 0 ? { notFor } : {}),
    ...(age !== undefined ? { age } : {}),
    ...(cost ? { cost } : {}),
    languages,
    preferredLanguages: scriptLanguages(text),
    accessible,
    ...(time ? { time, timeWords } : {}),
    ...(placeMention ? { place: placeMention } : {}),
    near,
    ask,
    seeking,
    knowledge,
    bare,
    leftover,
    tokenCount: tokens.length,
  };
}

/**
 * True when the message asks for an activity or a place to go, rather than for knowledge.
 * A need ("koffie drinken", "iets voor") with a place, a time, "in de buurt", a cost or a language,
 * or asked as "waar kan ik / is er"; a who with a place ("iets voor een man van 80 in 3705").
 * Questions about policy or research ("waarom", "volgens", "sociale basis", "welke rol") only
 * count when they also name a place and ask where.
 */
export function isListingsQuestion(q: UnderstoodQuestion): boolean {
  const hasNeed = q.categories.length > 0 || q.generic;
  const explicitPlace = q.place !== undefined;
  if (q.knowledge) return hasNeed && explicitPlace && q.ask;
  // "voetbal voor mijn zoon": a need for a named group of people asks for an activity, as a place or a day does.
  const anchor = explicitPlace || q.near || q.time !== undefined || q.cost !== undefined || q.languages.length > 0 || q.accessible || q.audiences.length > 0;
  // "kan je ergens samen eten", "ik zoek een koor": a need looked for is a search too (the place may be known already).
  if (hasNeed && (anchor || q.ask || q.seeking || q.tokenCount <= 3)) return true;
  // "is er vandaag iets in Zeist?": asking what is on at a named place and time.
  if (q.ask && explicitPlace && (q.time !== undefined || q.near)) return true;
  // "iets gratis op zaterdag in Nijmegen": a place, a day and "free" together ask what is on.
  if (explicitPlace && q.time !== undefined && q.cost === "free") return true;
  return q.audiences.length > 0 && explicitPlace && (q.time !== undefined || q.ask || q.cost !== undefined);
}

function readPostcode(tokens: string[], cased: string[], used: boolean[], gazetteer: Gazetteer): PlaceMention | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const joined = /^([1-9]\d{3})([a-z]{2})$/.exec(t);
    const pc4 = joined ? joined[1]! : /^[1-9]\d{3}$/.test(t) ? t : undefined;
    if (!pc4) continue;
    // Part of a phone number or a longer number: not a postcode.
    if (/^\d+$/.test(tokens[i - 1] ?? "") || /^\d+$/.test(tokens[i + 1] ?? "")) continue;
    const nextCased = cased[i + 1] ?? "";
    const letters = joined ? joined[2]!.toUpperCase() : /^[A-Z]{2}$/.test(nextCased) ? nextCased : undefined;
    const known = gazetteer.postcode(pc4);
    const saidPostcode = tokens[i - 1] === "postcode";
    if (!known && !letters && !saidPostcode) continue;
    // "in 2026" is a year, unless the number is all there is, says "postcode", has letters or lies where the listings are.
    const yearLike = /^(19|20)\d\d$/.test(pc4);
    if (yearLike && !letters && !saidPostcode && tokens.length > 1 && !(known && gazetteer.covers(known.gemeentecode) && gazetteer.coveredNames().length > 0)) continue;
    used[i] = true;
    if (letters && !joined) used[i + 1] = true;
    if (saidPostcode) used[i - 1] = true;
    const full = letters ? `${pc4} ${letters}` : pc4;
    return known ? { known: true, place: { ...known, name: pc4 }, text: full } : { known: false, text: full, postcode: full };
  }
  return undefined;
}

/**
 * A need read only from words that say how ("leren", "les") gives way to another need in the same
 * message: "leren videobellen" is digital help, not a reading club.
 */
function yieldNeeds(matches: PhraseMatch[], tokens: string[], v: ListingsVocabulary): PhraseMatch[] {
  const labels = new Set(matches.map((m) => m.label));
  if (labels.size < 2) return matches;
  const yielding = v.yielding.match(tokens, tokens.map(() => false));
  const onlyHow = (m: PhraseMatch) => yielding.some((y) => y.label === m.label && y.start <= m.start && y.end >= m.end);
  const weak = new Set([...labels].filter((label) => matches.filter((m) => m.label === label).every(onlyHow)));
  // Never all of them: "les en cursus" stays learning.
  if (weak.size === labels.size) return matches;
  return matches.filter((m) => !weak.has(m.label));
}

/** Age groups that cannot both describe one person. */
const AGE_GROUPS: ReadonlySet<Audience> = new Set(["ouderen", "jongeren", "kinderen"]);

/**
 * The groups asked for: a stated age decides the person's own group, so an age group it
 * contradicts ("ik ben 84 … met mijn kinderen") is company, not who it is for, unless the
 * message says it is for them ("ik ben 70 en zoek iets voor mijn kleinkinderen").
 */
function withAge(age: number | undefined, matches: PhraseMatch[], tokens: string[]): Audience[] {
  const own = age !== undefined ? ageAudience(age) : undefined;
  const named = matches.filter((m) => {
    const group = m.label as Audience;
    if (!own || group === own || !AGE_GROUPS.has(group)) return true;
    return tokens.slice(Math.max(0, m.start - 3), m.start).includes("voor");
  });
  return unique<Audience>([...(own ? [own] : []), ...named.map((m) => m.label as Audience)]);
}

/** Words that may stand between "ik ben" and the age ("ik ben al 81", "ik ben bijna 15"). */
const AGE_ADVERBS = new Set(["al", "nu", "bijna", "net", "pas", "inmiddels", "zelf", "ruim", "over", "dit", "jaar"]);

/** "mijn vader van 78", "ik ben 16", "een man van 80", "75 jaar", "65+". */
function readAge(tokens: string[], used: boolean[], raw: string): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!/^\d{1,3}$/.test(t) || used[i]) continue;
    const n = Number(t);
    if (n < 1 || n > 110) continue;
    const after = tokens[i + 1];
    if (after === "jaar" || after === "jarige" || after === "plus") {
      used[i] = true;
      used[i + 1] = true;
      return n;
    }
    // "ik ben al 81": an adverb between the verb and the age.
    const at = AGE_ADVERBS.has(tokens[i - 1] ?? "") && AGE_VERBS.has(tokens[i - 2] ?? "") ? i - 1 : i;
    const verb = tokens[at - 1];
    if (verb && AGE_VERBS.has(verb) && after !== "tot" && after !== "uur") {
      const start = [at - 2, at - 3].find((k) => k >= 0 && PERSON_WORDS.has(tokens[k]!)) ?? (verb === "ben" || verb === "word" ? at - 1 : undefined);
      if (start !== undefined) {
        // "mijn vader van 78": the words belong to the age, so "vader van" is not read as "ouders".
        const from = start > 0 && tokens[start - 1] === "mijn" ? start - 1 : start;
        for (let k = from; k <= i; k++) used[k] = true;
        return n;
      }
    }
  }
  const plus = /\b(\d{2})\s?\+/.exec(raw);
  return plus ? Number(plus[1]) : undefined;
}

function ageAudience(age: number): Audience | undefined {
  if (age >= 55) return "ouderen";
  if (age >= 12 && age <= 23) return "jongeren";
  if (age < 12) return "kinderen";
  return undefined;
}

/** "in Amersfoort", "bij Den Haag": capitalised words after a place preposition that the gazetteer does not know. */
function readUnknownPlace(tokens: string[], cased: string[], used: boolean[], skip: (t: string) => boolean): PlaceMention | undefined {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!PLACE_PREPOSITIONS.has(tokens[i]!)) continue;
    const words: number[] = [];
    for (let k = i + 1; k < tokens.length && words.length < 4; k++) {
      const c = cased[k]!;
      const capital = /^\p{Lu}/u.test(c) && !used[k] && !skip(tokens[k]!) && !/\d/.test(c);
      if (capital) words.push(k);
      else if (words.length > 0 && PLACE_CONNECTORS.has(tokens[k]!) && /^\p{Lu}/u.test(cased[k + 1] ?? "")) words.push(k);
      else if (words.length === 0 && (tokens[k] === "de" || tokens[k] === "het") && k === i + 1) continue;
      else break;
    }
    if (words.length === 0) continue;
    for (const k of words) used[k] = true;
    return { known: false, text: words.map((k) => cased[k]).join(" ") };
  }
  return undefined;
}

function scriptLanguages(text: string): string[] {
  if (/[\u0600-\u06FF]/.test(text)) return /[\u067E\u0686\u06AF\u06CC]/.test(text) ? ["fa", "ar"] : ["ar"];
  if (/[\u0400-\u04FF]/.test(text)) return /[іїєґІЇЄҐ]/.test(text) ? ["uk"] : ["uk", "ru"];
  return [];
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
