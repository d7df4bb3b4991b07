/**
 * Residents ask in their own language the way they type on a phone: dialect and everyday forms of
 * "I want", "is there", "where can I", "I'm looking for" (the language packs' askCues and seekCues,
 * knowledge/languages/listings/<code>.json) beside a need word make a listings question, without a
 * place. Thanks, greetings and questions about what a word means stay ordinary messages.
 */
import { describe, expect, it } from "vitest";
import { loadGazetteer } from "../../../src/listings/gazetteer.js";
import { loadListingsVocabulary } from "../../../src/listings/listings-vocabulary.js";
import { toLocal } from "../../../src/listings/local-calendar.js";
import { isListingsQuestion, understandQuestion } from "../../../src/listings/understand-question.js";
import { KNOWLEDGE_DIR, TUESDAY_MORNING } from "../../unit/listings/helpers.js";

const vocabulary = loadListingsVocabulary(KNOWLEDGE_DIR);
const gazetteer = loadGazetteer(KNOWLEDGE_DIR, []);
const now = toLocal(TUESDAY_MORNING, "Europe/Amsterdam");
const understand = (text: string) => understandQuestion(text, { vocabulary, gazetteer, now });

interface Cases {
  /** Need plus an everyday ask or seek form, no place: a search. */
  asks: string[];
  /** Thanks, greetings, a word's meaning: not a search. */
  not: string[];
}

const LANGUAGES: Record<string, Cases> = {
  ar: {
    asks: [
      "بدي اتعلم هولندي، في دروس؟", // Levantine
      "عايزة كورس هولندي", // Egyptian
      "ابغى نادي رياضي للبنات", // Gulf
      "واش كاين شي كورس ديال الهولندية؟", // Darija
      "عندي ديون كتير، وين بلاقي مساعدة؟",
      "هل فيه قعدة قهوة للستات؟",
      "قديش سعر دروس السباحة؟",
      "حابة اتعرف على ناس جدد",
    ],
    not: ["شكرا كتير، الله يعطيك العافية", "مرحبا، كيفك؟", "شو يعني كلمة toeslag؟", "ما معنى كلمة دروس؟"],
  },
  tr: {
    asks: ["Hollandaca kursu var mı acaba?", "çocuğum için yüzme dersi arıyorum", "borçlarım için yardım istiyom", "kadınlar için kahve sohbeti nerde"],
    not: ["çok teşekkür ederim", "merhaba nasılsınız", "\"borç\" ne demek?"],
  },
  pl: {
    asks: ["szukam kursu niderlandzkiego", "czy jest gdzieś basen dla dzieci?", "chcę poznać nowych ludzi, gdzie mogę pójść?", "mam długi, gdzie mogę dostać pomoc?"],
    not: ["dziękuję bardzo za pomoc", "cześć, co słychać?", "co znaczy słowo schuld?"],
  },
  uk: {
    asks: ["хочу вивчити нідерландську, де є курси?", "чи є десь басейн для дітей?", "шукаю де можна поспілкуватися за кавою", "маю борги, де знайти допомогу?"],
    not: ["дякую вам велике", "привіт, як справи?", "що означає слово toeslag?"],
  },
  ru: {
    asks: ["хочу выучить голландский, где есть курсы?", "ищу бассейн для ребенка", "где можно пообщаться за чаем?", "у меня долги, кто знает где помогут?"],
    not: ["спасибо большое", "привет, как дела?", "что значит слово toeslag?"],
  },
  fa: {
    asks: ["میخوام زبان هلندی یاد بگیرم، کلاس هست؟", "دنبال کلاس شنا برای بچه‌ها میگردم", "کجا میتونم با همسایه‌ها قهوه بخورم؟", "بدهی دارم، کجا کمک مالی هست؟"],
    not: ["خیلی ممنون", "سلام، حالتون چطوره؟", "کلمه toeslag یعنی چی؟"],
  },
  so: {
    asks: ["waxaan rabaa inaan barto af holandiga", "xaggee laga helaa casharro luqadda?", "ma jiraa koox dumarka oo shaah lagu cabbo?", "waxaan raadinayaa caawimaad deymaha"],
    not: ["mahadsanid aad iyo aad", "salaan, sidee tahay?", "waa maxay macnaha erayga toeslag?"],
  },
  ti: {
    asks: ["ሆላንድኛ ክመሃር እደሊ", "ኣበይ ኣሎ ክላስ ቋንቋ?", "ንቆልዑ ምሕንባስ ኣሎዶ?", "ዕዳ ኣሎኒ፡ ኣበይ ሓገዝ ክረክብ?"],
    not: ["የቐንየለይ", "ሰላም ከመይ ኣለኻ", "toeslag እንታይ ማለት እዩ?"],
  },
  es: {
    asks: ["quiero aprender holandés, hay clases?", "busco piscina para mis hijos", "alguien sabe dónde tomar un cafecito con gente nueva?", "tengo deudas, dónde puedo pedir ayuda?"],
    not: ["muchas gracias por todo", "hola, ¿qué tal?", "¿qué significa la palabra toeslag?"],
  },
  fr: {
    asks: [
      "je veux apprendre le néerlandais, y a des cours ?",
      "je cherche une piscine pour mes enfants",
      "vous connaissez un endroit pour prendre un café et rencontrer des gens ?",
      "j'ai des dettes, où trouver de l'aide ?",
    ],
    not: ["merci beaucoup", "salut, ça va ?", "que veut dire le mot toeslag ?"],
  },
  de: {
    asks: ["ich will Niederländisch lernen, gibts Kurse?", "ich suche ein Schwimmbad für meine Kinder", "kennt jemand einen Treff zum Kaffee trinken?", "ich habe Schulden, wo finde ich Hilfe?"],
    not: ["vielen Dank", "hallo, wie geht's?", "was heißt das Wort toeslag?"],
  },
  en: {
    asks: ["wanna learn dutch, any classes?", "do you know a swimming pool for my kids", "i'm looking for somewhere to have coffee and meet people", "got debts, where do i get help?", "how do i find dutch lessons"],
    not: ["thanks a lot!", "hi, how are you?", "what does the word toeslag mean?"],
  },
};

