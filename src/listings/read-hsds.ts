import type { RawListing } from "./listing-model.js";
import type { ImportIssue, LocatedListing, ReadResult } from "./import-report.js";
import type { ListingClassifier } from "./hsds-categories.js";
import { classify, costOptions, fieldAt, languageCodes, postcodeOf } from "./hsds-fields.js";
import { readHsdsSchedule } from "./hsds-schedule.js";
import { asList, byId, flatten, isObj, str, type Obj } from "./hsds-tables.js";

export interface HsdsReadOptions {
  /** Maps taxonomy terms and infers categories; without it only our own category codes are understood. */
  classifier?: ListingClassifier;
  /** The import's date: schedules that ended before it are not taken over. */
  now?: Date;
  format?: ReadResult["format"];
}

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
  if (isObj(data) && Array.isArray(data.contents) && (Number(data.total_pages) > 1 || data.last_page === false)) {
    const page = str(data.page_number) || "?";
    warnings.push({ path: "page_number", message: `dit is pagina ${page} van ${str(data.total_pages) || "meer"}: alleen deze pagina is gelezen. Haal alle pagina's op (elk in een eigen bestand) of vraag de feed met een grotere "per_page"` });
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
    const status = str(service.status).toLowerCase();
    if (status && status !== "active") {
      // HSDS 3: inactive, defunct, temporarily closed. Not something to send a resident to.
      warnings.push({ path: service.__path, ...(serviceId ? { id: serviceId } : {}), field: "status", message: `status "${str(service.status)}": niet overgenomen (alleen actieve services)` });
      continue;
    }
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
