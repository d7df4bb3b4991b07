/** Arabic-script clitics that join the next word: و (and), ف (so), ب (with), ل / لل (for), ك (like), ال (the). */
const CLITICS = /^(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)?/u;

/**
 * An Arabic-script word without the clitics joined onto it ("وما فهمت", "للولاد", "والرياضه"): the bare word
 * when `isKnown` knows it, else the bare word with the article when `isKnownWithArticle` knows that. Undefined
 * for other words.
 */
export function withoutArabicClitics(
  word: string,
  isKnown: (form: string) => boolean,
  isKnownWithArticle: (form: string) => boolean = isKnown,
): string | undefined {
  if (!/\p{Script=Arabic}/u.test(word)) return undefined;
  const bare = word.replace(CLITICS, "");
  if (bare.length < 2 || bare === word) return undefined;
  if (isKnown(bare)) return bare;
  const withArticle = `ال${bare}`;
  return isKnownWithArticle(withArticle) ? withArticle : undefined;
}
