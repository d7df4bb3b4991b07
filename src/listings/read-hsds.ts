import { AUDIENCES, CATEGORIES, type RawListing } from "./listing-model.js";
import type { ImportIssue, LocatedListing, ReadResult } from "./import-report.js";
import type { ListingClassifier, TermRef } from "./hsds-categories.js";
import { readHsdsSchedule } from "./hsds-schedule.js";
import { asList, byId, flatten, isObj, str, type Obj, type Row, type Tables } from "./hsds-tables.js";

export interface HsdsReadOptions {
  /** Maps taxonomy terms and infers categories; without it only our own category codes are understood. */
  classifier?: ListingClassifier;
  /** The import's date: schedules that ended before it are not taken over. */
  now?: Date;
  format?: ReadResult["format"];
}

const DUTCH = new Set(["nl", "nld", "netherlands", "nederland", "the netherlands"]);

/** Reads Open Referral HSDS JSON (any shape {@link flatten} knows) into the listing model. */
export function readListingsHsds(content: string, options: HsdsReadOptions = {}): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { format: "hsds", listings: [], errors: [{ message: `geen geldige JSON: ${(error as Error).message}` }], warnings: [] };
  }
  return readHsdsData(data, options);
}

/**
 * Reads HSDS data (parsed JSON, or the tables of a tabular data package) into the listing model.
 * One listing per service at a location; its id is the service id, or `<service>@<location>` when
 * a service runs at several places. What the model cannot hold exactly (a taxonomy that maps to
 * nothing, a rule like "every other week", a foreign postcode) is a warning; invalid values stay
 * in the listing so validation refuses it with the row's path.
 */
