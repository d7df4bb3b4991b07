/**
 * Residents who write their own language, in everyday wording (colloquial Arabic of the Levant, Egypt and
 * Morocco, and other languages of newcomers): the listing need must be read from key words, and an acute
 * emergency must get 112 first. These sentences were written before the word lists were broadened, from
 * how people talk, not from the lists; they are never copied into knowledge/.
 */
import { describe, expect, it } from "vitest";
import { loadGazetteer } from "../../../src/listings/gazetteer.js";
import type { Audience, Category } from "../../../src/listings/listing-model.js";
import { loadListingsVocabulary } from "../../../src/listings/listings-vocabulary.js";
import { toLocal } from "../../../src/listings/local-calendar.js";
import { understandQuestion } from "../../../src/listings/understand-question.js";
import { KNOWLEDGE_DIR, TUESDAY_MORNING } from "../listings/helpers.js";
import { safety } from "../safety/safety-fixture.js";

const vocabulary = loadListingsVocabulary(KNOWLEDGE_DIR);
const gazetteer = loadGazetteer(KNOWLEDGE_DIR, []);
const now = toLocal(TUESDAY_MORNING, "Europe/Amsterdam");
const understand = (text: string) => understandQuestion(text, { vocabulary, gazetteer, now });

const NEEDS: Array<[string, Category]> = [
  // Levantine, Egyptian and Moroccan Arabic
  ["بدي مكان فيه اكل ببلاش لعيلتي", "eten-en-koken"],
  ["في جمعية بتوزع اكل هون؟", "eten-en-koken"],
  ["عايز اعرف فين في اكل رخيص", "eten-en-koken"],
  ["بغيت شي بلاصة فيها الماكلة بلا فلوس", "eten-en-koken"],
  ["في لقاء للستات قريب مني؟", "ontmoeting"],
  ["بدي روح على تجمع للنسوان", "ontmoeting"],
  ["ابني محتاج مساعدة في الواجب المدرسي", "taal-en-leren"],
  ["مين بيساعد الولاد بالوظايف؟", "taal-en-leren"],
  ["بغيت نتعلم الهولندية", "taal-en-leren"],
  ["بدي اتعلم هولندي وين في كورس", "taal-en-leren"],
  ["جاني جواب من البلدية ومش فاهمه", "geldzaken"],
  ["محتاج حد يساعدني في الورق بتاع الضرايب", "geldzaken"],
  ["عليا ديون كتير ومش عارف اعمل ايه", "geldzaken"],
  ["حاسس حالي لحالي وبدي اتعرف على ناس", "ontmoeting"],
  ["بدي اعمل رياضة بس ما معي مصاري", "sport-en-bewegen"],
  ["بدور على دكتور يحكي عربي", "gezondheid-en-welzijn"],
  ["بغيت نلقى شي دار للكرا", "klussen-en-wonen"],
  // Turkish
  ["ucuz yemek nerede bulabilirim", "eten-en-koken"],
  ["kadınlar için bir buluşma var mı", "ontmoeting"],
  ["çocuğum için ödev yardımı arıyorum", "taal-en-leren"],
  ["hollandaca kursu arıyorum", "taal-en-leren"],
  ["belediyeden gelen mektubu anlamadım", "geldzaken"],
  // Polish
  ["gdzie mogę dostać darmowe jedzenie", "eten-en-koken"],
  ["szukam pomocy w odrabianiu lekcji dla syna", "taal-en-leren"],
  ["kurs niderlandzkiego dla początkujących", "taal-en-leren"],
  ["potrzebuję pomocy z pismem z urzędu", "geldzaken"],
  // Ukrainian
  ["де можна безкоштовно поїсти", "eten-en-koken"],
  ["зустрічі для жінок поруч", "ontmoeting"],
  ["допомога з домашнім завданням для дитини", "taal-en-leren"],
  ["курси нідерландської мови", "taal-en-leren"],
  ["допоможіть заповнити папери", "geldzaken"],
  // Russian
  ["где бесплатно раздают продукты", "eten-en-koken"],
  ["мне одиноко, хочу познакомиться с людьми", "ontmoeting"],
  ["помощь с уроками для ребёнка", "taal-en-leren"],
  ["нужна помощь с письмами из налоговой", "geldzaken"],
  // Farsi / Dari
  ["کجا غذای مجانی میدن", "eten-en-koken"],
  ["جلسه برای خانم‌ها هست؟", "ontmoeting"],
  ["کلاس زبان هلندی میخوام", "taal-en-leren"],
  ["کمک برای تکالیف بچه‌ها", "taal-en-leren"],
  // Somali, Tigrinya
  ["halkee laga helaa cunto bilaash ah", "eten-en-koken"],
  ["kulan haweenka ma jiraa", "ontmoeting"],
  ["fasalka luqadda nederlandka", "taal-en-leren"],
  ["ናይ ምግቢ ሓገዝ ኣበይ ይርከብ", "eten-en-koken"],
  ["ትምህርቲ ቋንቋ ሆላንድ", "taal-en-leren"],
  // English, Spanish, French
  ["any cheap dinners around here", "eten-en-koken"],
  ["help with my kid's homework", "taal-en-leren"],
  ["someone to help me with letters from the council", "geldzaken"],
  ["dónde hay comida gratis", "eten-en-koken"],
  ["clases de holandés", "taal-en-leren"],
  ["ayuda con los papeles del ayuntamiento", "geldzaken"],
  ["où trouver une épicerie solidaire", "eten-en-koken"],
  ["aide aux devoirs pour mon fils", "taal-en-leren"],
  ["un groupe de femmes pour discuter", "ontmoeting"],
  ["I'm over 70 and want to exercise a bit", "sport-en-bewegen"],
];

