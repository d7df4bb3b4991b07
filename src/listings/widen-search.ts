import type { ListingIndex, SearchHit, SearchQuery } from "./listing-index.js";
import type { Audience, Category } from "./listing-model.js";
import { listingsTextsFor, NEAR_LIMIT_KM, type ListingsTexts } from "./listings-texts.js";
import { formatDistance } from "./render-listings.js";
import type { TimeAsk } from "./time-words.js";
import type { UnderstoodQuestion } from "./understand-question.js";

/** How far the kind of activity asked for is still shown before other kinds nearby. */
const WHAT_WAS_ASKED_KM = 15;

/** Which parts of the question were let go to find something. */
export interface Relaxed {
  time?: boolean;
  filters?: boolean;
  need?: boolean;
  far?: boolean;
  /** With `far`: how far the nearest result is. */
  nearestKm?: number;
}

/**
 * Searches, and when nothing fits widens step by step instead of answering "nothing":
 * another day, then without cost/language/access/who, then what was asked up to 15 km, then other
 * kinds of activities nearby, and only then anything further. Results beyond NEAR_LIMIT_KM always
 * come with a note that says plainly how far the nearest is.
 */
export function searchWithWidening(index: ListingIndex, base: SearchQuery, q: UnderstoodQuestion): { hits: SearchHit[]; relaxed: Relaxed } {
  const loose = { audiences: [], languages: [], accessible: false, cost: undefined, slots: undefined };
  const steps: Array<{ query: SearchQuery; relaxed: Relaxed }> = [{ query: base, relaxed: {} }];
  if (base.slots) steps.push({ query: { ...base, slots: undefined }, relaxed: { time: true } });
  if (hasFilters(q)) steps.push({ query: { ...base, ...loose }, relaxed: { time: !!base.slots, filters: true } });
  if (q.categories.length > 0) {
    // What was asked a little further away (its distance said) beats something else nearby.
    steps.push({ query: { ...base, ...loose, audiences: base.audiences, radiusKm: WHAT_WAS_ASKED_KM }, relaxed: { time: !!base.slots, filters: hasFilters(q) } });
    steps.push({ query: { ...base, ...loose, audiences: base.audiences, categories: [], keywords: [] }, relaxed: { time: !!base.slots, need: true } });
    steps.push({ query: { ...base, ...loose, audiences: base.audiences, radiusKm: 100 }, relaxed: { time: !!base.slots, filters: hasFilters(q), far: true } });
  }
  steps.push({ query: { ...base, ...loose, radiusKm: 100, categories: [], keywords: [] }, relaxed: { time: !!base.slots, filters: hasFilters(q), need: q.categories.length > 0, far: true } });
  for (const step of steps) {
    const hits = index.search(step.query);
    if (hits.length > 0) {
      const nearestKm = Math.min(...hits.map((h) => h.distanceKm));
      return { hits, relaxed: { ...step.relaxed, ...(nearestKm > NEAR_LIMIT_KM ? { far: true, nearestKm } : {}) } };
    }
  }
  return { hits: [], relaxed: {} };
}

/** The first lines of the answer: what was let go (if anything), then what the results are for and where. */
export function describeSearch(q: UnderstoodQuestion, relaxed: Relaxed, where: string, time: TimeAsk | undefined, language?: string): string {
  const t = listingsTextsFor(language);
  const notes: string[] = [];
  const what = q.categories.length > 0 ? listWords(q.categories.map((c) => t.categories[c as Category]), t.and) : undefined;
  if (relaxed.time && time) notes.push(t.widenedTime(t.timePhrase(time.label)));
  if (relaxed.filters) notes.push(t.widenedFilters(filterWords(q, t).join(", ")));
  if (relaxed.need && what) notes.push(t.widenedNeed(what));
  if (relaxed.far) notes.push(t.widenedFurther(formatDistance(relaxed.nearestKm ?? NEAR_LIMIT_KM, language)));

  const general = q.categories.length === 0 && q.audiences.length === 0 && !q.cost && q.languages.length === 0;
  const when = time && !relaxed.time ? t.timePhrase(time.label) : undefined;
  const intro = general
    ? t.nearMe(`${where}${when ? `, ${when}` : ""}`)
    : t.intro({
        ...(what && !relaxed.need ? { what } : {}),
        ...(q.audiences.length > 0 && !relaxed.filters ? { who: audienceWords(q, t) } : {}),
        ...(q.cost && !relaxed.filters ? { cost: q.cost === "free" ? t.free : t.cheap } : {}),
        ...(q.languages.length > 0 && !relaxed.filters ? { language: languageWords(q.languages, t) } : {}),
        ...(when ? { when } : {}),
        where,
      });
  return [...notes, intro].join("\n");
}

function hasFilters(q: UnderstoodQuestion): boolean {
  return filterWords(q, listingsTextsFor("nl")).length > 0;
}

function filterWords(q: UnderstoodQuestion, t: ListingsTexts): string[] {
  return [
    q.cost === "free" ? t.free : q.cost === "cheap" ? t.cheap : undefined,
    q.languages.length > 0 ? languageWords(q.languages, t) : undefined,
    q.accessible ? t.accessible : undefined,
    q.audiences.length > 0 ? t.forWho(audienceWords(q, t)) : undefined,
  ].filter((x): x is string => x !== undefined);
}

function audienceWords(q: UnderstoodQuestion, t: ListingsTexts): string {
  return listWords(q.audiences.map((a) => t.audiences[a as Audience]), t.and);
}

function languageWords(codes: string[], t: ListingsTexts): string {
  return t.inLanguage(listWords(codes.map((l) => t.languageNames[l] ?? l), t.and));
}

export function listWords(words: string[], and = "en"): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} ${and} ${words[words.length - 1]}`;
}