export function readHsdsData(data: unknown, options: HsdsReadOptions = {}): ReadResult {
  const format = options.format ?? "hsds";
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const t = flatten(data);
  if (t.services.length === 0 && t.organizations.length > 0) {
    return { format, listings: [], errors: [{ message: `${t.organizations.length} organisatie(s) zonder services gevonden; importeer de services (met hun locaties), bijvoorbeeld een organisatie met "services" of de lijst van /services` }], warnings };
  }
  if (t.services.length === 0) {
    return { format, listings: [], errors: [{ message: "geen services gevonden (verwacht HSDS: een service, een organisatie met services, een lijst, een pagina met \"contents\" of een tabel \"services\")" }], warnings };
  }
  const now = options.now ?? new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const orgs = byId(t.organizations);
  const locations = byId(t.locations);
  const terms = byId(t.terms);
  const listings: LocatedListing[] = [];
  const skipped: ImportIssue[] = [];
  for (const service of t.services) {
    const serviceId = str(service.id);
    const org = orgs.get(str(service.organization_id));
    let sals = t.sals.filter((s) => str(s.service_id) === serviceId);
    if (sals.length === 0) {
      const own = t.locations.filter((l) => str(l.service_id) === serviceId);
      sals = own.map((l) => ({ __path: l.__path, service_id: serviceId, location_id: str(l.id) }));
    }
    if (sals.length === 0) {
      // Helplines and online services are valid HSDS, but not something to visit: left out, said so.
      skipped.push({ path: service.__path, ...(serviceId ? { id: serviceId } : {}), field: "service_at_locations", message: "deze service heeft geen locatie en is niet overgenomen (Wijkwijzer toont activiteiten met een adres en latitude/longitude)" });
      continue;
    }
    const { categories, audience } = classify(service, t, terms, options.classifier, serviceId, warnings);
    for (const sal of sals) {
      const location = locations.get(str(sal.location_id));
      if (!location) {
        errors.push({ path: sal.__path, field: "location_id", message: `locatie "${str(sal.location_id)}" bestaat niet in dit bestand` });
        continue;
      }
      const locationId = str(location.id);
      if (str(location.location_type).toLowerCase() === "virtual") {
        skipped.push({ path: location.__path, ...(serviceId ? { id: serviceId } : {}), field: "location_type", message: "online locatie (virtual): niet overgenomen als plek om naartoe te gaan" });
        continue;
      }
      const salId = str(sal.id);
      const id = sals.length === 1 ? serviceId : `${serviceId}@${locationId}`;
      const ofSal = (row: Obj) => salId !== "" && str(row.service_at_location_id) === salId;
      const ofService = (row: Obj) => str(row.service_id) === serviceId && (!row.location_id || str(row.location_id) === locationId) && !row.service_at_location_id;
      const ofLocation = (row: Obj) => !row.service_id && !row.service_at_location_id && str(row.location_id) === locationId;
      const linked = (row: Obj) => ofSal(row) || ofService(row) || ofLocation(row);
      // The most specific schedules win: at this location, then the service's, then the building's opening hours.
      const scheduleRows = [ofSal, ofService, ofLocation].map((f) => t.schedules.filter(f)).find((rows) => rows.length > 0) ?? [];
      const notes: string[] = [];
      const entries: string[] = [];
      for (const row of scheduleRows) {
        const s = readHsdsSchedule(row, today);
        s.errors.forEach((e) => errors.push({ path: row.__path, id, ...e }));
        s.warnings.forEach((w) => warnings.push({ path: row.__path, id, ...w }));
        entries.push(...s.entries);
        if (s.note && !notes.includes(s.note)) notes.push(s.note);
      }
      const addresses = t.addresses.filter((a) => str(a.location_id) === locationId);
      const address = addresses.find((a) => str(a.address_type) !== "postal") ?? addresses[0];
      const phone = t.phones.find(linked) ?? t.phones.find((p) => org && str(p.organization_id) === str(org.id) && !p.service_id && !p.location_id);
      const languages = languageCodes([...t.languages.filter(linked), ...asList(service.languages).filter((l) => typeof l === "string")], id, service.__path, warnings);
      const access = [...t.accessibility.filter((a) => str(a.location_id) === locationId).map((a) => str(a.description) || str(a.accessibility)), str(location.accessibility_for_disabilities)].filter(Boolean);
      const description = [str(service.description) || str(org?.description), ...notes.map((n) => `Tijden: ${n}`)].filter(Boolean).join("\n");
      const raw: RawListing = {
        id,
        name: str(service.name),
        organization: str(org?.name),
        description,
        categories: categories.join("|"),
        audience: audience.join("|"),
        address: [str(address?.address_1), str(address?.address_2)].filter(Boolean).join(", ") || str(location.address),
        postcode: postcodeOf(address, id, warnings),
        city: str(address?.city),
        latitude: str(location.latitude),
        longitude: str(location.longitude),
        schedule: [...new Set(entries)].join("; "),
        cost: str(service.fees_description) || str(service.fees) || costOptions(t.costOptions.filter((c) => str(c.service_id) === serviceId)),
        languages: languages.join("|"),
        accessibility: access.join("; "),
        phone: str(phone?.number).replace(/^["'\s]+|["'\s]+$/g, ""),
        email: str(service.email) || str(org?.email),
        website: str(service.url) || str(org?.website) || str(org?.url),
        last_verified: (str(service.assured_date) || str(service.last_modified) || str(service.last_verified)).slice(0, 10),
      };
      listings.push({
        raw,
        path: `${service.__path} @ ${location.__path}`,
        fieldNames: {
          name: "name",
          categories: "categories / taxonomy",
          audience: "audience / taxonomy",
          latitude: fieldAt(location.__path, "latitude"),
          longitude: fieldAt(location.__path, "longitude"),
          postcode: "postal_code",
          last_verified: "assured_date",
          website: "url",
          cost: "fees_description",
          phone: "phones.number",
        },
      });
    }
  }
  if (listings.length === 0 && errors.length === 0) errors.push({ message: "geen enkele service heeft een locatie met latitude en longitude: er is niets te importeren" }, ...skipped);
  else warnings.push(...skipped);
  return { format, listings, errors, warnings };
}

/** Categories and audience: our own fields as given, then mapped taxonomy terms, then the words of name and description. */
function classify(service: Row, t: Tables, terms: Map<string, Row>, classifier: ListingClassifier | undefined, id: string, warnings: ImportIssue[]) {
  const refs = termsOf(service, t, terms);
  const own = (v: unknown) => asList(v).flatMap((x) => (typeof x === "string" ? x.split("|") : [])).map((x) => x.trim()).filter(Boolean);
  const given = own(service.categories);
  const direct = refs.flatMap((r) => [r.code, r.name]).map((v) => (v ?? "").trim().toLowerCase());
  const mapped = classifier?.fromTerms(refs) ?? { categories: [], audiences: [] };
  let categories = [...new Set([...given, ...direct.filter((v) => (CATEGORIES as readonly string[]).includes(v)), ...mapped.categories])];
  const where = { path: service.__path, ...(id ? { id } : {}), field: "categories" };
  const termText = refs.map((r) => r.name || r.code).filter(Boolean).slice(0, 3).map((x) => `"${x}"`).join(", ");
  if (categories.length === 0 && classifier) {
    categories = classifier.fromText(str(service.name), str(service.description));
    if (categories.length > 0) {
      warnings.push({ ...where, message: `categorie afgeleid uit naam en beschrijving: ${categories.join(", ")}${termText ? ` (taxonomie ${termText} staat niet in hsds-taxonomy-map.json)` : ""}` });
    } else {
      categories = ["informatie-en-advies"];
      warnings.push({ ...where, message: `geen categorie herkend${termText ? ` (taxonomie ${termText} staat niet in hsds-taxonomy-map.json)` : ""}; ingedeeld als informatie-en-advies. Voeg de term toe aan de tabel of geef de service een categorie` });
    }
  }
  const audience = [...new Set([...own(service.audience), ...direct.filter((v) => (AUDIENCES as readonly string[]).includes(v)), ...mapped.audiences, ...ageAudience(service)])];
  return { categories, audience };
}

/** Taxonomy terms of a service: nested (HSDS 3 `attributes[].taxonomy_term`, `taxonomy_terms`) or linked by id in tables. */
function termsOf(service: Row, t: Tables, terms: Map<string, Row>): TermRef[] {
  const out: TermRef[] = [];
  const add = (term: Obj | undefined, fallback?: string) => {
    if (term) out.push({ code: str(term.code) || str(term.term_code), name: str(term.name) || str(term.term) || fallback || "" });
    else if (fallback) out.push({ name: fallback });
  };
  for (const item of [...asList(service.attributes), ...asList(service.taxonomy_terms), ...asList(service.taxonomy_term)]) {
    if (typeof item === "string") add(undefined, item);
    else if (isObj(item)) add(isObj(item.taxonomy_term) ? (item.taxonomy_term as Obj) : terms.get(str(item.taxonomy_term_id)) ?? item, str(item.value));
  }
  const sid = str(service.id);
  for (const link of t.attributes) {
    if (str(link.link_id) !== sid && str(link.service_id) !== sid) continue;
    const term = terms.get(str(link.taxonomy_term_id) || str(link.taxonomy_id));
    add(term, str(link.taxonomy_detail) || str(link.value));
  }
  return out.filter((r) => r.code || r.name);
}

/** `locations[1].latitude` in JSON; `latitude (locations.csv rij 2)` in a CSV table. */
function fieldAt(path: string, field: string): string {
  return path.includes(" rij ") ? `${field} (${path})` : `${path}.${field}`;
}

/** A Dutch listing needs a Dutch postcode (validation checks it); a foreign one is not ours to check and is left out. */
function postcodeOf(address: Row | undefined, id: string, warnings: ImportIssue[]): string {
  const postcode = str(address?.postal_code);
  const country = str(address?.country).toLowerCase();
  if (!postcode || !country || DUTCH.has(country)) return postcode;
  warnings.push({ path: address!.__path, id, field: "postal_code", message: `adres in het buitenland (${str(address?.country)}): postcode "${postcode}" niet overgenomen` });
  return "";
}

/** ISO 639-1 codes; ISO 639-3 codes (`nld`, `ara`) are turned into them, anything else is left out with a warning. */
function languageCodes(rows: unknown[], id: string, path: string, warnings: ImportIssue[]): string[] {
  const out = new Set<string>();
  for (const row of rows) {
    const value = typeof row === "string" ? row : isObj(row) ? str(row.code) || str(row.language) : "";
    if (!value) continue;
    let code: string | undefined;
    try {
      code = new Intl.Locale(value.replace("_", "-")).language;
    } catch {
      code = undefined;
    }
    if (code && /^[a-z]{2}$/.test(code)) out.add(code);
    else warnings.push({ path, id, field: "languages", message: `taal "${value}" is geen ISO 639-code; niet overgenomen` });
  }
  return [...out];
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

function costOptions(options: Row[]): string {
  if (options.length === 0) return "";
  const amounts = options.map((o) => Number(o.amount)).filter((n) => Number.isFinite(n));
  if (amounts.length > 0 && amounts.every((n) => n === 0)) return "gratis";
  const first = options[0]!;
  const currency = str(first.currency).toUpperCase();
  const symbol = !currency || currency === "EUR" ? "€" : `${currency} `;
  const amount = Number(first.amount);
  if (str(first.amount) !== "" && Number.isFinite(amount)) {
    return [`${symbol}${amount.toFixed(2).replace(".", ",")}`, str(first.amount_description), str(first.option) ? `(${str(first.option)})` : ""].filter(Boolean).join(" ");
  }
  return str(first.amount_description) || str(first.option);
}
