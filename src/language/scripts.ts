/**
 * Languages told apart by their letters: the script decides on a single word, where n-grams cannot.
 * Ukrainian and Russian share Cyrillic but not all letters; Farsi/Dari and Arabic share a script
 * but Persian has letters Arabic lacks; Tigrinya and Amharic share Ge'ez.
 */

const UKRAINIAN_LETTERS = /[іїєґ]/giu;
const RUSSIAN_LETTERS = /[ыэъё]/giu;
/** Words that are Ukrainian or Russian in spelling, for Cyrillic text without the telling letters. */
const UKRAINIAN_WORDS = new Set("що як де коли чому мені мене мій моя моє ми ви вони він вона це так ні дякую будь ласка привіт допомога допомогу потрібна потрібно хочу шукаю можна можу уроки мови курси завтра сьогодні безкоштовно діти дітей люди люди та або але тут там дуже з із від для є немає розумію знаю".split(" "));
const RUSSIAN_WORDS = new Set("что как где когда почему мне меня мой моя моё мы вы они он она это да нет спасибо пожалуйста привет помощь помощи нужна нужно хочу ищу можно могу уроки языка курсы завтра сегодня бесплатно дети детей люди и или но тут там очень с от для есть нет понимаю знаю".split(" "));
/** Infinitives: Russian ends them in -ть/-ться, Ukrainian in -ти/-тися. */
const RUSSIAN_INFINITIVE = /ть(ся)?$/u;
const UKRAINIAN_INFINITIVE = /[^с]ти(ся)?$/u;
/** Persian words written without the letters only Persian has. */
const PERSIAN_WORDS = new Set("ممنون مرسی خوبم خوبی هست نیست است".split(" "));

/** Letters only Persian writes (پ چ ژ گ, Persian yeh and keheh). */
const PERSIAN_LETTERS = /[\u067E\u0686\u0698\u06AF\u06CC\u06A9]/gu;
/** Letters Persian does not use (ta marbuta, alef maksura, Arabic yeh and kaf). */
const ARABIC_LETTERS = /[\u0629\u0649\u064A\u0643]/gu;

/** Frequent Amharic words and letters Tigrinya rarely writes; Tigrinya is the default (Eritrean newcomers). */
const AMHARIC_MARKERS = /(ነው|እኔ|ይህ|እንዴት|የት|አለ|ምን ያህል|እፈልጋለሁ|ነኝ)/u;
const TIGRINYA_MARKERS = /(እየ|ኣሎ|እዩ|ናይ|ኣለኹ|ደልየ|ከመይ|ኣበይ|ሓገዝ)/u;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * The language a non-Latin script shows, or undefined for Latin text (or too few letters of another
 * script to tell). Mixed text goes by the script with the most letters.
 */
export function scriptLanguage(text: string): string | undefined {
  const arabic = count(text, /\p{Script=Arabic}/gu);
  const cyrillic = count(text, /\p{Script=Cyrillic}/gu);
  const ethiopic = count(text, /\p{Script=Ethiopic}/gu);
  const latin = count(text, /\p{Script=Latin}/gu);
  const greek = count(text, /\p{Script=Greek}/gu);
  const han = count(text, /\p{Script=Han}/gu);
  const best = Math.max(arabic, cyrillic, ethiopic, greek, han);
  // A few words in another script decide even beside Dutch terms ("ما هي sociale basis؟"): Dutch
  // residents do not write Arabic or Cyrillic words; a single stray letter does not count.
  if (best === 0 || (best < latin && best < 3)) return undefined;
  if (best === arabic) return arabicLanguage(text);
  if (best === cyrillic) return cyrillicLanguage(text);
  if (best === ethiopic) return AMHARIC_MARKERS.test(text) && !TIGRINYA_MARKERS.test(text) ? "am" : "ti";
  if (best === greek) return "el";
  return "zh";
}

function cyrillicLanguage(text: string): string {
  const uk = count(text, UKRAINIAN_LETTERS);
  const ru = count(text, RUSSIAN_LETTERS);
  if (uk !== ru) return uk > ru ? "uk" : "ru";
  let ukWords = 0;
  let ruWords = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}']+/u)) {
    if (UKRAINIAN_WORDS.has(word) || (word.length > 4 && UKRAINIAN_INFINITIVE.test(word))) ukWords++;
    if (RUSSIAN_WORDS.has(word) || (word.length > 4 && RUSSIAN_INFINITIVE.test(word))) ruWords++;
  }
  // Without a telling letter or word, Ukrainian: most Cyrillic-writing newcomers in Dutch towns are Ukrainian.
  return ruWords > ukWords ? "ru" : "uk";
}

function arabicLanguage(text: string): string {
  const persian = count(text, PERSIAN_LETTERS) + text.split(/\s+/).filter((w) => PERSIAN_WORDS.has(w)).length * 2;
  return persian > count(text, ARABIC_LETTERS) ? "fa" : "ar";
}
