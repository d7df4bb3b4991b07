/**
 * The language a script points to, for a reply while no language detector is configured: a message in
 * Arabic script that matched only a Latin-script name ("ما هو Veilig Thuis؟") should still get Arabic.
 * Only scripts that point to one of the bot's languages are named; Latin script says nothing.
 */

const PERSIAN_LETTERS = /[پچژگیک]/u;
const UKRAINIAN_LETTERS = /[іїєґІЇЄҐ]|(?:^|[^\p{L}])(?:що|мені|мене|як|це)(?:$|[^\p{L}])/iu;
/** Fewer letters than this in a script (or under a quarter of all) are a stray word, not the message's language. */
const MIN_SCRIPT_LETTERS = 3;

/**
 * `ar`, `fa`, `uk`, `ru`, `ti` when a few words are in that script (names of Dutch services are often typed in
 * Latin letters inside such a message); undefined for Latin-script text.
 */
export function scriptLanguage(text: string): string | undefined {
  let arabic = 0;
  let cyrillic = 0;
  let ethiopic = 0;
  let letters = 0;
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    letters++;
    if (/\p{Script=Arabic}/u.test(char)) arabic++;
    else if (/\p{Script=Cyrillic}/u.test(char)) cyrillic++;
    else if (/\p{Script=Ethiopic}/u.test(char)) ethiopic++;
  }
  const most = Math.max(arabic, cyrillic, ethiopic);
  if (letters === 0 || most < MIN_SCRIPT_LETTERS || most * 4 < letters) return undefined;
  if (arabic === most) return PERSIAN_LETTERS.test(text) ? "fa" : "ar";
  if (cyrillic === most) return UKRAINIAN_LETTERS.test(text) ? "uk" : "ru";
  return "ti";
}

/** True when `lang` is written in the script {@link scriptLanguage} found (so the phrase language can stay). */
export function sameScript(lang: string, script: string): boolean {
  const group = (l: string) => (l === "ar" || l === "fa" ? "arabic" : l === "uk" || l === "ru" ? "cyrillic" : l === "ti" ? "ethiopic" : "latin");
  return group(lang) === group(script);
}
