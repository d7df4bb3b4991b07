import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CrisisKind } from "../../../src/core/ports.js";
import { loadSafetyLexicons } from "../../../src/safety/lexicons.js";
import { createSafetyCheckFromLexicons } from "../../../src/safety/safety-check.js";
import { knowledgeDir, safety } from "./safety-fixture.js";

/**
 * Coercive control and abuse without a word for hitting (Veilig Thuis), and heart-attack signs and
 * negated emergency signs in colloquial Arabic (112). Written for this test, before the phrases that
 * now find them; never copy one of these sentences into a lexicon (checked below).
 */

const violence: string[] = [
  "mijn vriend leest elke avond al mijn berichten en ik mag mijn familie niet meer zien",
  "mijn man bepaalt alles, ik krijg geen geld en ik ben doodsbang voor hem",
  "ze controleert mijn mobiel en verbiedt me om met vriendinnen af te spreken",
  "mijn ex staat steeds weer voor de deur en zegt dat hij me altijd zal vinden",
  "sinds de scheiding volgt mijn ex-man me overal naartoe",
  "mijn broer pakt het pensioen van mijn vader af en pa heeft geen eten in huis",
  "hij houdt me binnen opgesloten als hij naar zijn werk gaat",
  "mijn schoonmoeder dreigt dat ik teruggestuurd word naar mijn land",
  "mijn man zegt dat hij de kinderen afpakt als ik wegga",
  "my boyfriend goes through my phone and won't let me see my friends",
  "my husband takes all my wages and I'm scared of what he'll do",
  "my ex keeps turning up outside my flat and says he will always find me",
  "my son took my mum's pension card and she has nothing to eat",
  "kocam telefonumu kontrol ediyor, ailemle görüşmemi yasaklıyor",
  "eski kocam sürekli kapıma geliyor, beni her yerde bulacağını söylüyor",
  "zawsze sprawdza mój telefon i nie pozwala mi wychodzić z domu",
  "mój były ciągle mnie śledzi i grozi mi",
  "زوجي يفتش تلفوني وما بيخليني اطلع من البيت",
  "طليقي يلاحقني في كل مكان ويقول انه سيجدني دائما",
  "чоловік забирає всі гроші і не дозволяє мені бачитися з родиною",
  "бывший муж постоянно преследует меня и угрожает",
  "شوهرم گوشی‌ام را چک می‌کند و نمی‌گذارد از خانه بیرون بروم",
  "mi pareja me revisa el móvil y me prohíbe ver a mi familia",
  "mon copain fouille mon téléphone et m'interdit de voir mes amies",
  "mein Mann kontrolliert mein Handy und verbietet mir, meine Familie zu sehen",
  "mein Ex-Freund verfolgt mich und droht mir",
];

const danger: string[] = [
  "mijn vader heeft een drukkend gevoel op zijn borst en pijn in zijn linkerarm",
  "mijn man zweet enorm en zegt dat zijn borst heel strak voelt",
  "i've got a crushing pressure in my chest and my left arm is aching",
  "my dad's chest feels really tight and he's sweating a lot",
  "annem göğsünde baskı hissediyor ve kolu ağrıyor",
  "göğsüm sıkışıyor, sol kolum uyuşuyor",
  "mój tata ma ucisk w klatce i drętwieje mu ręka",
  "у отца давит в груди и немеет рука",
  "mi padre tiene presión en el pecho y le duele el brazo",
  "j'ai une oppression dans la poitrine et mal au bras gauche",
  "mein Vater hat ein Engegefühl in der Brust und Schmerzen im Arm",
  "أمي وقعت وما عم ترد علي",
  "ابوي طاح ومش قادر يحكي",
  "الدم ما عم يوقف من ايده",
];

const ordinary: string[] = [
  "mijn man regelt bij ons de geldzaken, dat vind ik prima",
  "mijn ex haalt de kinderen op vrijdag op bij school",
  "mijn zoon helpt mijn moeder met haar pensioenaanvraag",
  "mijn vrouw zoekt op mijn telefoon de route naar het buurthuis op",
  "mijn vriend controleert of de deur op slot is voor we gaan slapen",
  "mijn dochter beheert de bankzaken van opa sinds zijn beroerte",
  "mijn ex komt zaterdag langs om de spullen op te halen",
  "my husband handles our bills and budgeting",
  "my ex picks up the kids every other weekend",
  "my sister checks my phone for updates because I'm bad with tech",
  "he didn't answer my email about the meeting",
  "the tap keeps dripping and won't stop",
  "my chest is tight after running, is there a sports coach for beginners?",
  "eşim telefonumda hava durumuna bakıyor",
  "oğlum annemin emekli maaşı işlerine yardım ediyor",
  "mój mąż zajmuje się naszymi finansami",
  "ما رد على ايميلي لليوم",
  "الحنفية ما عم توقف تنقط",
  "мій син допомагає бабусі з пенсією",
  "mi ex recoge a los niños los viernes",
  "mon mari s'occupe des comptes de la maison",
  "mein Mann kümmert sich um unsere Finanzen",
  "ik voel een strak gevoel in mijn armen na het sporten",
  "mijn vader heeft last van zijn arm na de griepprik",
];

const lists = createSafetyCheckFromLexicons(loadSafetyLexicons(knowledgeDir));
const kindOf = (text: string): CrisisKind | undefined => safety.assess(text).crisis;

describe("coercive control, stalking, financial abuse and heart-attack signs", () => {
  it("are never copied into a lexicon", () => {
    const lexicon = ["crisis", "concern", "broad-net"].map((f) => readFileSync(`${knowledgeDir}/safety/${f}.json`, "utf8").toLowerCase()).join("\n");
    const copied = [...violence, ...danger, ...ordinary].filter((t) => t.split(/\s+/).length >= 4 && lexicon.includes(`"${t.toLowerCase()}"`));
    expect(copied).toEqual([]);
  });

  it("coercive control and abuse without a word for hitting get Veilig Thuis (or 112) in ≥ 85%", () => {
    const found = violence.filter((t) => ["violence", "danger"].includes(kindOf(t) ?? ""));
    expect(found.length / violence.length).toBeGreaterThanOrEqual(0.85);
  });

  it("heart-attack signs and negated emergency signs get 112 first in ≥ 85%", () => {
    const found = danger.filter((t) => kindOf(t) === "danger");
    expect(found.length / danger.length).toBeGreaterThanOrEqual(0.85);
  });

  it("ordinary look-alikes raise no crisis from the lists", () => {
    expect(ordinary.filter((t) => lists.assess(t).crisis)).toEqual([]);
  });

  it("ordinary look-alikes raise at most one crisis with the classifier (it reads 'my husband handles our bills' as acute)", () => {
    expect(ordinary.filter((t) => kindOf(t)).length).toBeLessThanOrEqual(1);
  });
});
