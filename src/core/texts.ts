import type { CrisisKind, SafetyAssessment } from "./ports.js";

/**
 * Everything a resident or worker reads, in plain Dutch (B1): short sentences, common words.
 * Kept in one place so wording can be reviewed without reading code.
 */
export const texts = {
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
  smalltalk: {
    greeting: "Hallo! Waar kan ik u mee helpen? U kunt vragen naar activiteiten in de buurt, of naar hulp.",
    thanks: "Graag gedaan! Heeft u nog een vraag?",
    goodbye: "Tot ziens! U kunt altijd terugkomen met een vraag.",
    who_are_you:
      "Ik ben Wijkwijzer, een computerprogramma. Ik zoek activiteiten en hulp dichtbij huis voor u. Wilt u een mens spreken? Typ /mens.",
  } satisfies Record<NonNullable<SafetyAssessment["smalltalk"]>, string>,
};

const EMERGENCY = "Bent u of is iemand anders nu in gevaar? Bel 112.";
const SUICIDE_LINE = "Denkt u aan zelfmoord? Praat erover met 113 Zelfmoordpreventie: bel 0800-0113 (gratis, dag en nacht) of chat op 113.nl.";
const VEILIG_THUIS = "Is er geweld thuis, of bent u bang voor iemand thuis? Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht).";

/** Emergency numbers first, matched to the kind of crisis, then the offer of a person. */
export function crisisText(kind: CrisisKind): string {
  const lines =
    kind === "suicide" || kind === "self_harm"
      ? [SUICIDE_LINE, EMERGENCY]
      : kind === "violence"
        ? [EMERGENCY, VEILIG_THUIS]
        : [EMERGENCY, VEILIG_THUIS, SUICIDE_LINE];
  return [
    "Wat naar dat u dit meemaakt. Uw veiligheid gaat voor.",
    ...lines,
    "U hoeft dit niet alleen te doen. Wilt u dat een sociaal werker contact met u opneemt?",
  ].join("\n\n");
}

const FIRST_STEPS: Record<NonNullable<SafetyAssessment["needsPerson"]>, string[]> = {
  eviction: [
    "Dit is ernstig. Wacht niet: hoe eerder, hoe meer er kan.",
    "1. Bel vandaag het sociaal wijkteam of de gemeente. Zeg dat u uit huis gezet wordt en wanneer.",
    "2. Neem contact op met uw woningcorporatie of verhuurder. Vraag om een betalingsregeling.",
    "3. Het Juridisch Loket helpt gratis: 0800-8020.",
  ],
  money: [
    "Wat vervelend dat u geen geld heeft voor het nodige. Daar is hulp voor.",
    "1. Bel het sociaal wijkteam of de gemeente. Vraag naar bijzondere bijstand of een voedselpakket.",
    "2. Bij de voedselbank kunt u eten krijgen als u weinig geld heeft.",
    "3. Heeft u schulden? De gemeente heeft gratis schuldhulp.",
  ],
  debts: [
    "Schulden geven veel zorgen. U staat er niet alleen voor.",
    "1. De gemeente heeft gratis schuldhulp. Bel of ga langs bij het sociaal wijkteam.",
    "2. Bewaar alle brieven en rekeningen in één map.",
    "3. Geldfit.nl helpt u gratis op weg, ook anoniem.",
  ],
  care: [
    "Zorgen voor iemand is zwaar. Het is goed dat u hulp vraagt.",
    "1. Bel het sociaal wijkteam of het Wmo-loket van de gemeente. Vraag om een keukentafelgesprek.",
    "2. Het mantelzorgsteunpunt helpt mantelzorgers, bijvoorbeeld met respijtzorg (even vrij).",
    "3. De Mantelzorglijn: 030-7606055 (MantelzorgNL).",
  ],
  person_requested: ["Goed, ik zoek een sociaal werker voor u."],
};

export function firstStepsText(topic: NonNullable<SafetyAssessment["needsPerson"]>): string {
  return [...FIRST_STEPS[topic], "Wilt u dat een sociaal werker met u meekijkt?"].join("\n");
}
