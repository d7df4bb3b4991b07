import { AUDIENCES, CATEGORIES, DAY_CODES, type RawListing } from "./listing-model.js";
import type { ImportIssue, LocatedListing, ReadResult } from "./import-report.js";
import { clock } from "./schedule.js";
import { normalise } from "./text-match.js";
import { asList, byId, flatten, isObj, str, type Obj, type Row } from "./hsds-tables.js";

const RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/**
 * Reads Open Referral HSDS JSON (2.x or 3.x) into the listing model: either the tabular form
 * (`organizations`, `services`, `locations`, `service_at_locations`, `schedules`, `phones`,
 * `physical_addresses`/`addresses`, `languages`, `accessibility`…) or an array of nested service
 * objects (`{services:[…]}` or `[…]`) as an HSDS 3 API returns them. One listing per service at a
 * location; its id is the service id, or `<service>@<location>` when a service runs at several places.
 * Schedules use `byday` (RFC 5545: `TU`, `1TH`, `-1FR`), `opens_at`, `closes_at`; HSDS 2 `weekday` works too.
 * Categories and audience come from `categories`/`audience` (our extension) or from attributes /
 * taxonomy terms whose code or name is one of DESIGN.md's values.
 */
export function readListingsHsds(content: string): ReadResult {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { format: "hsds", listings: [], errors: [{ message: `geen geldige JSON: ${(error as Error).message}` }], warnings };
  }
  const t = flatten(data);
  if (t.services.length === 0) {
    return { format: "hsds", listings: [], errors: [{ message: "geen services gevonden (verwacht HSDS JSON met een lijst \"services\")" }], warnings };
  }

  const orgs = byId(t.organizations);
  const locations = byId(t.locations);
  const listings: LocatedListing[] = [];
  for (const service of t.services) {
    const serviceId = str(service.id);
    const org = orgs.get(str(service.organization_id)) ?? (isObj(service.organization) ? (service.organization as Obj) : undefined);
    let sals = t.sals.filter((s) => str(s.service_id) === serviceId);
    if (sals.length === 0) {
      const own = t.locations.filter((l) => str(l.service_id) === serviceId);
      sals = own.map((l) => ({ __path: l.__path, service_id: serviceId, location_id: str(l.id) }));
    }
    if (sals.length === 0) {
      errors.push({ path: service.__path, ...(serviceId ? { id: serviceId } : {}), field: "service_at_locations", message: "deze service heeft geen locatie; een activiteit heeft een adres met latitude en longitude nodig" });
      continue;
    }
    for (const sal of sals) {
      const location = locations.get(str(sal.location_id));
      if (!location) {
        errors.push({ path: sal.__path, field: "location_id", message: `locatie "${str(sal.location_id)}" bestaat niet in dit bestand` });
        continue;
      }
      const locationId = str(location.id);
      const salId = str(sal.id);
      const id = sals.length === 1 ? serviceId : `${serviceId}@${locationId}`;
      const linked = (row: Obj) =>
        (salId !== "" && str(row.service_at_location_id) === salId) ||
        (str(row.service_id) === serviceId && (!row.location_id || str(row.location_id) === locationId)) ||
        (!row.service_id && !row.service_at_location_id && row.location_id !== undefined && str(row.location_id) === locationId);
      const schedule = t.schedules.filter(linked).flatMap((s) => scheduleEntries(s, id, errors));
      const address = t.addresses.find((a) => str(a.location_id) === locationId && str(a.address_type) !== "postal") ?? t.addresses.find((a) => str(a.location_id) === locationId);
      const phone = t.phones.find(linked) ?? t.phones.find((p) => str(p.organization_id) === str(org?.id) && org);
      const languages = [
        ...t.languages.filter(linked).map((l) => str(l.code) || str(l.language)),
        ...asList(service.languages).filter((l) => typeof l === "string"),
      ];
      const terms = [...termsOf(service), ...t.attributes.filter((a) => str(a.link_id) === serviceId).flatMap(termsOf)];
      const access = [
        ...t.accessibility.filter((a) => str(a.location_id) === locationId).map((a) => str(a.description) || str(a.accessibility)),
        str(location.accessibility_for_disabilities),
      ].filter(Boolean);
      const raw: RawListing = {
        id,
        name: str(service.name),
        organization: str(org?.name),
        description: str(service.description) || str(org?.description),
        categories: pick(terms, asList(service.categories), CATEGORIES).join("|"),
        audience: pick(terms, asList(service.audience), AUDIENCES, ageAudience(service)).join("|"),
        address: [str(address?.address_1), str(address?.address_2)].filter(Boolean).join(", ") || str(location.address),
        postcode: str(address?.postal_code),
        city: str(address?.city),
        latitude: str(location.latitude),
        longitude: str(location.longitude),
        schedule: schedule.join("; "),
        cost: str(service.fees_description) || str(service.fees) || costOptions(service),
        languages: [...new Set(languages.map((l) => (/^[a-z]{2}([-_]\w+)?$/i.test(l) ? l.slice(0, 2).toLowerCase() : l)))].join("|"),
        accessibility: access.join("; "),
        phone: str(phone?.number),
        email: str(service.email) || str(org?.email),
        website: str(service.url) || str(org?.website) || str(org?.url),
        last_verified: (str(service.assured_date) || str(service.last_modified) || str(service.last_verified)).slice(0, 10),
      };
      listings.push({
        raw,
        path: `${service.__path} @ ${location.__path}`,
        fieldNames: {
          name: "name",
          categories: "categories / attributes",
          audience: "audience / attributes",
          latitude: `${location.__path}.latitude`,
          longitude: `${location.__path}.longitude`,
          postcode: "postal_code",
          last_verified: "assured_date",
          website: "url",
          cost: "fees_description",
        },
      });
    }
  }
  return { format: "hsds", listings, errors, warnings };
}

