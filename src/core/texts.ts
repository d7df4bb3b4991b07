import type { CrisisKind, SafetyAssessment } from "./ports.js";
import { catalog, fill } from "./text-catalog.js";

/**
 * Everything the core says to a resident or worker, in the resident's language. The words are
 * data (`knowledge/texts/<code>.json`, Dutch at B1 level the reference); this file only puts
 * them together.
 */
function buildTexts(language: string) {
  const c = catalog(language).core;
  return {
    welcome: fill(c.welcome, {}, "\n\n"),
    help: fill(c.help),
    privacy: (retentionDays: number) => fill(c.privacy, { days: retentionDays }),
    forgetConfirm: c.forgetConfirm,
    forgetDone: c.forgetDone,
    forgetCancelled: c.forgetCancelled,
    feedbackThanks: c.feedbackThanks,
    feedbackDownThanks: c.feedbackDownThanks,
    empty: c.empty,
    unsupported: c.unsupported,
    locationSaved: c.locationSaved,
    tooLong: c.tooLong,
    outOfScope: c.outOfScope,
    notSure: c.notSure,
    /** The same "not sure" right after the last one: never the same question twice in a row. */
    notSureAgain: c.notSureAgain,
    /** "Not sure" for a question about what one gemeente decides: that it does, how to reach it, and a person. */
    notSureLocal: (contact: string) => fill(c.notSureLocal, { contact }),
    answerIntro: { resident: c.answerIntroResident, professional: c.answerIntroProfessional },
    /** Said above Dutch source text quoted to someone who wrote in another language. */
    dutchSources: c.dutchSources,
    sourcesLabel: c.sourcesLabel,
    error: c.error,
    noHandoff: (contact: string) => fill(c.noHandoff, { contact }),
    buttons: { person: c.buttons.person, up: "👍", down: "👎", forgetYes: c.buttons.forgetYes, forgetNo: c.buttons.forgetNo },
    /** A bare "help me": a kind question back, and a second, different one if it comes again. */
    helpQuestion: c.helpQuestion,
    helpQuestionAgain: c.helpQuestionAgain,
    /** Asked for a place a second time in a row: said more plainly, with a way out. */
    placeAgain: c.placeAgain,
    /** A typed "nee" to a question the bot asked. */
    declined: c.declined,
    smalltalk: c.smalltalk satisfies Record<NonNullable<SafetyAssessment["smalltalk"]>, string>,
  };
}

export type CoreTexts = typeof dutchCode & ReturnType<typeof buildTexts>;

/**
 * Texts main added after the language files were written: Dutch until translated. The language
 * files override every key they have (see {@link textsFor}).
 */
