import { describe, expect, it } from "vitest";
import { copiedIntoLexicon, firstTier } from "./safety-sets.js";
import { knowledgeDir, safety } from "./safety-fixture.js";

/**
 * Round 6, precision: messages that got the wrong safety reply, written for this file (never copied into
 * a lexicon). A bystander telling of violence between others gets Veilig Thuis, not 113; a physical
 * limitation, reading and letters, a fire that is out or asked about, and dying in a game are ordinary;
 * homesickness, an empty house after a death and empty days after retirement get the concern reply,
 * unless the message asks something concrete.
 */

const tier = (text: string) => firstTier(safety.assess(text));

/** Violence between others, told by a neighbour, relative or friend: Veilig Thuis (the unsafe_home tier). */
export const bystanderViolence = [
  "ik hoor de buurman zijn vrouw slaan, ze huilt steeds, wat moet ik doen",
  "de buurman slaat zijn kinderen denk ik, wat kan ik doen",
  "de bovenbuurman mishandelt de kinderen, zij huilt, wat moet ik doen",
  "ik maak me zorgen om mijn vriendin, haar man slaat haar",
  "de buurman slaat zijn vrouw, ik kan er niet meer van slapen",
  "mijn zwager mishandelt zijn vriendin, ik wil dat het ophoudt",
  "de bovenburen vechten weer, ik hoor de kinderen huilen",
  "the man upstairs is beating his wife, she is crying, what do I do",
  "my sister's husband beats her, how can I help her",
  "my neighbour beats his kids, I can't sleep because of it",
  "جاري يضرب زوجته، أسمعها تبكي، ماذا أفعل",
  "أظن أن الجار يضرب أولاده",
  "komşum karısını dövüyor, duvardan duyuyorum, ne yapmalıyım",
  "chyba sąsiad bije swoje dzieci",
  "думаю, сосед бьёт своих детей",
  "мені здається, сусід б'є своїх дітей",
  "فکر کنم همسایه بچه‌هایش را می‌زند",
  "waxaan u maleynayaa in deriskaygu carruurtiisa garaaco",
  "ጎረቤተይ ንቆልዑቱ ይወቕዕ ይመስለኒ",
  "el vecino pega a su mujer, la oigo llorar, qué hago",
  "je crois que le voisin bat ses enfants",
  "der Nachbar schlägt seine Frau, ich höre sie weinen, was soll ich tun",
];

/** Physical limitations: practical (Wmo, aids), never a crisis and never the concern reply. */
export const physicalLimits = [
  "ik kom de trap niet meer op sinds mijn operatie en slaap nu op de bank, kan de gemeente een traplift betalen",
  "ik hou het traplopen niet meer vol",
  "mijn vader kan niet meer opstaan uit zijn stoel, hoe vraag ik een hulpmiddel aan",
  "mijn moeder kan niet meer alleen douchen, wie helpt",
  "ik kan niet meer fietsen door mijn knie, is er vervoer",
  "I can't climb the stairs any more since my surgery, can the council pay for a stairlift",
  "my mum can't get out of bed on her own any more",
  "artık merdiven çıkamıyorum ameliyattan beri",
  "я больше не могу подниматься по лестнице после операции",
  "ma awoodo inaan jaranjarada fuulo mar dambe",
  "دیگر نمی‌توانم از پله‌ها بالا بروم",
  "ya no puedo subir las escaleras desde la operación",
  "ich komme die Treppe nicht mehr hoch seit der Operation",
];

/** Reading and letters: practical, no concern reply. */
export const literacy = [
  "ik kan niet zo goed lezen, wie kan mij helpen met formulieren",
  "ik kan niet goed lezen, ik begrijp de brieven niet",
  "ik snap niks van de brieven, ik kom er niet uit",
  "I can't read well and I don't understand my letters",
  "mektupları anlamıyorum, okumayı iyi bilmiyorum",
  "я не понимаю письма, плохо читаю",
  "я не розумію листи, погано читаю",
  "no entiendo las cartas, me cuesta leer",
  "لا أفهم الرسائل، لا أعرف القراءة جيدا",
];

/** A fire that is out, past or in the news, and fire-safety questions: not acute. */
export const pastFires = [
  "de brand in de flat is geblust, mogen de bewoners terug",
  "er was gisteren brand in onze straat, hoe gaat het met de bewoners",
  "de brand is uit, de brandweer is weg, wie helpt met schoonmaken",
  "gisteren was er een brand in het buurthuis, gaat de koffieochtend door",
  "wat moet ik doen bij brand in mijn flat, is er een vluchtplan",
  "the fire in the flat has been put out, can people go back",
  "there was a fire in our street last week, is there help for the families",
  "le feu dans l'immeuble est éteint, les habitants peuvent rentrer",
  "el incendio del edificio ya está apagado",
  "pożar w bloku został ugaszony",
  "пожар в доме потушен, жители могут вернуться",
  "пожежу в будинку загасили",
];

