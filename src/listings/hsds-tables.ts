/** Open Referral HSDS JSON in its two shapes (tabular data package, nested service objects) as flat tables. */

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
  attributes: Row[];
}

/** Turns both HSDS shapes into flat tables that point at each other by id; every row knows its path. */
export function flatten(data: unknown): Tables {
  const t: Tables = { organizations: [], services: [], locations: [], sals: [], schedules: [], phones: [], addresses: [], languages: [], accessibility: [], attributes: [] };
  const top: Obj = Array.isArray(data) ? { services: data } : isObj(data) ? data : {};
  const table = (names: string[], into: Row[]) => {
    for (const name of names) asList(top[name]).forEach((row, i) => isObj(row) && into.push({ ...row, __path: `${name}[${i}]` }));
  };
  table(["organizations", "organization"], t.organizations);
  table(["locations", "location"], t.locations);
  table(["service_at_locations", "service_at_location"], t.sals);
  table(["schedules", "regular_schedules", "schedule"], t.schedules);
  table(["phones", "phone"], t.phones);
  table(["physical_addresses", "addresses", "physical_address", "address"], t.addresses);
  table(["languages", "language"], t.languages);
  table(["accessibility", "accessibility_for_disabilities"], t.accessibility);
  table(["attributes", "service_attributes"], t.attributes);
  asList(top.services ?? top.service).forEach((raw, i) => {
    if (!isObj(raw)) return;
    const path = `services[${i}]`;
    const service: Row = { ...raw, __path: path };
    const sid = str(raw.id);
    if (isObj(raw.organization)) {
      const org = raw.organization as Obj;
      t.organizations.push({ ...org, __path: `${path}.organization` });
      if (!service.organization_id) service.organization_id = org.id;
    }
    nested(raw.schedules ?? raw.regular_schedules, `${path}.schedules`, t.schedules, { service_id: sid });
    nested(raw.phones, `${path}.phones`, t.phones, { service_id: sid });
    nested(raw.languages, `${path}.languages`, t.languages, { service_id: sid }, true);
    asList(raw.service_at_locations).forEach((salRaw, j) => {
      if (!isObj(salRaw)) return;
      const salPath = `${path}.service_at_locations[${j}]`;
      const location = isObj(salRaw.location) ? (salRaw.location as Obj) : undefined;
      const locationId = str(salRaw.location_id) || str(location?.id) || `${sid}#${j}`;
      const salId = str(salRaw.id) || `${sid}@${locationId}`;
      t.sals.push({ ...salRaw, id: salId, service_id: sid, location_id: locationId, __path: salPath });
      nested(salRaw.schedules, `${salPath}.schedules`, t.schedules, { service_at_location_id: salId });
      nested(salRaw.phones, `${salPath}.phones`, t.phones, { service_at_location_id: salId });
      if (location) addLocation(t, location, locationId, `${salPath}.location`);
    });
    t.services.push(service);
  });
  // Nested locations in the tabular form too (HSDS 3 location objects carry their addresses).
  for (const loc of [...t.locations]) addLocationChildren(t, loc, str(loc.id), loc.__path);
  return t;
}

function addLocation(t: Tables, location: Obj, id: string, path: string) {
  t.locations.push({ ...location, id, __path: path });
  addLocationChildren(t, location, id, path);
}

function addLocationChildren(t: Tables, location: Obj, id: string, path: string) {
  nested(location.addresses ?? location.physical_addresses ?? location.physical_address, `${path}.addresses`, t.addresses, { location_id: id });
  nested(location.accessibility, `${path}.accessibility`, t.accessibility, { location_id: id }, true);
  nested(location.schedules, `${path}.schedules`, t.schedules, { location_id: id });
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

export function byId(rows: Row[]): Map<string, Row> {
  return new Map(rows.map((r) => [str(r.id), r]));
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
