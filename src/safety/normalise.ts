/**
 * Text normalisation for lexicon matching: what a resident types ("Ik wil DOOOD!!", "m'n man",
 * "zelfmoörd", "ikwildood") and what the lexicon says must meet in one plain form.
 */

/** Marks a sentence or clause break in a token list; phrases never match across it. */
export const BREAK = "|";
/**
 * Marks a comma. Ordered phrases stop at it like at {@link BREAK}; unordered (`&`) phrases may span it,
 * because people put commas where a sentence goes on ("ik wil gewoon rust, voor altijd").
 */
export const SOFT_BREAK = ",";

/** True for either kind of break token. */
export function isBreak(token: string | undefined): boolean {
  return token === BREAK || token === SOFT_BREAK;
}

// Letters NFKD leaves whole; folded by hand so Polish, Turkish and Nordic spellings meet ASCII typing.
// Persian yeh and kaf are folded onto the Arabic letters, so Farsi and Dari typed on either keyboard meet.
const FOLD: Record<string, string> = {
  ł: "l",
  ı: "i",
  ø: "o",
  æ: "ae",
  ß: "ss",
  đ: "d",
  ħ: "h",
  œ: "oe",
  ة: "ه",
  ى: "ي",
  ی: "ي",
  ک: "ك",
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join("")}]`, "g");

/**
 * Lower-cases, folds diacritics (also in Arabic and Cyrillic), drops apostrophes inside words
 * ("m'n" → "mn", "don't" → "dont") and shortens runs of three or more equal letters to two.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(FOLD_RE, (c) => FOLD[c] ?? c)
    .replace(/(\p{L})['’`ʼ]+(?=\p{L})/gu, "$1")
    // Zero-width joiners (Farsi "می‌خواهم") and the Arabic stretching stroke belong inside a word.
    .replace(/\u200c|\u200d|\u0640/gu, "")
    .replace(/(\p{L})\1{2,}/gu, "$1$1");
}

/**
 * Splits text into folded word tokens. Sentence and clause punctuation (. ! ? ; , : and line
 * breaks) becomes a {@link BREAK} token, so a phrase cannot be pieced together from two sentences.
 */
export function tokenise(text: string): string[] {
  const tokens: string[] = [];
  for (const match of foldText(text).matchAll(/[\p{L}\p{N}]+|[.!?;,:\n]+/gu)) {
    const token = match[0];
    if (/^[\p{L}\p{N}]/u.test(token)) tokens.push(token);
    else if (tokens.length > 0) {
      const kind = /^,+$/.test(token) ? SOFT_BREAK : BREAK;
      const last = tokens[tokens.length - 1];
      if (last === SOFT_BREAK && kind === BREAK) tokens[tokens.length - 1] = BREAK;
      else if (!isBreak(last)) tokens.push(kind);
    }
  }
  if (isBreak(tokens[tokens.length - 1])) tokens.pop();
  return tokens;
}
