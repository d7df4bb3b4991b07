import { catalog, fill } from "../core/text-catalog.js";
import type { Audience, Category } from "./listing-model.js";

/**
 * Everything the listings capability says, in the resident's language (data: `knowledge/texts/`,
 * Dutch B1 the reference). The listings themselves (names, descriptions) stay as written: Dutch.
 */
function buildListingsTexts(language: string) {
  const all = catalog(language);
  const t = all.listings;
  const time = all.time;
  const example = (postcode: string | undefined) => (postcode ? fill(t.example, { postcode }) : "");
  return {
    categories: t.categories as Record<Category, string>,
    audiences: t.audiences as Record<Audience, string>,
    languageNames: t.languageNames as Record<string, string>,
    askPlace: (postcode: string | undefined) => fill(t.askPlace, { example: example(postcode) }),
    askPlaceProfessional: (postcode: string | undefined) => fill(t.askPlaceProfessional, { example: example(postcode) }),
    unknownPlace: (name: string, postcode: string | undefined) => fill(t.unknownPlace, { name, example: example(postcode) }),
    intro: (parts: { what?: string; who?: string; cost?: string; language?: string; when?: string; where: string }) => {
      const bits = [
        parts.what ? fill(t.forWhat, { what: parts.what }) : undefined,
        parts.who ? fill(t.forWho, { who: parts.who }) : undefined,
        parts.cost,
        parts.language,
        parts.when,
      ].filter(Boolean);
      return fill(t.intro, { details: bits.length ? ` ${bits.join(", ")}` : "", where: parts.where });
    },
    forWho: (who: string) => fill(t.forWho, { who }),
    free: t.free,
    cheap: t.cheap,
    inLanguage: (languages: string) => fill(t.inLanguage, { languages }),
    accessible: t.accessible,
    and: t.and,
    nearMe: (where: string) => fill(t.nearMe, { where }),
    widenedFurther: (distance: string) => fill(t.widenedFurtherDistance, { limit: NEAR_LIMIT_WORDS, distance }),
    widenedTime: (when: string) => capitalise(fill(t.widenedTime, { when })),
    widenedFilters: (dropped: string) => fill(t.widenedFilters, { dropped }),
    widenedNeed: (what: string) => fill(t.widenedNeed, { what }),
    nothing: t.nothing,
    nearLocation: t.nearLocation,
    nearPlace: (name: string) => fill(t.nearPlace, { name }),
    fromPlace: (name: string) => fill(t.fromPlace, { name }),
    /** The one short question for a name that fits places in several gemeenten. */
    whichPlace: (options: string[]) => fill(t.whichPlace, { options: options.slice(0, -1).join(", "), last: options[options.length - 1] ?? "" }),
    helpNearby: (where: string) => fill(t.helpNearby, { where }),
    outside: (name: string) => fill(t.outside, { name }),
    outsideNearby: (name: string) => fill(t.outsideNearby, { name }),
    /** For someone outside the covered gemeenten who needs help with a situation (debts, care). */
    outsideGemeente: (gemeente: string | undefined) => fill(t.outsideGemeente, { gemeente: gemeente ? ` ${gemeente}` : "" }),
    coveredOnly: (names: string[]) => (names.length > 0 && names.length <= 6 ? fill(t.coveredOnly, { names: listNames(names, t.and) }) : undefined),
    outsideHelp: (gemeente: string | undefined) => fill(t.outsideHelp, { gemeente: gemeente ? ` ${gemeente}` : "" }),
    /** A shared location that lies in a gemeente ("de gemeente Zeist"), or none known ("uw buurt"): what "Ik heb geen activiteiten in …" names. */
    theGemeente: (name: string) => fill(t.theGemeente, { name }),
    yourArea: t.yourArea,
    /** One line above the results for a resident who wrote another language: the details are Dutch. */
    inDutch: t.inDutch,
    render: {
      when: (when: string) => fill(t.when, { when }),
      where: (where: string | undefined, distance: string) => fill(t.where, { where: where || t.seeMap, distance }),
      cost: (cost: string) => fill(t.cost, { cost: /^gratis\.?$/i.test(cost.trim()) ? t.free : cost }),
      access: (access: string) => fill(t.access, { access }),
      contact: (phone: string | undefined, email: string | undefined) => {
        const ways = [phone ? fill(t.call, { phone }) : undefined, email ? fill(t.mail, { email }) : undefined].filter(Boolean);
        return ways.length ? fill(t.contact, { contact: ways.join(` ${t.or} `) }) : undefined;
      },
      website: (url: string) => fill(t.website, { url }),
      map: (url: string) => fill(t.map, { url }),
      stale: t.stale,
      hint: { resident: t.hintResident, professional: t.hintProfessional },
      byAppointment: t.byAppointment,
      ongoing: (end: string, span: string) => fill(t.ongoing, { end, span }),
      todayAt: (date: string, span: string) => fill(t.todayAt, { date, span }),
      tomorrowAt: (date: string, span: string) => fill(t.tomorrowAt, { date, span }),
      dateAt: (date: string, span: string) => fill(t.dateAt, { date, span }),
      date: (weekday: number, day: number, month: number) => fill(t.date, { weekday: time.days[weekday] ?? "", day, month: time.months[month - 1] ?? "" }),
      lessThan100m: t.lessThan100m,
    },
    /** "op dinsdag", "vanavond", "nu of binnen een uur": a time label of `time-words.ts` said back. */
    timePhrase: (label: string) => label.split(" of ").map((part) => timePart(part, time)).join(` ${time.or} `),
  };
}

