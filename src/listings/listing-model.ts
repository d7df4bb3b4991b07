/**
 * The listing model of docs/contracts.md ("Listings CSV"), shared by the CSV and HSDS readers, the store,
 * the search and the answers. Field names follow the CSV header; HSDS JSON is mapped onto it.
 */

export const CATEGORIES = [
  "ontmoeting",
  "sport-en-bewegen",
  "eten-en-koken",
  "geldzaken",
  "mantelzorg",
  "opvoeden-en-gezin",
  "taal-en-leren",
  "digitale-hulp",
  "vervoer",
  "klussen-en-wonen",
  "vrijwilligerswerk",
  "informatie-en-advies",
  "creatief-en-cultuur",
  "gezondheid-en-welzijn",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const AUDIENCES = [
  "iedereen",
  "ouderen",
  "jongeren",
  "kinderen",
  "ouders",
  "mantelzorgers",
  "nieuwkomers",
  "mensen-met-een-beperking",
] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The CSV header of docs/contracts.md, in order. */
export const CSV_COLUMNS = [
  "id",
  "name",
  "organization",
  "description",
  "categories",
  "audience",
  "address",
  "postcode",
  "city",
  "latitude",
  "longitude",
  "schedule",
  "cost",
  "languages",
  "accessibility",
  "phone",
  "email",
  "website",
  "last_verified",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** A listing as read from a file, before validation: every field a string (CSV cell). */
export type RawListing = Partial<Record<CsvColumn, string>>;

/** Days of the week, Monday first (index 0 = `ma`). */
export const DAY_CODES = ["ma", "di", "wo", "do", "vr", "za", "zo"] as const;
export type DayCode = (typeof DAY_CODES)[number];

/** One schedule entry: weekly (`nth` 0) or monthly (1–4, or -1 for the last such day of the month). */
export interface ScheduleEntry {
  /** 0 = Monday … 6 = Sunday. */
  day: number;
  nth: 0 | 1 | 2 | 3 | 4 | -1;
  /** Minutes since local midnight. */
  start: number;
  end: number;
}

/** A validated listing. */
export interface Listing {
  id: string;
  name: string;
  organization?: string;
  description?: string;
  categories: Category[];
  /** Empty means everyone. */
  audience: Audience[];
  address?: string;
  /** Normalised `1234 AB` or `1234`. */
  postcode?: string;
  city?: string;
  latitude: number;
  longitude: number;
  /** The schedule in the canonical CSV notation; empty = op afspraak. */
  schedule: string;
  cost?: string;
  /** ISO 639-1 codes; empty = not stated (Dutch assumed). */
  languages: string[];
  accessibility?: string;
  phone?: string;
  email?: string;
  website?: string;
  /** `YYYY-MM-DD`. */
  lastVerified?: string;
}
