import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { normalise } from "../listings/text-match.js";
import { withoutArabicClitics } from "../text/arabic-clitics.js";
import { foldWord, type MarkerData } from "./detect-language.js";

const termsSchema = z.object({ terms: z.record(z.string().regex(/^[a-z]{2}$/), z.record(z.string().min(1), z.string().min(1))) });

export const QUERY_TERMS_FILE = join("languages", "query-terms.json");
const LONGEST_PHRASE = 4;
/** Languages whose question words only ask at the start of a sentence (elsewhere they mean something else). */
const LEADING_QUESTION_WORDS = new Set(["ar"]);
const QUESTION_WORDS = /^(wat|hoe|waar|wie|waarom|wanneer|hoeveel|kan ik|moet ik)( |$)/;

/**
 * Puts a question in another language into Dutch search words for the Dutch sources, from a small
 * bilingual term list (data, no model): "what is respite care?" → "wat is respijtzorg". Words the
 * list does not know are kept when they are not the language's small words, so names ("Wmo",
 * "DigiD", a place) still reach the search. Dutch questions are returned as typed.
 */
export function createDutchQuery(termsByLanguage: Record<string, Record<string, string>>, markers?: MarkerData): (question: string, language: string) => string {
  const lists = new Map(
    Object.entries(termsByLanguage).map(([language, terms]) => [language, new Map(Object.entries(terms).map(([k, v]) => [normalise(k), v]))]),
  );
  // The first words of the phrases of each list ("العنف" of "العنف الاسري"): a bare word may start a phrase.
  const phraseStarts = new Map([...lists].map(([language, terms]) => [language, new Set([...terms.keys()].filter((k) => k.includes(" ")).map((k) => k.split(" ")[0]!))]));
  const smallWords = new Map(Object.entries(markers?.words ?? {}).map(([language, words]) => [language, new Set(words.map(foldWord))]));

  return (question, language) => {
    const terms = lists.get(language);
    if (language === "nl" || !terms) return question;
    const starts = phraseStarts.get(language)!;
    // Arabic writes "and", "for", "with", "the" onto the word ("وما فهمت", "للولاد"): a word the list does not
    // know is looked up without them.
    const tokens = normalise(question)
      .split(" ")
      .filter(Boolean)
      .map((t) => (terms.has(t) ? t : (withoutArabicClitics(t, (form) => terms.has(form) || starts.has(form), (form) => terms.has(form)) ?? t)));
    const small = smallWords.get(language);
    const out: string[] = [];
    const asks: string[] = [];
    for (let i = 0; i < tokens.length; ) {
      let matched = 0;
      for (let n = Math.min(LONGEST_PHRASE, tokens.length - i); n >= 1 && !matched; n--) {
        const dutch = terms.get(tokens.slice(i, i + n).join(" "));
        if (dutch) {
          // Question words go first whatever the word order ("borç yardımı nedir" → "wat is schuldhulpverlening").
          // In Arabic a question word leads its sentence: inside one "من" is "from" and "ما" is "not".
          if (!QUESTION_WORDS.test(dutch)) out.push(dutch);
          else if (!LEADING_QUESTION_WORDS.has(language) || i === 0) asks.push(dutch);
          matched = n;
        }
      }
      if (matched) {
        i += matched;
        continue;
      }
      const word = tokens[i]!;
      if (word.length > 1 && !small?.has(foldWord(word)) && /\p{Script=Latin}|\d/u.test(word)) out.push(word);
      i++;
    }
    // Nothing understood: the question as typed is still the best query (it may quote Dutch words).
    return out.length > 0 ? [...asks.slice(0, 1), ...out].join(" ") : question;
  };
}

/** Reads `knowledge/languages/query-terms.json`. */
export function loadDutchQuery(knowledgeDir: string, markers?: MarkerData): (question: string, language: string) => string {
  const path = join(knowledgeDir, QUERY_TERMS_FILE);
  const parsed = termsSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join(".")}: ${issue.message}`);
  }
  return createDutchQuery(parsed.data.terms, markers);
}
