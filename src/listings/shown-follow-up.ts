/**
 * Follow-up questions about the listings the person was just shown: "waar is dat?", "kost dat
 * geld?", "moet ik me aanmelden?", "de eerste", "die van dinsdag", "is de koffieochtend
 * rolstoeltoegankelijk?". They are answered from those listings, not searched again and not sent
 * to the knowledge answer. Words are data (`knowledge/listings-follow-ups.json`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ara, eng, nld, pol, tur, ukr } from "stopword";
import { z } from "zod";
import type { Listing } from "./listing-model.js";
import { tokens } from "./text-match.js";

export type Aspect = "where" | "when" | "cost" | "signup" | "access" | "contact" | "language" | "other";

const fileSchema = z.object({
  aspects: z.record(z.enum(["where", "when", "cost", "signup", "access", "contact", "language"]), z.array(z.string().min(1))),
  ordinals: z.record(z.string().regex(/^-?\d$/), z.array(z.string().min(1))),
  references: z.array(z.string().min(1)),
  filler: z.array(z.string().min(1)),
  listingWords: z.object({ walkIn: z.array(z.string().min(1)), signup: z.array(z.string().min(1)) }).optional(),
});

/** A phrase as normalised tokens. */
type Phrase = readonly string[];

export interface FollowUpVocabulary {
  aspects: Array<{ aspect: Aspect; phrase: Phrase }>;
  ordinals: Array<{ position: number; phrase: Phrase }>;
  /** Single words that point back ("dat", "die", "daar") or carry no content ("moet", "ik"). */
  glue: ReadonlySet<string>;
  /** The words that point back at what was shown ("daar", "dat", "there"). */
  references: ReadonlySet<string>;
  /** What a listing's own text says about coming in: walk in ("zonder afspraak") or sign up first. */
  listingWords: { walkIn: Phrase[]; signup: Phrase[] };
}

export function loadFollowUpVocabulary(knowledgeDir: string): FollowUpVocabulary {
  const raw = fileSchema.parse(JSON.parse(readFileSync(join(knowledgeDir, "listings-follow-ups.json"), "utf8")));
  const phrase = (text: string) => tokens(text);
  const aspects = Object.entries(raw.aspects).flatMap(([aspect, list]) => (list ?? []).map((p) => ({ aspect: aspect as Aspect, phrase: phrase(p) })));
  const ordinals = Object.entries(raw.ordinals).flatMap(([position, list]) => list.map((p) => ({ position: Number(position), phrase: phrase(p) })));
  // Longest first, so "hoe laat" wins over "laat" and "nummer 2" over "nummer".
  aspects.sort((a, b) => b.phrase.length - a.phrase.length);
  ordinals.sort((a, b) => b.phrase.length - a.phrase.length);
  // Function words of the languages residents write count as glue too ("ervoor", "met", "with").
  const stopwords = [nld, eng, ara, tur, pol, ukr].flat();
  return {
    aspects,
    ordinals,
    glue: new Set([...raw.references, ...raw.filler, ...stopwords].flatMap(phrase)),
    references: new Set(raw.references.flatMap(phrase).filter((w) => !["het", "die", "o", "to", "ze", "hij"].includes(w))),
    // Keep the trailing "*" of a word (tokens() would drop it): "aanmeld*" matches "aanmelden".
    listingWords: {
      walkIn: (raw.listingWords?.walkIn ?? []).map(wildPhrase),
      signup: (raw.listingWords?.signup ?? []).map(wildPhrase),
    },
  };
}

/** A phrase whose words may end in "*" (a prefix). */
function wildPhrase(text: string): Phrase {
  return text.split(/\s+/).filter(Boolean).map((w) => (w.endsWith("*") ? `${tokens(w.slice(0, -1)).join("")}*` : tokens(w).join("")));
}

/** True when the phrase occurs in the words (a word ending in "*" matches words starting with it). */
export function hasPhrase(words: readonly string[], phrase: Phrase): boolean {
  const same = (word: string, p: string) => (p.endsWith("*") ? word.startsWith(p.slice(0, -1)) : word === p);
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((p, j) => same(words[i + j]!, p))) return true;
  return false;
}

const WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
const DAY_CODES = ["ma", "di", "wo", "do", "vr", "za", "zo"];

export interface ShownFollowUp {
  /** The listings the question is about (one when it points at one, else all shown). */
  listings: Listing[];
  /** What is asked; empty = everything about it ("de eerste", "vertel meer over de tweede"). */
  aspects: Aspect[];
}

/**
 * Reads a message as a question about the shown listings, or returns undefined when it is
 * something else (a new search, a knowledge question). A message counts only when it is short and
 * every word is accounted for: an aspect, a pointer (ordinal, weekday, a word of a shown listing's
 * name) or a glue word. So "waar is de voedselbank?" after a list of koffieochtenden is not one.
 */
