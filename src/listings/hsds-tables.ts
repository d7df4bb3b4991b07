/**
 * Open Referral HSDS in every shape feeds publish it, as flat tables that point at each other by id:
 * the tabular form (one array per table, as JSON or as CSV files), and the HSDS 3 API objects
 * (one service, one organization with its services and locations, one service-at-location, a list,
 * a paged list `{"total_items", "page_number", "contents": [...]}`).
 */

export type Obj = Record<string, unknown>;
/** A row of an HSDS table, with where it was in the file for the import report. */
export type Row = Obj & { __path: string };

export interface Tables {
  organizations: Row[];
  services: Row[];
  locations: Row[];
  sals: Row[];
  schedules: Row[];
  phones: Row[];
  addresses: Row[];
  languages: Row[];
  accessibility: Row[];
  /** Links from a service to taxonomy terms (HSDS 3 `attribute`, HSDS 2 `service_taxonomy`). */
  attributes: Row[];
  /** Taxonomy terms (HSDS 3 `taxonomy_term`, HSDS 2 `taxonomy`). */
  terms: Row[];
  costOptions: Row[];
}

/** Table names as HSDS 1, 2 and 3 spell them (plural, singular, older names), per table. */
export const TABLE_NAMES: Record<Exclude<keyof Tables, "services">, string[]> = {
  organizations: ["organizations", "organization"],
  locations: ["locations", "location"],
  sals: ["service_at_locations", "service_at_location", "services_at_location", "services_at_locations"],
  schedules: ["schedules", "schedule", "regular_schedules", "regular_schedule"],
  phones: ["phones", "phone"],
  addresses: ["addresses", "address", "physical_addresses", "physical_address"],
  languages: ["languages", "language"],
  accessibility: ["accessibility", "accessibility_for_disabilities"],
  attributes: ["attributes", "attribute", "service_attributes", "service_taxonomy", "service_taxonomies"],
  terms: ["taxonomy_terms", "taxonomy_term", "taxonomy", "taxonomies"],
  costOptions: ["cost_options", "cost_option"],
};
export const SERVICE_TABLES = ["services", "service"];

const PAGED = ["contents", "items", "data", "results"];

/** Turns any HSDS shape into flat tables; every row knows its path (a JSON path, or a CSV file and row). */
export function flatten(data: unknown): Tables {
  const t: Tables = { organizations: [], services: [], locations: [], sals: [], schedules: [], phones: [], addresses: [], languages: [], accessibility: [], attributes: [], terms: [], costOptions: [] };
  let top: Obj = {};
  let prefix = "";
  if (Array.isArray(data)) top = { services: data };
  else if (isObj(data)) {
    const paged = PAGED.find((k) => Array.isArray(data[k]));
    if (paged) {
      const items = data[paged] as unknown[];
      top = items.length > 0 && items.every(looksLikeOrganization) ? { organizations_full: items } : { services: items };
      prefix = paged;
    } else top = data;
  }
  // tabular.json names its tables after their files: "services.csv".
  top = Object.fromEntries(Object.entries(top).map(([k, v]) => [k.replace(/\.csv$/i, ""), v]));

  // One API object has its own id and name; the tabular form has only tables at the top.
  if (typeof top.id === "string" || typeof top.name === "string") {
    addObject(t, top, "");
    return t;
  }
  for (const [key, names] of Object.entries(TABLE_NAMES) as Array<[keyof typeof TABLE_NAMES, string[]]>) {
    for (const name of names) asList(top[name]).forEach((row, i) => isObj(row) && t[key].push({ ...row, __path: pathOf(row, `${name}[${i}]`) }));
  }
  for (const loc of [...t.locations]) addLocationChildren(t, loc, str(loc.id), loc.__path);
  for (const org of [...t.organizations]) addOrganizationChildren(t, org, org.__path);
  const services = SERVICE_TABLES.flatMap((name) => asList(top[name]).map((raw, i) => ({ raw, path: pathOf(raw, `${prefix || name}[${i}]`) })));
  for (const { raw, path } of services) if (isObj(raw)) addObject(t, raw, path);
  asList(top.organizations_full).forEach((raw, i) => isObj(raw) && addObject(t, { services: [], ...raw }, `${prefix}[${i}]`));
  return t;
}

/** An organization (a page of `/organizations`) rather than a service: its own fields, no service fields. */
function looksLikeOrganization(item: unknown): boolean {
  if (!isObj(item)) return false;
  if (Array.isArray(item.services)) return true;
  if ("service_at_locations" in item || "organization" in item || "organization_id" in item) return false;
  return ["website", "legal_status", "tax_status", "year_incorporated", "parent_organization_id", "organization_identifiers"].some((k) => k in item);
}