describe.each(Object.entries(LANGUAGES))("%s", (_language, cases) => {
  it.each(cases.asks)("reads %s as a listings question", (text) => {
    const q = understand(text);
    expect(isListingsQuestion(q), text).toBe(true);
    // No place in the message: the search asks where, so no word may be read as a place.
    expect(q.place, text).toBeUndefined();
  });

  it.each(cases.not)("does not read %s as a listings question", (text) => {
    expect(isListingsQuestion(understand(text)), text).toBe(false);
  });
});

describe("seek cues", () => {
  it.each([
    ["بدي اتعلم هولندي، في دروس؟", true],
    ["عايزة كورس هولندي", true],
    ["Hollandaca kursu arıyorum", true],
    ["szukam kursu niderlandzkiego", true],
    ["шукаю курси нідерландської", true],
    ["ищу курсы голландского", true],
    ["دنبال کلاس زبان میگردم", true],
    ["waxaan raadinayaa casharro luqadda", true],
    ["ሆላንድኛ ክመሃር እደሊ", true],
    ["busco clases de holandés", true],
    ["je cherche des cours de néerlandais", true],
    ["ich suche einen Sprachkurs", true],
    ["wanna learn dutch", true],
    // A topic named, without "I want" or "where": no search said.
    ["دروس اللغة الهولندية", false],
    ["Hollandaca kursu", false],
  ])("%s → seeking %s", (text, seeking) => {
    expect(understand(text).seeking).toBe(seeking);
  });

  it("keeps a bare preposition from asking: Arabic في (in) alone is no cue", () => {
    expect(understand("دروس في الهولندي").ask).toBe(false);
  });

  it("reads no ask or seek word as a misspelled place name", () => {
    for (const text of ["kadınlar için kahve sohbeti nerde", "ich habe Schulden, wo finde ich Hilfe?", "kennt jemand einen Treff zum Kaffee trinken?"]) {
      expect(understand(text).place, text).toBeUndefined();
    }
  });
});