const WHO: Array<[string, Audience]> = [
  ["في نشاط للختيارية؟", "ouderen"],
  ["yaşlılar için etkinlik", "ouderen"],
  ["заняття для людей похилого віку", "ouderen"],
];

const EMERGENCIES: string[] = [
  // Arabic (Levantine, Egyptian, Moroccan)
  "صدري عم يضغط عليي وايدي بتوجعني",
  "في وجع جامد في صدري ودراعي",
  "وقع ع الارض وما عم يرد",
  "ابويا وقع ومش بيرد عليا",
  "بنتي بلعت دوا كتير",
  "ما عم يتنفس",
  "وشها مال ومش قادرة تتكلم",
  "الدم مش عايز يوقف",
  "النار ولعت في الشقة",
  "طاح وما بقاش كيجاوب",
  "ولدي بلع الدوا ديالي",
  // Ukrainian
  "давить у грудях і болить рука",
  "він впав і не відповідає",
  "дитина наковталася таблеток",
  "вона не дихає",
  // Russian
  "жмёт в груди и рука отнимается",
  "упал и не реагирует",
  "ребёнок съел таблетки",
  "у него перекосило лицо",
  "квартира горит",
  // Turkish, Polish
  "göğsüm sıkışıyor kolum ağrıyor",
  "yere düştü cevap vermiyor",
  "çocuk ilaç yuttu",
  "ściska mnie w klatce i boli ręka",
  "upadł i nie odpowiada",
  "dziecko połknęło tabletki",
  // Farsi, Somali
  "قفسه سینه‌ام فشار میاد و دستم درد میکنه",
  "افتاد زمین و جواب نمیده",
  "بچه قرص خورده",
  "laabta ayaa i xanuunaysa gacantana",
  "wuu dhacay mana jawaabayo",
  // English, Spanish, French, German
  "my chest feels tight and my left arm is numb",
  "grandpa collapsed and won't wake up",
  "the toddler got into the pills",
  "her face is drooping and she can't talk properly",
  "me aprieta el pecho y me duele el brazo",
  "se desmayó y no responde",
  "mi hijo se tomó unas pastillas",
  "ça me serre dans la poitrine",
  "il est tombé et ne répond plus",
  "mon bébé a avalé des médicaments",
  "Druck auf der Brust und mein Arm tut weh",
  "er ist umgekippt und reagiert nicht",
  "mein Kind hat Tabletten geschluckt",
];

/** Everyday sentences close to the emergency words: never 112. */
const ORDINARY: string[] = [
  "الموظف ما رد على الايميل تبعي",
  "de gemeente reageert niet op mijn brief",
  "he doesn't answer my emails",
  "belediye mektubuma cevap vermiyor",
  "urząd nie odpowiada na moje pismo",
  "la mairie ne répond pas à mes lettres",
  "my arm hurts from gardening, is there a physio group?",
  "بدي مكان اعمل فيه رياضة للصدر",
  "kochen auf offenem Feuer im Garten",
];

/** Everyday sentences the classifier (second net) still reads as acute: known false alarms, kept visible. */
const KNOWN_CLASSIFIER_FALSE_ALARMS: string[] = [
  "моя дитина п'є вітаміни щодня",
];

function rate<T>(items: T[], ok: (item: T) => boolean): { rate: number; misses: T[] } {
  const misses = items.filter((i) => !ok(i));
  return { rate: (items.length - misses.length) / items.length, misses };
}

describe("own-language listing needs", () => {
  it("reads the need from everyday words in many languages", () => {
    const r = rate(NEEDS, ([text, category]) => understand(text).categories.includes(category));
    console.log(`needs: ${Math.round(r.rate * 100)}% of ${NEEDS.length}; missed:`, r.misses);
    expect(r.rate).toBeGreaterThanOrEqual(0.9);
  });

  it.each(WHO)("%s → %s", (text, audience) => {
    expect(understand(text).audiences).toContain(audience);
  });
});

describe("own-language acute danger", () => {
  it("gives 112 first for colloquial emergencies", () => {
    const r = rate(EMERGENCIES, (text) => safety.assess(text).crisis === "danger");
    console.log(`emergencies: ${Math.round(r.rate * 100)}% of ${EMERGENCIES.length}; missed:`, r.misses);
    // Before phrases were added for these wordings: 31/44 (70%); after: see the commit. Raise the floor as the lists grow.
    expect(r.rate).toBeGreaterThanOrEqual(0.85);
  });

  it.each(ORDINARY)("no crisis: %s", (text) => {
    expect(safety.assess(text).crisis).toBeUndefined();
  });

  // it.fails: turns red once the classifier is fixed, so the sentence can move to ORDINARY.
  it.fails.each(KNOWN_CLASSIFIER_FALSE_ALARMS)("known false alarm (classifier): %s", (text) => {
    expect(safety.assess(text).crisis).toBeUndefined();
  });
});
