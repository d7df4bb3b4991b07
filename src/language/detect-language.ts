import { readFileSync } from "node:fs";
import { join } from "node:path";
import { detectAll } from "tinyld/light";
import { z } from "zod";
import type { LanguageDetector, LanguageGuess } from "../core/language.js";
import { scriptLanguage } from "./scripts.js";

const markersSchema = z.object({
  neutral: z.array(z.string()),
  words: z.record(z.string().regex(/^[a-z]{2}$/), z.array(z.string().min(1))),
});
export type MarkerData = z.infer<typeof markersSchema>;

export const MARKERS_FILE = join("languages", "markers.json");

/** Latin-script languages the n-gram detector weighs (tinyld's light tables: ~12 MB, no download). */
const NGRAM_LANGUAGES = ["nl", "en", "tr", "pl", "es", "fr", "de", "pt"];
/** Any letter outside Latin (and its accents): then the script may tell the language. */
const NON_LATIN = /[^\p{Script=Latin}\p{M}\s]/u;
/** From this many letters the n-grams are trusted over the marker words. */
const LONG_LETTERS = 30;

/** Letters that show one language even without its words (Turkish ğ ş ı, Polish ą ę ł ś ź ż ć ń, Spanish ñ ¿ ¡, German ß). */
const TELLING_LETTERS: Array<[string, RegExp]> = [
  ["tr", /[ğşıİ]/u],
  ["pl", /[ąęłśźżćń]/iu],
  ["es", /[ñ¿¡]/u],
  ["de", /ß/u],
];

/** Lower case, accents and the letters ı ł ß folded to plain Latin, so "dziękuję" and "dziekuje" match. */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/ı/g, "i")
    .replace(/ł/g, "l")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’`´]/g, "");
}

/** Reads `knowledge/languages/markers.json`. */
export function loadMarkers(knowledgeDir: string): MarkerData {
  const path = join(knowledgeDir, MARKERS_FILE);
  const parsed = markersSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

/** The detector with the marker words of `knowledge/languages/markers.json`. */
export function loadLanguageDetector(knowledgeDir: string): LanguageDetector {
  return createLanguageDetector(loadMarkers(knowledgeDir));
}

/**
 * Script first (Arabic, Cyrillic, Ge'ez decide on one word); Latin text by marker words on short
 * messages and by tinyld's n-grams on longer ones, with a Dutch-first bias: residents write short,
 * misspelled Dutch, so text without evidence is `none` (the conversation's language stays) and
 * Dutch words outweigh an n-gram guess.
 */
export function createLanguageDetector(data: MarkerData): LanguageDetector {
  const neutral = new Set(data.neutral.map(foldWord));
  const byWord = new Map<string, string[]>();
  for (const [language, words] of Object.entries(data.words)) {
    for (const word of words) {
      const folded = foldWord(word);
      if (neutral.has(folded)) continue;
      const list = byWord.get(folded) ?? [];
      if (!list.includes(language)) list.push(language);
      byWord.set(folded, list);
    }
  }

  function detect(raw: string): LanguageGuess {
    // Commands, links, e-mail addresses, mentions, numbers and postcodes say nothing about the language.
    // (Word by word: one regular expression for addresses backtracks badly on long messages.)
    const kept = raw.split(/\s+/).filter((w) => w && !w.startsWith("/") && !w.includes("@") && !w.includes("://"));
    const text = kept.join(" ").replace(/['’`´]/g, "").replace(/[\p{N}\p{P}\p{S}]+/gu, " ").trim();
    const letters = text.replace(/[^\p{L}]/gu, "").length;
    if (letters === 0) return { language: "nl", evidence: "none" };

    // Only text with letters beyond Latin needs the script counts.
    const script = NON_LATIN.test(text) ? scriptLanguage(text) : undefined;
    if (script) return { language: script, evidence: letters >= 2 ? "sure" : "weak" };

    const words = text.split(/\s+/).filter(Boolean);
    const votes = new Map<string, number>();
    for (const word of words) {
      for (const language of byWord.get(foldWord(word)) ?? []) votes.set(language, (votes.get(language) ?? 0) + 1);
    }
    for (const [language, pattern] of TELLING_LETTERS) if (pattern.test(text)) votes.set(language, (votes.get(language) ?? 0) + 2);
    const dutch = votes.get("nl") ?? 0;
    const [other, otherVotes] = strongest(votes, "nl");

    if (letters >= LONG_LETTERS || words.length >= 5) {
      // Misspelled Dutch with an English word or two still reads as Dutch (the n-grams are not asked).
      if (dutch >= 2 && dutch >= otherVotes) return { language: "nl", evidence: "sure" };
      const top = detectAll(text, { only: NGRAM_LANGUAGES })[0]?.lang;
      // Marker words outvote the n-grams when they clearly point elsewhere ("para" is Turkish and Spanish).
      if (other && otherVotes >= 3 && otherVotes > dutch && otherVotes > (votes.get(top ?? "") ?? 0) + 1) return { language: other, evidence: "sure" };
      if (top && top !== "nl" && (votes.get(top) ?? 0) >= 1) return { language: top, evidence: "sure" };
      // A language the n-grams do not know (Somali) shows only in its marker words: two of them, and no Dutch ones, decide.
      if (other && !NGRAM_LANGUAGES.includes(other) && otherVotes >= 2 && dutch === 0) return { language: other, evidence: "sure" };
      if (top === "nl" || dutch > 0) return { language: "nl", evidence: dutch > 0 ? "sure" : "weak" };
      if (other && otherVotes > dutch) return { language: other, evidence: "weak" };
      return top ? { language: top, evidence: "weak" } : { language: "nl", evidence: "none" };
    }
    if (other && otherVotes > dutch) {
      // One or two words ("merhaba", "thank you", "dank je") do not switch a conversation; a few do.
      const sure = otherVotes >= 3 || (otherVotes >= 2 && words.length >= 3);
      return { language: other, evidence: sure ? "sure" : "weak" };
    }
    if (dutch > 0) return { language: "nl", evidence: dutch >= 3 || (dutch >= 2 && words.length >= 3) ? "sure" : "weak" };
    return { language: "nl", evidence: "none" };
  }

  return { detect };
}

function strongest(votes: Map<string, number>, except: string): [string | undefined, number] {
  let best: string | undefined;
  let most = 0;
  for (const [language, n] of votes) {
    if (language !== except && n > most) {
      best = language;
      most = n;
    }
  }
  return [best, most];
}
