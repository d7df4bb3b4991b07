/**
 * The checks around a generated answer: what may go into a prompt (redacted, delimited data) and
 * what may come out (only citations of given passages, no echo of our instructions, plain text).
 */
import type { Passage } from "../core/ports.js";
import type { Source } from "../core/types.js";
import { redactPersonalData } from "../safety/redact.js";

/** The model's word for "the passages do not answer this" (see prompts/system.md). */
export const NO_ANSWER_MARK = "GEEN_ANTWOORD";

const MAX_ANSWER_CHARS = 4000;
/** A run of this many words copied from our instructions counts as leaking them. */
const LEAK_WINDOW_WORDS = 8;

/** Tags that delimit data in our prompts; data must never open or close one. */
const DELIMITER_TAG = /<\s*\/?\s*(passages?|vraag|bedoeld|gesprek|bericht|vorige_vraag|vervolg|system|instructions?)\b[^>]*>/giu;

/**
 * Prepares text written by others (a person, a passage) for a prompt: personal data redacted,
 * our delimiter tags neutralised so data cannot close its block and pose as an instruction.
 */
export function asPromptData(text: string, maxChars = 2000): string {
  const redacted = redactPersonalData(text);
  const neutral = redacted.replace(DELIMITER_TAG, (tag) => tag.replace(/</g, "‹").replace(/>/g, "›"));
  return neutral.length > maxChars ? `${neutral.slice(0, maxChars)}…` : neutral;
}

/** For attribute values inside a tag (titles): no quotes or angle brackets. */
export function asPromptAttribute(text: string): string {
  return asPromptData(text, 200).replace(/["<>]/g, "'").replace(/\s+/g, " ");
}

export type AnswerRejection = "empty" | "too_long" | "no_answer" | "leaked_prompt" | "echoed_markup" | "invalid_citation" | "no_citation";

export type AnswerCheck =
  | { ok: true; text: string; sources: Source[] }
  | { ok: false; reason: AnswerRejection };

/**
 * Checks a generated answer against the passages it was given. Accepts it only when it cites at
 * least one passage and every citation `[n]` names a given passage. Returns the text with its
 * citations renumbered 1, 2, … in order of first use (one number per cited document), and exactly
 * the cited sources in that order.
 */
export function checkAnswer(raw: string, passages: Passage[], instructionTexts: string[]): AnswerCheck {
  const text = cleanModelText(raw);
  if (!text) return { ok: false, reason: "empty" };
  if (text.length > MAX_ANSWER_CHARS) return { ok: false, reason: "too_long" };
  if (text.includes(NO_ANSWER_MARK)) return { ok: false, reason: "no_answer" };
  if (echoesInstructions(text, instructionTexts)) return { ok: false, reason: "leaked_prompt" };
  if (/<\s*\/?\s*(passages?|vraag|bedoeld|gesprek|bericht)\b/i.test(text)) return { ok: false, reason: "echoed_markup" };

  const groups = [...text.matchAll(CITATION_GROUP)];
  if (groups.length === 0) return { ok: false, reason: "no_citation" };
  const cited = groups.flatMap((g) => citationNumbers(g[1]!));
  if (cited.some((n) => n < 1 || n > passages.length)) return { ok: false, reason: "invalid_citation" };

  // One number per document: two passages of the same document are one source for the reader.
  const newNumberOfKey = new Map<string, number>();
  const sources: Source[] = [];
  const newNumber = (n: number): number => {
    const passage = passages[n - 1]!;
    const key = `${passage.source}|${passage.url ?? ""}`;
    let number = newNumberOfKey.get(key);
    if (number === undefined) {
      sources.push(toSource(passage));
      number = sources.length;
      newNumberOfKey.set(key, number);
    }
    return number;
  };
  const renumbered = text
    .replace(CITATION_GROUP, (_, inner: string) => {
      const numbers = [...new Set(citationNumbers(inner).map(newNumber))];
      return numbers.map((n) => `[${n}]`).join("");
    })
    // "[1][1]" after merging documents reads as a stutter.
    .replace(/(\[\d+\])(?:\s*\1)+/g, "$1");
  return { ok: true, text: renumbered, sources };
}

/** `[1]`, `[1, 2]`, `[1][2]`, `[1;3]` (a group is one bracket pair). */
const CITATION_GROUP = /\[\s*(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\s*\]/g;

function citationNumbers(inner: string): number[] {
  return inner.split(/[,;]/).map((n) => Number(n.trim()));
}

/** Removes what models add around an answer: reasoning blocks, surrounding quotes and white space. */
export function cleanModelText(raw: string): string {
  return raw
    .replace(/<think>[\s\S]*?<\/think>/gi, "")
    .replace(/^\s*["“]|["”]\s*$/g, "")
    .trim();
}

/**
 * True when `text` contains a run of {@link LEAK_WINDOW_WORDS} words that also occurs in one of
 * our instruction texts (template markup ignored): the model is repeating its instructions.
 */
export function echoesInstructions(text: string, instructionTexts: string[]): boolean {
  const words = toWords(text);
  if (words.length < LEAK_WINDOW_WORDS) return false;
  const shingles = new Set<string>();
  for (const instructions of instructionTexts) {
    const source = toWords(instructions.replace(/\{\{[^}]*\}\}/g, " "));
    for (let i = 0; i + LEAK_WINDOW_WORDS <= source.length; i++) shingles.add(source.slice(i, i + LEAK_WINDOW_WORDS).join(" "));
  }
  for (let i = 0; i + LEAK_WINDOW_WORDS <= words.length; i++) {
    if (shingles.has(words.slice(i, i + LEAK_WINDOW_WORDS).join(" "))) return true;
  }
  return false;
}

function toWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean);
}

export function toSource(passage: Passage): Source {
  return {
    title: passage.title,
    ...(passage.publisher ? { publisher: passage.publisher } : {}),
    ...(passage.year ? { year: passage.year } : {}),
    ...(passage.url ? { url: passage.url } : {}),
  };
}