const dutchCode = {
  welcome: [
    "Hallo! Ik ben Wijkwijzer.",
    "Ik help u zoeken naar activiteiten en hulp dichtbij huis. Bijvoorbeeld: een koffieochtend, samen eten, hulp met geld of formulieren, sporten, of iemand om mee te praten.",
    "Stel uw vraag in uw eigen woorden. U mag ook in uw eigen taal schrijven.",
    "Ik ben geen hulpdienst. Bij gevaar: bel 112.",
    "Wat ik bewaar: uw berichten en uw locatie als u die deelt, 90 dagen lang. Typ /vergeet om alles te wissen. Meer uitleg: /privacy.",
  ].join("\n\n"),
  help: [
    "Zo kunt u mij gebruiken:",
    "• Vraag naar activiteiten: \"koffie drinken in 3701 vandaag\" of \"sporten voor ouderen in Zeist\".",
    "• Vraag iets over de sociale basis: \"wat is de sociale basis?\"",
    "• /mens — praat met een sociaal werker",
    "• /vergeet — wis alles wat ik van u weet",
    "• /privacy — wat ik bewaar en waarom",
    "• /bronnen — waar mijn gegevens vandaan komen",
    "Bij gevaar: bel 112.",
  ].join("\n"),
  privacy: (retentionDays: number) =>
    [
      "Wat bewaar ik?",
      `• Uw berichten en mijn antwoorden, ${retentionDays} dagen. Daarna wis ik ze vanzelf.`,
      "• Uw locatie, alleen als u die deelt, voor dit gesprek.",
      "• Uw 👍 of 👎 op mijn antwoorden.",
      "Ik deel niets met anderen. Alleen als u een sociaal werker wilt spreken én ja zegt, ziet die uw gesprek.",
      "Typ /vergeet om alles te wissen.",
    ].join("\n"),
  /** Where the answers come from, with the attribution the open place data asks for (CC BY 4.0). */
  sources: [
    "Waar komen mijn gegevens vandaan?",
    "• Activiteiten en hulp: de lijst die uw gemeente en haar partners bijhouden.",
    "• Kennis over de sociale basis: de documenten bij elk antwoord (onder \"Bronnen\").",
    "• Plaatsen, wijken, buurten en postcodes: Bevat gegevens van het Centraal Bureau voor de Statistiek (CBS) en Kadaster/PDOK (CBS Wijken en Buurten 2024, Kerncijfers wijken en buurten 2024, CBS Gebiedsindelingen, CBS Kerncijfers per postcode), licentie CC BY 4.0; en postcodegegevens van GeoNames (www.geonames.org), licentie CC BY 4.0. Bewerkt (centroïden berekend, gekoppeld). Licentie: https://creativecommons.org/licenses/by/4.0/",
  ].join("\n"),
  forgetConfirm: "Wilt u dat ik alles wis wat ik van u weet? Uw berichten, locatie en reacties zijn dan weg.",
  forgetDone: "Klaar. Ik heb alles gewist wat ik van u wist.",
  /** In a group only the sender's own data goes: said exactly so. */
  forgetConfirmGroup:
    "Wilt u dat ik alles wis wat ik van u weet? In deze groep wis ik alleen uw eigen berichten en mijn antwoorden aan u. Berichten van anderen blijven staan.",
  forgetDoneGroup:
    "Klaar. Ik heb uw eigen berichten en mijn antwoorden aan u gewist. Berichten van anderen in deze groep heb ik niet gewist. Wat in de groep zelf staat, kunt u daar verwijderen.",
  forgetCancelled: "Goed, ik wis niets.",
  feedbackThanks: "Dank u wel voor uw reactie!",
  feedbackDownThanks: "Jammer dat dit niet hielp. Dank u voor uw reactie. Wilt u met een mens praten? Kies dan \"Praat met een mens\".",
  empty: "Ik zie geen tekst. Typ uw vraag in een paar woorden. Bijvoorbeeld: \"Waar kan ik koffie drinken met buren?\"",
  unsupported: "Sorry, ik kan alleen tekst lezen, en een gedeelde locatie. Wilt u uw vraag typen?",
  locationSaved: "Dank u. Ik weet nu waar u ongeveer bent. Wat zoekt u in de buurt?",
  locationInvalid: "Sorry, die locatie kan ik niet gebruiken. Deel uw locatie opnieuw, of typ uw postcode.",
  tooLong: "Uw bericht is erg lang. Ik heb het begin gelezen.",
  outOfScope:
    "Daar kan ik u helaas niet mee helpen. Ik weet alleen iets van activiteiten en hulp in de buurt, en van de sociale basis.",
  notSure:
    "Ik weet het antwoord niet zeker. Ik wil u niets verkeerds vertellen. Wilt u met een sociaal werker praten?",
  /** The same "not sure" right after the last one: never the same question twice in a row. */
  notSureAgain:
    "Dit weet ik ook niet zeker. Een sociaal werker kan u vast verder helpen. Kies \"Praat met een mens\", of stel een andere vraag.",
  answerIntro: {
    resident: "Dit vond ik hierover:",
    professional: "Uit de bronnen:",
  },
  sourcesLabel: "Bronnen",
  listingsIntro: "Dit vond ik:",
  error: "Sorry, er ging iets mis bij mij. Probeer het later nog eens, of kies \"Praat met een mens\".",
  noHandoff: (contact: string) => `U kunt ook zelf contact opnemen. ${contact}`,
  buttons: {
    person: "Praat met een mens",
    up: "👍",
    down: "👎",
    forgetYes: "Ja, wis alles",
    forgetNo: "Nee",
  },
  /** A bare "help me": a kind question back, and a second, different one if it comes again. */
  helpQuestion:
    "Ik help u graag. Waar gaat het over? Bijvoorbeeld: iets leuks in de buurt, hulp met geld of post, zorg voor iemand, of alleen zijn. Vertel het in uw eigen woorden.",
  helpQuestionAgain:
    "Vertel me in een paar woorden wat er aan de hand is, dan zoek ik mee. Wilt u liever met een mens praten? Kies dan \"Praat met een mens\".",
  /** Asked for a place a second time in a row: said more plainly, with a way out. */
  placeAgain:
    "Ik weet nog niet waar u zoekt. Typ alleen de 4 cijfers van uw postcode, bijvoorbeeld 3701. Of de naam van uw wijk of dorp. U kunt ook uw locatie delen.",
  /** A typed "nee" to a question the bot asked. */
  declined: "Goed. Kan ik u ergens anders mee helpen?",
  /** "Weet ik niet" to "Waar zoekt u?": an easier way to say where. */
  placeUnknown:
    "Dat geeft niet. Typ dan de naam van uw stad of dorp. Of deel uw locatie met de knop. Dan zoek ik wat er bij u in de buurt is.",
  smalltalk: {
    greeting: "Hallo! Waar kan ik u mee helpen? U kunt vragen naar activiteiten in de buurt, of naar hulp.",
    thanks: "Graag gedaan! Heeft u nog een vraag?",
    goodbye: "Tot ziens! U kunt altijd terugkomen met een vraag.",
    who_are_you:
      "Ik ben Wijkwijzer, een computerprogramma. Ik zoek activiteiten en hulp dichtbij huis voor u. Wilt u een mens spreken? Typ /mens.",
  } satisfies Record<NonNullable<SafetyAssessment["smalltalk"]>, string>,
};

