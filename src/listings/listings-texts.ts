import type { Audience, Category } from "./listing-model.js";

/** Everything the listings capability says, in plain Dutch (B1), in one place for review. */

export const CATEGORY_WORDS: Record<Category, string> = {
  ontmoeting: "ontmoeting",
  "sport-en-bewegen": "sport en bewegen",
  "eten-en-koken": "samen eten en koken",
  geldzaken: "hulp met geld en formulieren",
  mantelzorg: "steun bij mantelzorg",
  "opvoeden-en-gezin": "opvoeden en gezin",
  "taal-en-leren": "taal en leren",
  "digitale-hulp": "hulp met computer en telefoon",
  vervoer: "vervoer",
  "klussen-en-wonen": "klussen en wonen",
  vrijwilligerswerk: "vrijwilligerswerk",
  "informatie-en-advies": "informatie en advies",
  "creatief-en-cultuur": "creatief en cultuur",
  "gezondheid-en-welzijn": "gezondheid en welzijn",
};

export const AUDIENCE_WORDS: Record<Audience, string> = {
  iedereen: "iedereen",
  ouderen: "ouderen",
  jongeren: "jongeren",
  kinderen: "kinderen",
  ouders: "ouders",
  mantelzorgers: "mantelzorgers",
  nieuwkomers: "nieuwkomers",
  "mensen-met-een-beperking": "mensen met een beperking",
};

export const LANGUAGE_NAMES: Record<string, string> = {
  nl: "Nederlands", en: "Engels", ar: "Arabisch", tr: "Turks", uk: "Oekraïens", ru: "Russisch", pl: "Pools", fr: "Frans",
  de: "Duits", es: "Spaans", so: "Somalisch", ti: "Tigrinya", fa: "Perzisch", pt: "Portugees", zh: "Chinees",
};

const TIME_PHRASES: Record<string, string> = {
  nu: "nu of binnen een uur",
  vandaag: "vandaag",
  morgen: "morgen",
  overmorgen: "overmorgen",
  vanavond: "vanavond",
  vanmiddag: "vanmiddag",
  vanochtend: "vanochtend",
  "dit weekend": "dit weekend",
  "deze week": "deze week",
  "volgende week": "volgende week",
};

/** "op dinsdag", "vanavond", "nu of binnen een uur". */
export function timePhrase(label: string): string {
  return label
    .split(" of ")
    .map((part) => TIME_PHRASES[part] ?? (/^(ma|di|wo|do|vr|za|zo)[a-z]*dag/.test(part) ? `op ${part}` : part))
    .join(" of ");
}

export const listingsTexts = {
  askPlace: (example: string | undefined) =>
    `Waar zoekt u? Stuur uw postcode${example ? ` (bijvoorbeeld ${example})` : ""} of de naam van uw wijk of dorp. Op Telegram kunt u ook uw locatie delen met de knop.`,
  askPlaceProfessional: (example: string | undefined) =>
    `Voor welke plaats of wijk? Geef een postcode${example ? ` (bijvoorbeeld ${example})` : ""} of de naam van een wijk of dorp.`,
  unknownPlace: (name: string, example: string | undefined) =>
    `Ik ken "${name}" niet. Stuur uw postcode${example ? ` (bijvoorbeeld ${example})` : ""} of de naam van een wijk of dorp in de buurt.`,
  intro: (parts: { what?: string; who?: string; cost?: string; language?: string; when?: string; where: string }) => {
    const bits = [parts.what ? `voor ${parts.what}` : undefined, parts.who ? `voor ${parts.who}` : undefined, parts.cost, parts.language, parts.when].filter(Boolean);
    return `Dit vond ik${bits.length ? ` ${bits.join(", ")}` : ""}, ${parts.where}:`;
  },
  nearMe: (where: string) => `Dit is er ${where}:`,
  widenedFurther: (distance: string) => `Binnen ${NEAR_LIMIT_WORDS} vond ik niets. Het dichtstbij is ${distance} hier vandaan.`,
  widenedTime: (when: string) => `${capitalise(when)} vond ik niets. Ik kijk daarom ook naar andere dagen.`,
  widenedFilters: (dropped: string) => `Ik vond niets dat precies past (${dropped}). Dit komt het dichtst in de buurt.`,
  widenedNeed: (what: string) => `Ik vond geen ${what} in de buurt. Ik laat andere activiteiten zien.`,
  nothing: "Ik vond helaas geen activiteiten in de buurt. Probeer een andere plaats, of vraag het aan het sociaal wijkteam.",
  nearLocation: "bij uw locatie",
  nearPlace: (name: string) => `in de buurt van ${name}`,
  fromPlace: (name: string) => `gerekend vanaf ${name}`,
  /** The one short question for a name that fits places in several gemeenten. */
  whichPlace: (options: string[]) => `Bedoelt u ${options.slice(0, -1).join(", ")} of ${options[options.length - 1]}?`,
  helpNearby: (where: string) => `Hier kunt u terecht, ${where}:`,
  outside: (name: string) => `Ik heb geen activiteiten in ${name}.`,
  outsideNearby: (name: string) => `Ik heb geen activiteiten in ${name} zelf. Dit is het dichtstbij, buiten ${name}:`,
  coveredOnly: (names: string[]) => (names.length > 0 && names.length <= 6 ? `Ik ken alleen activiteiten in ${listNames(names)}.` : undefined),
  outsideHelp: (gemeente: string | undefined) =>
    [
      "Wat u wel kunt doen:",
      `• Bel de gemeente${gemeente ? ` ${gemeente}` : ""}: 14 en dan het netnummer (bijvoorbeeld 14 020 of 14 043). Of kijk op de website van de gemeente. Vraag naar het sociaal wijkteam of het Wmo-loket.`,
      "• Vragen over geld of schulden: Geldfit.nl helpt gratis, ook anoniem.",
      "• Gratis juridisch advies: het Juridisch Loket, 0800-8020.",
      "• Zorgt u voor iemand? De Mantelzorglijn: 030-7606055.",
      "• Even praten met iemand: De Luisterlijn, 088-0767000 (dag en nacht).",
    ].join("\n"),
};

/** Within this distance a listing is "in de buurt"; up to NEAR_LIMIT_KM "iets verder weg"; beyond that only when nothing is nearer. */
export const CLOSE_KM = 1.5;
export const NEAR_LIMIT_KM = 5;
const NEAR_LIMIT_WORDS = "5 km";

/** "(1,2 km, in de buurt)", "(3,4 km, iets verder weg)", "(12 km, ver weg)". */
export function distanceWords(km: number, formatted: string): string {
  const label = km <= CLOSE_KM ? "in de buurt" : km <= NEAR_LIMIT_KM ? "iets verder weg" : "ver weg";
  return `${formatted}, ${label}`;
}

function listNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
