import { z } from "zod";
import { parseIsoDate } from "./local-calendar.js";
import { AUDIENCES, CATEGORIES, type Audience, type Category, type Listing, type RawListing } from "./listing-model.js";
import { formatSchedule } from "./schedule.js";
import { readScheduleText } from "./schedule-text.js";
import { closestWord } from "./text-match.js";

/** One problem with one field of one listing, in Dutch for the import report. */
export interface FieldIssue {
  field: string;
  message: string;
}

const text = z.string().optional().transform((v) => (v ?? "").trim());
const optionalText = text.transform((v) => (v === "" ? undefined : v));

function required(label: string) {
  return text.pipe(z.string().min(1, { message: `${label} ontbreekt` }));
}

function list<T extends string>(allowed: readonly T[], kind: string, min: number) {
  return text.transform((value, ctx): T[] => {
    const items = splitList(value);
    const out: T[] = [];
    for (const item of items) {
      const lower = item.toLowerCase();
      if ((allowed as readonly string[]).includes(lower)) {
        if (!out.includes(lower as T)) out.push(lower as T);
        continue;
      }
      // "geldzaken, mantelzorg": the values are right, the separator is not.
      const parts = lower.split(/\s*[,;/]\s*/).filter(Boolean);
      if (parts.length > 1 && parts.every((part) => (allowed as readonly string[]).includes(part))) {
        ctx.addIssue({ code: "custom", message: `scheid meerdere waarden met | in plaats van een komma: "${parts.join("|")}"` });
        continue;
      }
      const guess = closestWord(lower, allowed);
      ctx.addIssue({
        code: "custom",
        message: `onbekende ${kind} "${item}"${guess ? ` (bedoelt u "${guess}"?)` : ""}. Kies uit: ${allowed.join(", ")}`,
      });
    }
    if (out.length < min && items.length === 0) ctx.addIssue({ code: "custom", message: `minstens één ${kind} nodig` });
    return out;
  });
}

function coordinate(label: string, limit: number, example: string) {
  return text.transform((value, ctx): number => {
    if (value === "") {
      ctx.addIssue({
        code: "custom",
        message: `${label} ontbreekt (decimaal getal, bijvoorbeeld ${example}; klik in Google Maps of op openstreetmap.org met de rechtermuisknop op het adres om de coördinaten te zien)`,
      });
      return z.NEVER;
    }
    // Spreadsheets set to Dutch write a decimal comma; the value is unambiguous, so accept it.
    const n = Number(value.replace(",", "."));
    if (!/^-?\d+([.,]\d+)?$/.test(value) || !Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: `${label} "${value}" is geen getal (schrijf bijvoorbeeld ${example})` });
      return z.NEVER;
    }
    if (Math.abs(n) > limit) {
      ctx.addIssue({ code: "custom", message: `${label} ${value} ligt buiten het bereik -${limit} tot ${limit}` });
      return z.NEVER;
    }
    return n;
  });
}

/**
 * The zod schema of one listing (docs/contracts.md, "Listings CSV"): takes the raw string cells and gives a
 * {@link Listing}, with Dutch messages that say what is wrong and how to fix it.
 */
export const listingSchema = z.object({
  id: required("id").pipe(
    z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}._:@/-]*$/u, { message: "id mag alleen letters, cijfers en - _ . : @ / bevatten (geen spaties)" }),
  ),
  name: required("naam (name)"),
  organization: optionalText,
  description: optionalText,
  categories: list(CATEGORIES, "categorie", 1),
  audience: list(AUDIENCES, "doelgroep", 0),
  address: optionalText,
  postcode: optionalText.transform((value, ctx) => {
    if (value === undefined) return undefined;
    const m = /^(\d{4})\s*([a-z]{2})?$/i.exec(value);
    if (!m || m[1]!.startsWith("0")) {
      ctx.addIssue({ code: "custom", message: `postcode "${value}" klopt niet (schrijf 1234 AB, 1234AB of 1234)` });
      return z.NEVER;
    }
    return m[2] ? `${m[1]} ${m[2].toUpperCase()}` : m[1]!;
  }),
  city: optionalText,
  latitude: coordinate("latitude", 90, "52.0861"),
  longitude: coordinate("longitude", 180, "5.1214"),
  schedule: text.transform((value, ctx) => {
    const parsed = readScheduleText(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return formatSchedule(parsed.entries);
  }),
  cost: optionalText,
  languages: text.transform((value, ctx): string[] => {
    const out: string[] = [];
    for (const item of splitList(value)) {
      const code = item.toLowerCase();
      if (!/^[a-z]{2}$/.test(code)) {
        ctx.addIssue({ code: "custom", message: `taal "${item}" is geen ISO 639-1 code van twee letters (bijvoorbeeld nl, en, ar)` });
      } else if (!out.includes(code)) out.push(code);
    }
    return out;
  }),
  accessibility: optionalText,
  phone: optionalText.pipe(
    z
      .string()
      .regex(/^[+()\d][\d\s()+-]{5,}$/, { message: "telefoonnummer klopt niet (alleen cijfers, spaties, + en -)" })
      .optional(),
  ),
  email: optionalText.pipe(z.email({ message: "e-mailadres klopt niet" }).optional()),
  website: optionalText.transform((value, ctx) => {
    if (value === undefined) return undefined;
    const url = /^https?:\/\//i.test(value) ? value : `https://${value}`;
    if (!URL.canParse(url) || !/\.[a-z]{2,}/i.test(new URL(url).hostname)) {
      ctx.addIssue({ code: "custom", message: `website "${value}" is geen geldig webadres` });
      return z.NEVER;
    }
    return url;
  }),
  last_verified: optionalText.transform((value, ctx) => {
    if (value === undefined) return undefined;
    if (!parseIsoDate(value)) {
      ctx.addIssue({ code: "custom", message: `datum "${value}" klopt niet (schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-31)` });
      return z.NEVER;
    }
    return value;
  }),
});

export type ValidationResult = { ok: true; listing: Listing } | { ok: false; issues: FieldIssue[] };

/** Validates one raw listing. */
export function validateListing(raw: RawListing): ValidationResult {
  const result = listingSchema.safeParse(raw);
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? "?"), message: issue.message })),
    };
  }
  const v = result.data;
  const listing: Listing = {
    id: v.id,
    name: v.name,
    categories: v.categories as Category[],
    audience: v.audience as Audience[],
    latitude: v.latitude,
    longitude: v.longitude,
    schedule: v.schedule,
    languages: v.languages,
  };
  const optional = {
    organization: v.organization,
    description: v.description,
    address: v.address,
    postcode: v.postcode,
    city: v.city,
    cost: v.cost,
    accessibility: v.accessibility,
    phone: v.phone,
    email: v.email,
    website: v.website,
    lastVerified: v.last_verified,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (listing as unknown as Record<string, unknown>)[key] = value;
  }
  return { ok: true, listing };
}

function splitList(value: string): string[] {
  return value
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
