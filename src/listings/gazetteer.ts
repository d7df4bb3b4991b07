import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { GeoPoint } from "../core/types.js";
import type { Listing } from "./listing-model.js";
import { loadNationalPlaces, type NationalPlaces } from "./national-places.js";
import { chooseAmong, evidenceStrength, placeEvidence, type PlaceEvidence } from "./place-choice.js";
import { buildNameIndex, type KnownPlace, type NameHit, type NameIndex } from "./place-names.js";
import { findInOtherScript } from "./script-place.js";
import { createScriptNames, loadTransliteration, type ScriptNames } from "./script-names.js";
import { normalise } from "./text-match.js";

export type { KnownPlace } from "./place-names.js";

export interface PlaceMatch {
  place: KnownPlace;
  start: number;
  end: number;
  /** Set when the name fits places in several gemeenten and the text does not say which: ask. */
  alternatives?: KnownPlace[];
}

/** What the conversation says about a message: `placeAsked`, the assistant is waiting for a place ("Waar zoekt u?"). */
export interface FindOptions {
  placeAsked?: boolean;
}

/**
 * Every Dutch postcode area, gemeente, woonplaats, wijk and buurt (`knowledge/geo/nl/`), the local
 * names and aliases of `knowledge/geo/places.csv` and `postcodes.csv`, and the listings' own towns
 * and postcodes; plus which gemeenten the listings cover.
 */
export interface Gazetteer {
  postcode(pc4: string): KnownPlace | undefined;
  /** Exact name or alias (any case, accents, hyphens), also "Hoogland, Amersfoort"; the likeliest place, else undefined. */
  byName(name: string): KnownPlace | undefined;
  /**
   * The place named in the tokens: exact first, then with typos. Names of places outside the
   * covered gemeenten, short names and common words need stronger evidence (a preposition such as
   * "in", a capital, or a message that is only the place). Tokens for which `skip` is true never
   * start a typo match. `cased` is the same tokens with their capitals.
   */
  find(tokens: string[], used: boolean[], skip: (token: string) => boolean, cased?: string[], options?: FindOptions): PlaceMatch | undefined;
  /** A postcode from the data, for examples in questions ("bijvoorbeeld 3701"). */
  examplePostcode(): string | undefined;
  /** The gemeente a point lies in (the nearest postcode area's), undefined outside the country or without tables. */
  gemeenteAt(point: GeoPoint): { code: string; name: string } | undefined;
  /** True when the listings have activities in this gemeente, or when that cannot be known. */
  covers(gemeentecode: string | undefined): boolean;
  /** The covered gemeenten, by name. */
  coveredNames(): string[];
}