export function readShownFollowUp(text: string, shown: Listing[], vocabulary: FollowUpVocabulary): ShownFollowUp | undefined {
  if (shown.length === 0) return undefined;
  const words = tokens(text);
  if (words.length === 0 || words.length > 12) return undefined;
  const used = new Array<boolean>(words.length).fill(false);

  let position: number | undefined;
  for (const { position: p, phrase } of vocabulary.ordinals) {
    if (take(words, used, phrase)) {
      position = p;
      break;
    }
  }
  const aspects = new Set<Aspect>();
  for (const { aspect, phrase } of vocabulary.aspects) if (take(words, used, phrase)) aspects.add(aspect);
  // Dutch writes compounds as one word: "rolstoeltoegankelijk", "openingstijd", "kostenloos".
  words.forEach((w, i) => {
    if (used[i] || w.length < 8) return;
    const part = vocabulary.aspects.find(({ phrase }) => phrase.length === 1 && phrase[0]!.length >= 5 && (w.startsWith(phrase[0]!) || w.endsWith(phrase[0]!)));
    if (part) {
      aspects.add(part.aspect);
      used[i] = true;
    }
  });

  // A weekday picks the shown listing that happens on that day ("die van dinsdag").
  let day: number | undefined;
  words.forEach((w, i) => {
    if (used[i]) return;
    const d = WEEKDAYS.findIndex((name) => w === name || w === `${name}s`);
    if (d >= 0) {
      day = d;
      used[i] = true;
    }
  });

  // Words of a shown listing's name point at it ("de koffieochtend", "dat repaircafé").
  const named = new Set<number>();
  shown.forEach((listing, i) => {
    const nameWords = new Set(tokens(listing.name).filter((w) => w.length >= 4));
    words.forEach((w, j) => {
      if (!used[j] && nameWords.has(w)) {
        named.add(i);
        used[j] = true;
      }
      // A name word written in two ("koffie ochtend" for "Koffieochtend").
      const next = words[j + 1];
      if (!used[j] && next !== undefined && !used[j + 1] && nameWords.has(w + next)) {
        named.add(i);
        used[j] = used[j + 1] = true;
      }
    });
  });

  const leftover = words.filter((w, i) => !used[i] && !vocabulary.glue.has(w));
  // A word pointing back ("daar", "dat") with an aspect carries the question even with a verb of its
  // own ("moet ik daar een afspraak voor maken?", "welke taal spreken ze daar?"); without one, every
  // word must be accounted for, so "waar is de voedselbank?" stays a new question.
  const pointsBack = words.some((w) => vocabulary.references.has(w));
  if (leftover.length > (pointsBack && aspects.size > 0 ? 2 : 0)) return undefined;
  const pointed = position !== undefined || day !== undefined || named.size > 0;
  if (aspects.size === 0 && !pointed) return undefined;

  let listings = shown;
  const chosen = position === undefined ? undefined : position < 0 ? shown[shown.length + position] : shown[position - 1];
  // A name wins over a position that points elsewhere ("de eerste, NT2-oefengroep" when that was the second).
  if (position !== undefined && (named.size === 0 || (chosen && named.has(shown.indexOf(chosen))))) {
    if (!chosen) return undefined;
    listings = [chosen];
  } else if (named.size > 0) {
    listings = [...named].map((i) => shown[i]!);
  } else if (day !== undefined) {
    const onDay = shown.filter((l) => l.schedule.split(";").some((entry) => entry.trim().split(/\s+/).includes(DAY_CODES[day!]!)));
    if (onDay.length === 0) return undefined;
    listings = onDay;
  }
  return { listings, aspects: [...aspects] };
}

/**
 * The shown listings a question points at by a word of their name ("wat moet ik meenemen naar de
 * schuldhulp?"), else the one listing shown, else all of them (at most `limit`).
 */
export function pointedAt(text: string, shown: Listing[], limit = 3): Listing[] {
  const said = new Set(tokens(text));
  const named = shown.filter((l) => tokens(l.name).some((w) => w.length >= 4 && said.has(w)));
  return (named.length > 0 ? named : shown).slice(0, limit);
}

function take(words: string[], used: boolean[], phrase: Phrase): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= words.length; i++) {
    let ok = true;
    for (let k = 0; k < phrase.length; k++) {
      if (used[i + k] || words[i + k] !== phrase[k]) {
        ok = false;
        break;
      }
    }
    if (ok) {
      for (let k = 0; k < phrase.length; k++) used[i + k] = true;
      return true;
    }
  }
  return false;
}
