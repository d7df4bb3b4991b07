import type { LocalNow } from "./local-calendar.js";
import { tokens as tokenise } from "./text-match.js";
import { readTime } from "./time-words.js";
import type { UnderstoodQuestion } from "./understand-question.js";

/**
 * What a search keeps of a question between two messages: what was understood, never the text
 * itself (the conversation state should hold as little of what people wrote as possible).
 */
export type StoredQuery = Pick<UnderstoodQuestion, "categories" | "keywords" | "focus" | "generic" | "audiences" | "notFor" | "circumstances" | "cost" | "languages" | "accessible"> & {
  /** The time words only ("morgen", "dinsdagochtend"), read again against the new "now". */
  timeWords?: string;
};

/** Serialised into ListingResponse.memory and handed back with the next message. */
export interface SearchMemory {
  /** A question that waits for a place. */
  pending?: StoredQuery;
  /** The last search, for follow-ups such as "en op woensdag?" or "gratis?". */
  last?: StoredQuery;
  /** Ids of the listings shown last, in the order shown, for "waar is dat?" and "de eerste". */
  shown?: string[];
  /** Ids of the list shown before that one: a follow-up that names one of them ("die rouwgroep") still finds it. */
  earlier?: string[];
  /** True when the latest place signal was a shared location (it then wins over an older typed place). */
  viaLocation?: boolean;
}

export function storeQuery(q: UnderstoodQuestion): StoredQuery {
  return {
    categories: q.categories,
    keywords: q.keywords,
    ...(q.focus ? { focus: q.focus } : {}),
    generic: q.generic,
    audiences: q.audiences,
    ...(q.notFor ? { notFor: q.notFor } : {}),
    ...(q.circumstances ? { circumstances: q.circumstances } : {}),
    languages: q.languages,
    accessible: q.accessible,
    ...(q.cost ? { cost: q.cost } : {}),
    ...(q.timeWords ? { timeWords: q.timeWords } : {}),
  };
}

/** A stored question as understood again now; `over` (a follow-up) replaces what it says itself. */
export function restoreQuery(stored: StoredQuery, now: LocalNow, over?: UnderstoodQuestion): UnderstoodQuestion {
  const base = over ?? emptyQuestion();
  const time = base.time ?? (stored.timeWords ? readTime(tokenise(stored.timeWords), [], now).ask : undefined);
  const timeWords = base.timeWords ?? stored.timeWords;
  const cost = base.cost ?? stored.cost;
  return {
    ...base,
    categories: stored.categories,
    keywords: stored.keywords ?? [],
    ...(stored.focus ? { focus: stored.focus } : {}),
    generic: stored.generic,
    audiences: base.audiences.length > 0 ? base.audiences : stored.audiences,
    // "en voor kinderen?" after "niet voor kinderen": the group asked for now is no longer refused.
    ...notForNow(base, stored),
    ...((base.circumstances ?? stored.circumstances) ? { circumstances: base.circumstances ?? stored.circumstances } : {}),
    languages: base.languages.length > 0 ? base.languages : stored.languages,
    accessible: base.accessible || stored.accessible,
    ...(cost ? { cost } : {}),
    ...(time ? { time } : {}),
    ...(timeWords ? { timeWords } : {}),
  };
}

function notForNow(base: UnderstoodQuestion, stored: StoredQuery): { notFor?: UnderstoodQuestion["notFor"] } {
  const notFor = (base.notFor ?? stored.notFor ?? []).filter((a) => !base.audiences.includes(a));
  return notFor.length > 0 ? { notFor } : {};
}

/** "What is near" without any wish: everything nearby. */
export function emptyQuestion(): UnderstoodQuestion {
  return {
    categories: [],
    keywords: [],
    generic: false,
    audiences: [],
    languages: [],
    preferredLanguages: [],
    accessible: false,
    near: true,
    ask: true,
    seeking: true,
    knowledge: false,
    bare: false,
    leftover: 0,
    tokenCount: 0,
  };
}

export function readMemory(raw: string | undefined): SearchMemory {
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as SearchMemory) : {};
  } catch {
    return {};
  }
}

export function writeMemory(memory: SearchMemory): string | undefined {
  const clean = Object.fromEntries(Object.entries(memory).filter(([, v]) => v !== undefined && v !== false));
  return Object.keys(clean).length > 0 ? JSON.stringify(clean) : undefined;
}
