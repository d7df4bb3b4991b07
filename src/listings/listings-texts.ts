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
  widenedFurther: "Dichtbij vond ik niets. Dit is iets verder weg.",
  widenedTime: (when: string) => `${capitalise(when)} vond ik niets. Ik kijk daarom ook naar andere dagen.`,
  widenedFilters: (dropped: string) => `Ik vond niets dat precies past (${dropped}). Dit komt het dichtst in de buurt.`,
  widenedNeed: (what: string) => `Ik vond geen ${what} in de buurt. Ik laat andere activiteiten zien.`,
  nothing: "Ik vond helaas geen activiteiten in de buurt. Probeer een andere plaats, of vraag het aan het sociaal wijkteam.",
  nearLocation: "bij uw locatie",
  nearPlace: (name: string) => `in de buurt van ${name}`,
};

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