/** One API object: a service, an organization (with services), or a service-at-location (with service and location). */
function addObject(t: Tables, raw: Obj, path: string) {
  const at = (child: string) => (path ? `${path}.${child}` : child);
  if (isObj(raw.service) && (isObj(raw.location) || raw.location_id)) {
    // A service_at_location object: the service, at this one location.
    const { service, ...sal } = raw;
    addService(t, { ...(service as Obj), service_at_locations: [sal] }, at("service"));
    return;
  }
  if (Array.isArray(raw.services) || (Array.isArray(raw.locations) && !("organization_id" in raw))) {
    const org: Row = { ...raw, __path: path || "organization" };
    delete org.services;
    t.organizations.push(org);
    addOrganizationChildren(t, raw, org.__path);
    asList(raw.services).forEach((s, i) => isObj(s) && addService(t, { organization_id: raw.id, ...s }, at(`services[${i}]`)));
    return;
  }
  addService(t, raw, path || "service");
}

function addService(t: Tables, raw: Obj, path: string) {
  const service: Row = { ...raw, __path: path };
  const sid = str(raw.id);
  if (isObj(raw.organization)) {
    const org = raw.organization as Obj;
    t.organizations.push({ ...org, __path: `${path}.organization` });
    addOrganizationChildren(t, org, `${path}.organization`);
    if (!service.organization_id) service.organization_id = org.id;
  }
  nested(raw.schedules ?? raw.regular_schedules, `${path}.schedules`, t.schedules, { service_id: sid });
  nested(raw.phones, `${path}.phones`, t.phones, { service_id: sid });
  nested(raw.languages, `${path}.languages`, t.languages, { service_id: sid }, true);
  nested(raw.cost_options, `${path}.cost_options`, t.costOptions, { service_id: sid });
  asList(raw.service_at_locations).forEach((salRaw, j) => {
    if (!isObj(salRaw)) return;
    const salPath = `${path}.service_at_locations[${j}]`;
    const location = isObj(salRaw.location) ? (salRaw.location as Obj) : undefined;
    const locationId = str(salRaw.location_id) || str(location?.id) || `${sid}#${j}`;
    const salId = str(salRaw.id) || `${sid}@${locationId}`;
    t.sals.push({ ...salRaw, id: salId, service_id: sid, location_id: locationId, __path: salPath });
    nested(salRaw.schedules, `${salPath}.schedules`, t.schedules, { service_at_location_id: salId });
    nested(salRaw.phones, `${salPath}.phones`, t.phones, { service_at_location_id: salId });
    if (location && !t.locations.some((l) => str(l.id) === locationId)) addLocation(t, location, locationId, `${salPath}.location`);
  });
  t.services.push(service);
}

function addOrganizationChildren(t: Tables, org: Obj, path: string) {
  asList(org.locations).forEach((l, i) => {
    if (isObj(l) && !t.locations.some((x) => str(x.id) === str(l.id) && str(l.id) !== "")) addLocation(t, { organization_id: org.id, ...l }, str(l.id), `${path}.locations[${i}]`);
  });
  nested(org.phones, `${path}.phones`, t.phones, { organization_id: org.id });
}

function addLocation(t: Tables, location: Obj, id: string, path: string) {
  t.locations.push({ ...location, id, __path: path });
  addLocationChildren(t, location, id, path);
}

function addLocationChildren(t: Tables, location: Obj, id: string, path: string) {
  nested(location.addresses ?? location.physical_addresses ?? location.physical_address, `${path}.addresses`, t.addresses, { location_id: id });
  nested(location.accessibility ?? location.accessibility_for_disabilities, `${path}.accessibility`, t.accessibility, { location_id: id }, true);
  nested(location.schedules ?? location.regular_schedules, `${path}.schedules`, t.schedules, { location_id: id });
  nested(location.phones, `${path}.phones`, t.phones, { location_id: id });
  nested(location.languages, `${path}.languages`, t.languages, { location_id: id }, true);
}

function nested(value: unknown, path: string, into: Row[], link: Obj, stringsAllowed = false) {
  const items = isObj(value) ? [value] : asList(value);
  items.forEach((item, i) => {
    if (isObj(item)) into.push({ ...link, ...item, __path: `${path}[${i}]` });
    else if (stringsAllowed && typeof item === "string") into.push({ ...link, code: item, description: item, __path: `${path}[${i}]` });
  });
}

/** CSV rows come with their own path (`services.csv rij 2`); JSON rows get a JSON path. */
function pathOf(row: unknown, fallback: string): string {
  return isObj(row) && typeof row.__path === "string" ? row.__path : fallback;
}

/** Rows by id; when a feed repeats an object (an organization nested in each of its services), the copies complete each other. */
export function byId(rows: Row[]): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const row of rows) {
    const id = str(row.id);
    const seen = out.get(id);
    if (!seen) out.set(id, row);
    else for (const [k, v] of Object.entries(row)) if (seen[k] === undefined || seen[k] === "" || seen[k] === null) seen[k] = v;
  }
  return out;
}

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

export function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}
