/**
 * The resident's language: what the detector says about one message, and how the conversation
 * settles on a language (short replies keep the language the conversation is in).
 */

/** ISO 639-1 codes the fixed texts exist in (Dutch is the reference; `knowledge/texts/<code>.json`). */
export const TEXT_LANGUAGES = ["nl", "en", "ar", "tr", "pl", "uk", "ru", "fa", "es", "fr", "de", "so", "ti", "pt"] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** What a message says about its language. */
export interface LanguageGuess {
  /** ISO 639-1 code; `nl` when nothing points elsewhere. */
  language: string;
  /**
   * `sure`: the message shows its language (a script, enough words); `weak`: some evidence, too
   * little to switch a conversation that is in another language (one word: "merhaba", "thanks");
   * `none`: no evidence ("ok", "3701", a place name, an emoji).
   */
  evidence: "sure" | "weak" | "none";
}

/** Tells the language of one message. Pure, fast and offline (no model download). */
export interface LanguageDetector {
  detect(text: string): LanguageGuess;
}

/**
 * The language to answer this message in: a sure guess wins (a resident can switch); a weak
 * or absent one keeps the conversation's language; a new conversation with weak evidence takes
 * the guess, and without evidence the platform's language setting only for a command, else Dutch.
 */
export function resolveLanguage(guess: LanguageGuess | undefined, previous: string | undefined, platform?: string): string {
  if (guess?.evidence === "sure") return guess.language;
  if (previous) return previous;
  if (guess?.evidence === "weak") return guess.language;
  return platform ?? "nl";
}

/** A platform's language tag ("en-GB", "uk") as a code the texts exist in, or undefined. */
export function textLanguageOf(tag: string | undefined): TextLanguage | undefined {
  const code = tag?.toLowerCase().split(/[-_]/)[0];
  return (TEXT_LANGUAGES as readonly string[]).includes(code ?? "") ? (code as TextLanguage) : undefined;
}
