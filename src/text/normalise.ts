/**
 * The one text normaliser: what people type ("Ik wil DOOOD!!", "m'n man", "zelfmoörd", "Café
 * De Brink") and what the lexicons, vocabularies and listings say must meet in one plain form.
 * Two profiles of the same steps, because the two readers need different things:
 * - {@link foldText} / {@link tokenise} for safety lexicons: every diacritic folded (also Arabic and
 *   Cyrillic), repeated letters shortened, clause punctuation kept as {@link BREAK} tokens;
 * - {@link normalise} / {@link tokens} for listings and place names: accents dropped from Latin
 *   letters only (Ukrainian й and ї keep theirs), everything that is not a letter or digit a space.
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
 * Removes combining marks: all of them (`all`, after compatibility decomposition), or only those on
 * Latin letters (`latin`), recomposing what stays.
 */
function stripMarks(text: string, scope: "all" | "latin"): string {
  if (scope === "all") return text.normalize("NFKD").replace(/\p{M}/gu, "");
  return text.normalize("NFD").replace(/([a-zA-Z])[\u0300-\u036f]+/g, "$1").normalize("NFC");
}

/**
 * Lower-cases, folds diacritics (also in Arabic and Cyrillic), drops apostrophes inside words
 * ("m'n" → "mn", "don't" → "dont") and shortens runs of three or more equal letters to two.
 */
export function foldText(text: string): string {
  return stripMarks(text.toLowerCase(), "all")
    .replace(FOLD_RE, (c) => FOLD[c] ?? c)
    .replace(/(\p{L})['’`ʼ]+(?=\p{L})/gu, "$1")
    // Zero-width joiners (Farsi "می‌خواهم") and the Arabic stretching stroke belong inside a word.
    .replace(/\u200c|\u200d|\u0640/gu, "")
    .replace(/(\p{L})\1{2,}/gu, "$1$1");
}

/**
 * Splits text into folded word tokens. Sentence and clause punctuation (. ! ? ; : and line breaks)
 * becomes a {@link BREAK} token, a comma a {@link SOFT_BREAK}, so an ordered phrase cannot be
 * pieced together from two sentences.
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

/**
 * Lower case, accents removed from Latin letters (é → e, ü → u), apostrophes dropped, everything
 * that is not a letter or digit turned into a single space. Cyrillic and Arabic letters stay.
 */
export function normalise(text: string, keepCase = false): string {
  let folded = keepCase ? text : text.toLowerCase();
  // Letters without a decomposition (Turkish ı, Polish ł) folded like accents: "yaşlı" = "yasli".
  if (/[ıłŁ]/.test(folded)) folded = folded.replace(/ı/g, "i").replace(/ł/g, "l").replace(/Ł/g, "L");
  // Arabic as people type it: hamza forms, ta marbuta and alef maksura folded; vowel marks and tatweel dropped.
  if (/[\u0600-\u06FF]/.test(folded)) {
    folded = folded.replace(/[أإآ]/g, "ا").replace(/ة/g, "ه").replace(/ى/g, "ي").replace(/[\u064B-\u065F\u0670\u0640]/g, "");
  }
  // Turkish writes case endings on names after an apostrophe ("Zeist'te", "Utrecht'ten"): the name stands alone.
  if (/['’]/.test(folded)) folded = folded.replace(/(\p{Lu}\p{L}*)['’](d[ae]n?|t[ae]n?|y?[ae]|[dt][ae]ki|n[iı]n|[iıuü]n)(?![\p{L}])/gu, "$1 $2");
  return stripMarks(folded, "latin")
    .replace(/['’`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The words of {@link normalise}d text. */
export function tokens(text: string): string[] {
  const n = normalise(text);
  return n === "" ? [] : n.split(" ");
}
