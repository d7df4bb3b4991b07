import type { Gemeente, PlaceRecord } from "./national-places.js";
import { buildNameIndex, KIND_RANK, type KnownPlace, type NameIndex } from "./place-names.js";
import { normalise } from "./text-match.js";

/**
 * The name index over every gemeente, woonplaats, wijk and buurt (built once per process, with the tables).
 * Besides the official names it holds two derived ones, because residents use them:
 * - the common first part of hyphenated wijk/buurt names in one gemeente, at their combined
 *   centre ("Vathorst" for Vathorst-De Velden, Vathorst-De Bron, …), unless a place of that name
 *   already exists there;
 * - a name without a "Wijk 13 " / "Kern " prefix ("Wijk 13 Assendorp" → "Assendorp");
 * - a name without its "e.o." (en omgeving) tail ("Dassenberg e.o." → "Dassenberg"), and each
 *   part of a combined name ("Aldlân & De Hemrik" → "Aldlân", "De Hemrik").
 * Within one gemeente one name keeps one place: the highest kind (gemeente > plaats > wijk > buurt).
 */
export function buildNationalNameIndex(gemeenten: Map<string, Gemeente>, places: PlaceRecord[]): NameIndex {
  const perKey = new Map<string, { name: string; key: string; place: KnownPlace }>();
  const add = (name: string, place: KnownPlace) => {
    const key = normalise(name);
    const id = `${key}|${place.gemeentecode}`;
    const had = perKey.get(id);
    if (!had || KIND_RANK[place.kind] < KIND_RANK[had.place.kind]) perKey.set(id, { name, key, place });
  };
  const municipality = (code: string) => gemeenten.get(code)?.name;

  for (const g of gemeenten.values()) {
    const place: KnownPlace = { name: g.name, kind: "gemeente", municipality: g.name, gemeentecode: g.code, lat: g.lat, lon: g.lon, inwoners: g.inwoners };
    add(g.name, place);
    // "Bergen (NH.)" is "Bergen" to its residents.
    const plain = g.name.replace(/\s*\([^)]*\)$/, "");
    if (plain !== g.name) add(plain, place);
  }
  const groups = new Map<string, { name: string; code: string; lat: number; lon: number; weight: number }>();
  for (const p of places) {
    const kind = p.kind === "woonplaats" ? "plaats" : p.kind;
    const m = municipality(p.gemeentecode);
    const place: KnownPlace = { name: p.name, kind, gemeentecode: p.gemeentecode, lat: p.lat, lon: p.lon, inwoners: p.inwoners, ...(m ? { municipality: m } : {}) };
    add(p.name, place);
    // "Wijk 13 Assendorp", "Kern Hoogland": residents say "Assendorp".
    const bare = p.name.replace(/^(wijk\s+\d+\s+|kern\s+|dorpskern\s+)/i, "");
    if (bare !== p.name && bare.length >= 4) add(bare, { ...place, name: bare });
    const short = bare.replace(/\s+e\.?\s?o\.?$/i, "");
    if (short !== bare && short.length >= 4) add(short, { ...place, name: short });
    // "Aldlân & De Hemrik", "Hempens/Teerns & Zuiderburen": each part is a name residents use.
    const parts = short.split(/\s*[&/]\s*/);
    if (parts.length > 1) for (const part of parts) if (part.length >= 4) add(part, { ...place, name: part });
    if (kind === "wijk" || kind === "buurt") {
      const head = /^([^-]{4,})-\S/.exec(bare)?.[1]?.trim();
      if (head) {
        const id = `${normalise(head)}|${p.gemeentecode}`;
        const weight = Math.max(1, p.inwoners);
        const g = groups.get(id) ?? { name: head, code: p.gemeentecode, lat: 0, lon: 0, weight: 0 };
        g.lat += p.lat * weight;
        g.lon += p.lon * weight;
        g.weight += weight;
        groups.set(id, g);
      }
    }
  }
  for (const [id, g] of groups) {
    if (perKey.has(id)) continue;
    const m = municipality(g.code);
    perKey.set(id, {
      name: g.name,
      key: id.slice(0, id.lastIndexOf("|")),
      place: { name: g.name, kind: "wijk", gemeentecode: g.code, lat: g.lat / g.weight, lon: g.lon / g.weight, inwoners: g.weight, ...(m ? { municipality: m } : {}) },
    });
  }
  return buildNameIndex([...perKey.values()]);
}