type TimeTexts = ReturnType<typeof catalog>["time"];
const DUTCH_DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
type Part = "ochtend" | "middag" | "avond";

/** One time label of `time-words.ts` ("dinsdagochtend", "morgenavond", "in de avond") in words of `time`. */
function timePart(label: string, time: TimeTexts): string {
  const simple: Record<string, string> = {
    nu: time.now,
    vandaag: time.today,
    morgen: time.tomorrow,
    overmorgen: time.dayAfterTomorrow,
    "dit weekend": time.thisWeekend,
    "deze week": time.thisWeek,
    "volgende week": time.nextWeek,
  };
  if (simple[label]) return simple[label];
  const van = /^van(ochtend|middag|avond)$/.exec(label);
  if (van) return time.thisPart[van[1] as Part];
  const inPart = /^in de (ochtend|middag|avond)$/.exec(label);
  if (inPart) return fill(time.inPart, { part: time.parts[inPart[1] as Part] });
  const m = /^(overmorgen|morgen|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(ochtend|middag|avond)?$/.exec(label);
  if (!m) return label;
  const weekday = DUTCH_DAYS.indexOf(m[1]!);
  const day = weekday >= 0 ? time.days[weekday]! : m[1] === "morgen" ? time.tomorrow : time.dayAfterTomorrow;
  const withPart = m[2] ? fill(time.dayPart, { day, part: time.parts[m[2] as Part] }) : day;
  return weekday >= 0 ? fill(time.onDay, { day: withPart }) : withPart;
}

export type ListingsTexts = ReturnType<typeof buildListingsTexts>;

const built = new Map<string, ListingsTexts>();

/** The listings texts in `language` (Dutch when there is no text file for it). */
export function listingsTextsFor(language: string | undefined): ListingsTexts {
  const key = language ?? "nl";
  let texts = built.get(key);
  if (!texts) built.set(key, (texts = buildListingsTexts(key)));
  return texts;
}

/** The Dutch texts, also used to describe listings for the (Dutch) retrieval index. */
export const listingsTexts = listingsTextsFor("nl");
export const CATEGORY_WORDS: Record<Category, string> = listingsTexts.categories;
export const AUDIENCE_WORDS: Record<Audience, string> = listingsTexts.audiences;
export const LANGUAGE_NAMES: Record<string, string> = listingsTexts.languageNames;

/** "op dinsdag", "vanavond", "nu of binnen een uur". */
export function timePhrase(label: string): string {
  return listingsTexts.timePhrase(label);
}

/** Within this distance a listing is "in de buurt"; up to NEAR_LIMIT_KM "iets verder weg"; beyond that only when nothing is nearer. */
export const CLOSE_KM = 1.5;
export const NEAR_LIMIT_KM = 5;
const NEAR_LIMIT_WORDS = "5 km";

/** "(1,2 km, in de buurt)", "(3,4 km, iets verder weg)", "(12 km, ver weg)". */
export function distanceWords(km: number, formatted: string): string {
  const label = km <= CLOSE_KM ? "in de buurt" : km <= NEAR_LIMIT_KM ? "iets verder weg" : "ver weg";
  return `${formatted}, ${label}`;
}

function listNames(names: string[], and: string): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} ${and} ${names[names.length - 1]}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