export function loadGazetteer(knowledgeDir: string, listings: Listing[]): Gazetteer {
  const geoDir = join(knowledgeDir, "geo");
  const read = (file: string): Array<Record<string, string>> => {
    const path = join(geoDir, file);
    if (!existsSync(path)) return [];
    return parse(readFileSync(path, "utf8"), { bom: true, columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  };
  const transliteration = loadTransliteration(knowledgeDir);
  return buildGazetteer(read("postcodes.csv"), read("places.csv"), listings, loadNationalPlaces(knowledgeDir), transliteration && createScriptNames(transliteration));
}

const EMPTY_NATIONAL: NationalPlaces = { gemeenten: new Map(), pc4: new Map(), gemeenteAt: () => undefined };

export function buildGazetteer(
  postcodeRows: Array<Record<string, string>>,
  placeRows: Array<Record<string, string>>,
  listings: Listing[],
  national: NationalPlaces = EMPTY_NATIONAL,
  /** Reads place names written in Arabic, Cyrillic or Ethiopic script ("زايست", "Зейсті"); without it only Latin names. */
  scriptNames?: ScriptNames,
): Gazetteer {
  const codeByName = new Map([...national.gemeenten.values()].map((g) => [normalise(g.name), g.code]));
  const gemeenteName = (code: string | undefined) => (code ? national.gemeenten.get(code)?.name : undefined);
  const inGemeente = (lat: number, lon: number, municipality?: string): Pick<KnownPlace, "gemeentecode" | "municipality"> => {
    const code = (municipality ? codeByName.get(normalise(municipality)) : undefined) ?? national.gemeenteAt(lat, lon);
    const name = gemeenteName(code) ?? municipality;
    return { ...(code ? { gemeentecode: code } : {}), ...(name ? { municipality: name } : {}) };
  };
  const valid = (lat: number, lon: number) => Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

  const postcodes = new Map<string, KnownPlace>();
  for (const a of national.pc4.values()) {
    postcodes.set(a.pc4, { name: a.pc4, kind: "postcode", lat: a.lat, lon: a.lon, gemeentecode: a.gemeentecode, ...(gemeenteName(a.gemeentecode) ? { municipality: gemeenteName(a.gemeentecode)! } : {}) });
  }
  const local: Array<{ name: string; place: KnownPlace }> = [];
  for (const row of placeRows) {
    const lat = Number(row.latitude);
    const lon = Number(row.longitude);
    if (!row.name || !valid(lat, lon)) continue;
    const place: KnownPlace = { name: row.name, kind: row.kind === "wijk" ? "wijk" : "plaats", lat, lon, ...inGemeente(lat, lon, row.municipality) };
    local.push({ name: row.name, place });
    for (const alias of (row.aliases ?? "").split("|")) if (alias.trim()) local.push({ name: alias, place });
  }
  for (const row of postcodeRows) {
    const lat = Number(row.latitude);
    const lon = Number(row.longitude);
    const pc4 = (row.postcode4 ?? "").trim();
    if (!/^\d{4}$/.test(pc4) || !valid(lat, lon)) continue;
    // The national table is official; a local row only adds an area it does not know.
    if (!postcodes.has(pc4)) postcodes.set(pc4, { name: pc4, kind: "postcode", lat, lon, ...inGemeente(lat, lon, row.municipality) });
    if (row.place && national.gemeenten.size === 0) local.push({ name: row.place, place: { name: row.place, kind: "plaats", lat, lon, ...inGemeente(lat, lon, row.municipality) } });
  }

  // Listings fill the gaps (postcode areas and towns the tables do not know) and say what is covered.
  const covered = new Set<string>();
  const towns = new Map<string, { label: string; lat: number; lon: number; n: number }>();
  const areas = new Map<string, { lat: number; lon: number; n: number }>();
  for (const l of listings) {
    const pc4 = l.postcode?.slice(0, 4);
    const code = (pc4 ? national.pc4.get(pc4)?.gemeentecode : undefined) ?? national.gemeenteAt(l.latitude, l.longitude);
    if (code) covered.add(code);
    if (pc4 && !postcodes.has(pc4)) {
      const a = areas.get(pc4) ?? { lat: 0, lon: 0, n: 0 };
      areas.set(pc4, { lat: a.lat + l.latitude, lon: a.lon + l.longitude, n: a.n + 1 });
    }
    if (l.city) {
      const t = towns.get(l.city.toLowerCase()) ?? { label: l.city, lat: 0, lon: 0, n: 0 };
      towns.set(l.city.toLowerCase(), { label: t.label, lat: t.lat + l.latitude, lon: t.lon + l.longitude, n: t.n + 1 });
    }
  }
  for (const [pc4, a] of areas) postcodes.set(pc4, { name: pc4, kind: "postcode", lat: a.lat / a.n, lon: a.lon / a.n, ...inGemeente(a.lat / a.n, a.lon / a.n) });
  const nationalIndex: NameIndex | undefined = national.names;
  for (const t of towns.values()) {
    if (nationalIndex && nationalIndex.places(normalise(t.label)).length > 0) continue;
    const lat = t.lat / t.n;
    const lon = t.lon / t.n;
    local.push({ name: t.label, place: { name: t.label, kind: "plaats", lat, lon, ...inGemeente(lat, lon) } });
  }
  const localIndex = buildNameIndex(local);
  const indexes = nationalIndex ? [localIndex, nationalIndex] : [localIndex];
  // Without national tables or without any listing, coverage cannot be known: everything counts.
  const isCovered = (code: string | undefined) => national.gemeenten.size === 0 || covered.size === 0 || code === undefined || covered.has(code);

  /** Local names first: a Zeist alias ("l-flat", "west") overrides nothing national, but joins its places. */
  const placesOf = (key: string): KnownPlace[] => {
    const all = indexes.flatMap((ix) => ix.places(key));
    const seen = new Set<string>();
    return all.filter((p) => {
      const id = `${p.gemeentecode}|${normalise(p.name)}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  };

  const perPostcode = new Map<string, number>();
  for (const l of listings) if (l.postcode) perPostcode.set(l.postcode.slice(0, 4), (perPostcode.get(l.postcode.slice(0, 4)) ?? 0) + 1);
  const example = [...perPostcode.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? [...postcodes.keys()].sort()[0];

  function resolve(
    hit: NameHit,
    tokens: string[],
    used: boolean[],
    skip: (t: string) => boolean,
    cased: string[] | undefined,
    given?: PlaceEvidence,
  ): (PlaceMatch & { strength: number }) | undefined {
    const places = placesOf(hit.key);
    const evidence = given ?? placeEvidence(tokens, cased, hit, skip);
    const choice = chooseAmong(places, {
      evidence,
      fuzzy: hit.distance > 0,
      covered: isCovered,
      joinedLength: hit.key.replace(/ /g, "").length,
      sameStart: hit.key[0] === tokens[hit.start]?.[0],
      qualifier: (from) => qualifier(tokens, used, from),
      hitEnd: hit.end,
    });
    if (!choice) return undefined;
    // Covered and unambiguous first, then the evidence: "voetbal in de kooi zeist" is about Zeist,
    // not about a De Kooi in two other gemeenten; "te hoog, hulp in Zeist" is about Zeist.
    const covered = !choice.alternatives && isCovered(choice.place.gemeentecode) ? 1 : 0;
    const strength = covered * 10 + (choice.end !== undefined ? 2 : evidenceStrength(evidence)) * 2 + (choice.alternatives ? 0 : 1);
    return { place: choice.place, start: hit.start, end: choice.end ?? hit.end, strength, ...(choice.alternatives ? { alternatives: choice.alternatives } : {}) };
  }

  /** "Hoogland in Amersfoort", "Centrum, Leeuwarden": a gemeente or woonplaats right after a name. */
  function qualifier(tokens: string[], used: boolean[], from: number): { codes: Set<string>; end: number } | undefined {
    let k = from;
    if (tokens[k] === "in" || tokens[k] === "te" || tokens[k] === "gemeente") k++;
    if (tokens[k] === "gemeente") k++;
    const hits = indexes.flatMap((ix) => ix.exact(tokens, used)).filter((h) => h.start === k);
    const best = hits.sort((a, b) => b.end - a.end)[0];
    if (!best) return undefined;
    const codes = new Set(placesOf(best.key).filter((p) => p.kind === "gemeente" || p.kind === "plaats").flatMap((p) => (p.gemeentecode ? [p.gemeentecode] : [])));
    return codes.size > 0 ? { codes, end: best.end } : undefined;
  }

  function findExact(tokens: string[], used: boolean[], skip: (t: string) => boolean, cased: string[] | undefined): (PlaceMatch & { strength: number }) | undefined {
    const seen = new Set<string>();
    const hits = indexes
      .flatMap((ix) => ix.exact(tokens, used))
      .filter((h) => {
        const id = `${h.start}:${h.key}`;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      })
      .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    // The best-ranked name wins ("koffie best lekker in Zeist" is about Zeist), then the longest, then the first.
    // A name inside a longer name that matched ("Heide" in "Huis ter Heide") is not a place of its own.
    const matches = hits.flatMap((hit) => resolve(hit, tokens, used, skip, cased) ?? []);
    let best: (PlaceMatch & { strength: number }) | undefined;
    for (const match of matches) {
      const inside = matches.some((m) => m !== match && m.start <= match.start && m.end >= match.end && m.end - m.start > match.end - match.start);
      if (!inside && (!best || match.strength > best.strength)) best = match;
    }
    return best;
  }

  function strip({ strength: _s, ...match }: PlaceMatch & { strength: number }): PlaceMatch {
    return match;
  }

  /** With typos, and written together or apart ("dendolder", "kerke bosch"): 1–3 tokens joined, longest first. */
  function findFuzzy(tokens: string[], used: boolean[], skip: (t: string) => boolean, cased: string[] | undefined): (PlaceMatch & { strength: number }) | undefined {
    const blocked = tokens.map((t, k) => used[k] || skip(t) || /\d/.test(t));
    let best: { hit: NameHit; match: PlaceMatch & { strength: number } } | undefined;
    for (let start = 0; start < tokens.length; start++) {
      for (let len = Math.min(3, tokens.length - start); len >= 1; len--) {
        if (blocked.slice(start, start + len).some(Boolean)) continue;
        const joined = tokens.slice(start, start + len).join("");
        let here: typeof best;
        for (const ix of indexes) {
          const near = ix.near(joined);
          if (!near || (best && near.distance >= best.hit.distance)) continue;
          for (const key of near.keys) {
            const hit: NameHit = { start, end: start + len, key, places: [], distance: near.distance };
            const match = resolve(hit, tokens, used, skip, cased);
            // Of the names equally near to these letters, the one the evidence makes most likely (a covered place first).
            if (match && (!here || hit.distance < here.hit.distance || (hit.distance === here.hit.distance && match.strength > here.match.strength))) here = { hit, match };
          }
        }
        if (here) best = here;
      }
    }
    return best?.match;
  }

  let sounds: Map<string, string[]> | undefined;
  /** Every name's consonant skeleton, built on the first message with a word in another script. */
  function soundIndex(): Map<string, string[]> {
    if (sounds) return sounds;
    sounds = new Map();
    for (const ix of indexes) {
      for (const key of ix.keys()) {
        const sound = scriptNames!.latinKey(key);
        if (!sound) continue;
        const list = sounds.get(sound);
        if (!list) sounds.set(sound, [key]);
        else if (!list.includes(key)) list.push(key);
      }
    }
    return sounds;
  }

  return {
    postcode: (pc4) => postcodes.get(pc4),
    byName(name) {
      const tokens = normalise(name).split(" ").filter(Boolean);
      const used = tokens.map(() => false);
      // A name on its own (a remembered place, a geocoder query) is meant as a place.
      const match = findExact(tokens, used, () => false, undefined);
      return match && match.start === 0 && match.end === tokens.length ? match.place : undefined;
    },
    find(tokens, used, skip, cased, options = {}) {
      const exact = findExact(tokens, used, skip, cased);
      // A covered place written with a typo beats an exact name elsewhere.
      const fuzzy = !exact || exact.strength < 10 ? findFuzzy(tokens, used, skip, cased) : undefined;
      const within = fuzzy && exact && fuzzy.start >= exact.start && fuzzy.end <= exact.end;
      let best = fuzzy && !within && fuzzy.strength >= 10 && (!exact || exact.strength < 10) ? fuzzy : (exact ?? fuzzy);
      // "أين ... في زايست", "у Зейсті": a name in another script, matched by its sound.
      if (scriptNames && (!best || best.strength < 10)) {
        const foreign = findInOtherScript(tokens, used, skip, {
          names: scriptNames,
          soundIndex: soundIndex(),
          resolve: (hit, evidence) => resolve(hit, tokens, used, skip, cased, evidence),
          covered: isCovered,
          placeAsked: options.placeAsked === true,
        });
        if (foreign && (!best || foreign.strength > best.strength)) best = foreign;
      }
      return best && strip(best);
    },
    examplePostcode: () => example,
    gemeenteAt(point) {
      const code = national.gemeenteAt(point.lat, point.lon);
      const name = gemeenteName(code);
      return code && name ? { code, name } : undefined;
    },
    covers: isCovered,
    coveredNames: () => [...covered].map((c) => gemeenteName(c) ?? c).sort(),
  };
}