/** Dying or killed in a game: ordinary in every language. */
export const gameDeaths = [
  "my kid keeps dying in minecraft, is there a gaming club",
  "mijn zoon gaat steeds dood in fortnite, is er een gameclub",
  "ik ga steeds dood in dat spel, level 5 is te moeilijk",
  "I keep getting killed in the game, any gaming nights",
  "mon fils meurt tout le temps dans le jeu",
  "mein Sohn stirbt ständig in Minecraft, gibt es einen Gaming-Club",
  "oğlum oyunda sürekli ölüyor, oyun kulübü var mı",
  "ابني يموت دائما في اللعبة، هل يوجد نادي ألعاب",
];

/** Homesickness, an empty house after a death, empty days after retirement: the concern reply. */
export const heavyFeelings = [
  "ik heb zo'n heimwee naar mijn land",
  "ik mis mijn familie zo, ik kan hier niet wennen",
  "sinds mijn man is overleden is het huis zo leeg",
  "sinds mijn pensioen weet ik niet wat ik met mijn dagen moet",
  "ik ben met pensioen en zit de hele dag binnen",
  "I'm homesick all the time",
  "since I retired I don't know what to do with my days",
  "البيت فارغ منذ وفاة زوجي",
  "منذ التقاعد لا أعرف ماذا أفعل بأيامي",
  "أجلس في البيت طوال اليوم منذ التقاعد",
  "на пенсії я не знаю, що робити з днями",
  "будинок такий порожній після смерті чоловіка",
  "la casa está vacía desde que murió mi marido",
  "desde que me jubilé no sé qué hacer con mis días",
  "extraño mucho a mi familia, no me acostumbro aquí",
];

/** The same subjects with a concrete question, and everyday look-alikes: no safety reply at all. */
export const lookAlikes = [
  "ik mis mijn familie, is er een taalcafé waar ik mensen kan ontmoeten?",
  "sinds mijn pensioen zoek ik vrijwilligerswerk, waar kan ik terecht?",
  "I miss my family, how do I apply for family reunification",
  "ik ga over tien dagen met pensioen, wat regel ik voor mijn AOW?",
  "mijn zoon slaat de bal over het hek, wie heeft een ladder",
  "de klok slaat twaalf en dan begint de markt",
  "my dad beats me at chess every sunday",
  "ik wil een rookmelder, krijg ik die gratis van de gemeente",
  "waar kan ik een brandblusser kopen",
  "hoe test ik mijn rookmelder, hij piept",
  "how do I get a free smoke alarm",
  "ik ben laaggeletterd, waar kan ik leren lezen",
  "ik kan niet meer lopen zonder rollator",
  "I can't walk anymore without a frame",
  "I can't shower on my own anymore",
  "is there a gaming club for kids in the neighbourhood",
];

/** Real signals that these precision fixes must leave alone. */
export const stillSignals: Array<[string, ReturnType<typeof tier>]> = [
  ["er is brand in onze flat en ik kan er niet uit", "acute"],
  ["the flat is on fire, we are trapped", "acute"],
  ["mijn moeder is gevallen en kan niet opstaan", "acute"],
  ["ik hoor een vrouw gillen hiernaast, help, hij vermoordt haar", "acute"],
  ["ik kan niet meer, ik wil slapen en nooit meer wakker worden", "suicide"],
  ["mijn man slaat me", "unsafe_home"],
  ["ik voel me zo alleen sinds mijn vrouw is overleden", "concern"],
];

describe("round 6 precision", () => {
  it("are never copied into a lexicon", () => {
    const all = [...bystanderViolence, ...physicalLimits, ...literacy, ...pastFires, ...gameDeaths, ...heavyFeelings, ...lookAlikes];
    expect(copiedIntoLexicon(knowledgeDir, all)).toEqual([]);
  });

  it("violence between others gets Veilig Thuis, never the suicide tier", () => {
    expect(bystanderViolence.filter((t) => tier(t) !== "unsafe_home")).toEqual([]);
  });

  it("physical limitations, reading and letters get no safety reply", () => {
    expect([...physicalLimits, ...literacy].filter((t) => tier(t) !== undefined)).toEqual([]);
  });

  it("a fire that is out, past or asked about is not acute", () => {
    expect(pastFires.filter((t) => tier(t) !== undefined)).toEqual([]);
  });

  it("dying in a game gets no safety reply", () => {
    expect(gameDeaths.filter((t) => tier(t) !== undefined)).toEqual([]);
  });

  it("homesickness, an empty house and empty days after retirement get the concern reply", () => {
    expect(heavyFeelings.filter((t) => tier(t) !== "concern")).toEqual([]);
  });

  it("look-alikes and concrete questions get no safety reply", () => {
    expect(lookAlikes.filter((t) => tier(t) !== undefined)).toEqual([]);
  });

  it("real signals keep their tier", () => {
    expect(stillSignals.filter(([t, want]) => tier(t) !== want).map(([t]) => `${t} → ${tier(t)}`)).toEqual([]);
  });
});