const built = new Map<string, CoreTexts>();

/** The core's texts in `language` (Dutch when there is no text file for it). */
export function textsFor(language: string | undefined): CoreTexts {
  const key = language ?? "nl";
  let texts = built.get(key);
  if (!texts) built.set(key, (texts = { ...dutchCode, ...buildTexts(key) }));
  return texts;
}

/** The Dutch texts: for workers, logs and code that has no resident's language. */
export const texts = textsFor("nl");

/**
 * Emergency numbers first, matched to the kind of crisis, then the offer of a person. Every
 * language carries the Dutch numbers (112, 113, Veilig Thuis). This is the point where the
 * resident's language meets the crisis reply: per-tier replies replace these lines here.
 */
export function crisisText(kind: CrisisKind, language?: string): string {
  const t = catalog(language).crisis;
  const lines =
    kind === "suicide" || kind === "self_harm"
      ? [t.suicideLine, t.emergency]
      : kind === "violence"
        ? [t.emergency, t.veiligThuis]
        : [t.emergency, t.veiligThuis, t.suicideLine];
  return [t.opening, ...lines, t.closing].join("\n\n");
}

export function firstStepsText(topic: NonNullable<SafetyAssessment["needsPerson"]>, language?: string): string {
  const t = catalog(language).firstSteps;
  return [...t[topic], t.question].join("\n");
}

/** The first steps split: the opening line (a word of understanding) and the numbered steps with the question. */
export function firstStepsParts(topic: NonNullable<SafetyAssessment["needsPerson"]>, language?: string): { opening: string; steps: string } {
  const t = catalog(language).firstSteps;
  const [opening = "", ...steps] = t[topic];
  return { opening, steps: [...steps, t.question].join("\n") };
}