/** One HSDS schedule row as `[NTH ]DAY HH:MM-HH:MM` entries; problems go to `errors` with the row's path. */
function scheduleEntries(s: Row, id: string, errors: ImportIssue[]): string[] {
  const opens = timeOf(s.opens_at);
  const closes = timeOf(s.closes_at);
  const bad = (field: string, message: string) => {
    errors.push({ path: s.__path, id, field, message });
    return [];
  };
  if (opens === undefined) return bad("opens_at", `tijd "${str(s.opens_at)}" klopt niet (schrijf bijvoorbeeld 10:00)`);
  if (closes === undefined) return bad("closes_at", `tijd "${str(s.closes_at)}" klopt niet (schrijf bijvoorbeeld 12:00)`);
  if (closes <= opens) return bad("closes_at", `sluitingstijd ${str(s.closes_at)} ligt niet na openingstijd ${str(s.opens_at)}`);
  const days: Array<{ day: number; nth: string }> = [];
  const byday = str(s.byday);
  if (byday) {
    for (const part of byday.split(",").map((p) => p.trim().toUpperCase())) {
      const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(part);
      const nth = m?.[1] ? Number(m[1]) : 0;
      if (!m || ![0, 1, 2, 3, 4, -1].includes(nth)) {
        return bad("byday", `"${part}" wordt niet ondersteund; gebruik MO…SU, met 1–4 of -1 ervoor voor een week van de maand`);
      }
      days.push({ day: RRULE_DAYS.indexOf(m[2]!), nth: nth === 0 ? "" : nth === -1 ? "laatste " : `${nth}e ` });
    }
  } else if (s.weekday !== undefined && s.weekday !== null && s.weekday !== "") {
    const day = dayFromWeekday(s.weekday);
    if (day === undefined) return bad("weekday", `dag "${str(s.weekday)}" onbekend (1 = maandag … 7 = zondag)`);
    days.push({ day, nth: "" });
  } else {
    return bad("byday", "geen dag opgegeven (byday, bijvoorbeeld TU of 1TH)");
  }
  return days.map((d) => `${d.nth}${DAY_CODES[d.day]} ${clock(opens)}-${clock(closes)}`);
}

function timeOf(value: unknown): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(str(value));
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}

function dayFromWeekday(value: unknown): number | undefined {
  if (typeof value === "number" || /^\d$/.test(str(value))) {
    const n = Number(value);
    return n >= 1 && n <= 7 ? n - 1 : undefined;
  }
  const key = normalise(str(value)).slice(0, 2);
  const map: Record<string, number> = { mo: 0, tu: 1, we: 2, th: 3, fr: 4, sa: 5, su: 6, ma: 0, di: 1, wo: 2, do: 3, vr: 4, za: 5, zo: 6 };
  return map[key];
}

/** Codes and names of taxonomy terms and attributes attached to a service. */
function termsOf(o: Obj): string[] {
  const out: string[] = [];
  for (const item of [...asList(o.attributes), ...asList(o.taxonomy_terms), ...(o.taxonomy_term ? [o.taxonomy_term] : [])]) {
    if (typeof item === "string") out.push(item);
    else if (isObj(item)) {
      const term = isObj(item.taxonomy_term) ? (item.taxonomy_term as Obj) : item;
      out.push(str(term.code), str(term.name), str(term.term), str(item.value));
    }
  }
  return out.filter(Boolean);
}

/** Values for a field: the extension field as given (kept even when unknown, so validation reports it), plus known terms. */
function pick(terms: string[], own: unknown[], allowed: readonly string[], extra: string[] = []): string[] {
  const given = own.flatMap((v) => (typeof v === "string" ? v.split("|") : [])).map((v) => v.trim()).filter(Boolean);
  const fromTerms = terms.map((v) => v.trim().toLowerCase()).filter((v) => allowed.includes(v));
  return [...new Set([...given, ...fromTerms, ...extra])];
}

function ageAudience(service: Obj): string[] {
  const eligibility = [service, ...asList(service.eligibility)].filter(isObj) as Obj[];
  for (const e of eligibility) {
    const min = Number(e.minimum_age);
    const max = Number(e.maximum_age);
    if (Number.isFinite(min) && min >= 55) return ["ouderen"];
    if (Number.isFinite(max) && max > 0 && max <= 12) return ["kinderen"];
    if (Number.isFinite(max) && max > 12 && max <= 27 && (!Number.isFinite(min) || min >= 10)) return ["jongeren"];
  }
  return [];
}

function costOptions(service: Obj): string {
  const options = asList(service.cost_options).filter(isObj) as Obj[];
  if (options.length === 0) return "";
  const amounts = options.map((o) => Number(o.amount)).filter((n) => Number.isFinite(n));
  if (amounts.length > 0 && amounts.every((n) => n === 0)) return "gratis";
  const first = options[0]!;
  if (Number.isFinite(Number(first.amount))) return `€${Number(first.amount).toFixed(2).replace(".", ",")}`;
  return str(first.amount_description) || str(first.option);
}

