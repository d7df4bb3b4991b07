import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Listing } from "./listing-model.js";
import { boundedEditDistance } from "../text/edit-distance.js";
import { allowedTypos, normalise } from "./text-match.js";

/** A place the assistant can search around. */
export interface KnownPlace {
  /** What to call it in an answer: "3701", "Kerckebosch", "Den Dolder". */
  name: string;
  kind: "postcode" | "plaats" | "wijk";
  municipality?: string;
  lat: number;
  lon: number;
}

export interface PlaceMatch {
  place: KnownPlace;
  start: number;
  end: number;
}

/**
 * Place names and postcode areas: from `knowledge/geo/postcodes.csv` and `places.csv` when present,
 * and always from the listings themselves (their `city` and 4-digit postcode, at the centre of their
 * listings), so another municipality's file works without a table of its own.
 */
export interface Gazetteer {
  postcode(pc4: string): KnownPlace | undefined;
  /** Exact name or alias (any case, accents, hyphens), else undefined. */
  byName(name: string): KnownPlace | undefined;
  /** The longest place name in the tokens, exact first, then with typos; tokens for which `skip` is true never start a fuzzy match. */
  find(tokens: string[], used: boolean[], skip: (token: string) => boolean): PlaceMatch | undefined;
  /** A postcode from the data, for examples in questions ("bijvoorbeeld 3701"). */
  examplePostcode(): string | undefined;
}

interface NameEntry {
  words: string[];
  joined: string;
  place: KnownPlace;
}

export function loadGazetteer(knowledgeDir: string, listings: Listing[]): Gazetteer {
  const geoDir = join(knowledgeDir, "geo");
  const read = (file: string): Array<Record<string, string>> => {
    const path = join(geoDir, file);
    if (!existsSync(path)) return [];
    return parse(readFileSync(path, "utf8"), { bom: true, columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  };
  return buildGazetteer(read("postcodes.csv"), read("places.csv"), listings);
}

export function buildGazetteer(
  postcodeRows: Array<Record<string, string>>,
  placeRows: Array<Record<string, string>>,
  listings: Listing[],
): Gazetteer {
  const postcodes = new Map<string, KnownPlace>();
  const names = new Map<string, NameEntry>();
  const addName = (name: string, place: KnownPlace) => {
    const key = normalise(name);
    if (key === "" || names.has(key)) return;
    names.set(key, { words: key.split(" "), joined: key.replace(/ /g, ""), place });
  };
  const num = (v: string | undefined) => Number(v);
  const valid = (lat: number, lon: number) => Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

  for (const row of placeRows) {
    const lat = num(row.latitude);
    const lon = num(row.longitude);
    if (!row.name || !valid(lat, lon)) continue;
    const place: KnownPlace = { name: row.name, kind: row.kind === "wijk" ? "wijk" : "plaats", lat, lon, ...(row.municipality ? { municipality: row.municipality } : {}) };
    addName(row.name, place);
    for (const alias of (row.aliases ?? "").split("|")) addName(alias, place);
  }
  for (const row of postcodeRows) {
    const lat = num(row.latitude);
    const lon = num(row.longitude);
    const pc4 = (row.postcode4 ?? "").trim();
    if (!/^\d{4}$/.test(pc4) || !valid(lat, lon)) continue;
    postcodes.set(pc4, { name: pc4, kind: "postcode", lat, lon, ...(row.municipality ? { municipality: row.municipality } : {}) });
    if (row.place) addName(row.place, { name: row.place, kind: "plaats", lat, lon, ...(row.municipality ? { municipality: row.municipality } : {}) });
  }
  // Listings fill the gaps: postcode areas and towns that the tables do not know.
  const centres = (key: (l: Listing) => string | undefined) => {
    const sums = new Map<string, { label: string; lat: number; lon: number; n: number }>();
    for (const l of listings) {
      const k = key(l);
      if (!k) continue;
      const s = sums.get(k.toLowerCase()) ?? { label: k, lat: 0, lon: 0, n: 0 };
      s.lat += l.latitude;
      s.lon += l.longitude;
      s.n += 1;
      sums.set(k.toLowerCase(), s);
    }
    return [...sums.values()].map((s) => ({ label: s.label, lat: s.lat / s.n, lon: s.lon / s.n }));
  };
  for (const c of centres((l) => l.postcode?.slice(0, 4))) {
    if (!postcodes.has(c.label)) postcodes.set(c.label, { name: c.label, kind: "postcode", lat: c.lat, lon: c.lon });
  }
  for (const c of centres((l) => l.city)) addName(c.label, { name: c.label, kind: "plaats", lat: c.lat, lon: c.lon });

  const entries = [...names.values()].sort((a, b) => b.words.length - a.words.length || b.joined.length - a.joined.length);
  // The example in "stuur uw postcode (bijvoorbeeld …)" is the postcode area with the most listings.
  const perPostcode = new Map<string, number>();
  for (const l of listings) if (l.postcode) perPostcode.set(l.postcode.slice(0, 4), (perPostcode.get(l.postcode.slice(0, 4)) ?? 0) + 1);
  const example = [...perPostcode.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? [...postcodes.keys()].sort()[0];

  const byFirstWord = new Map<string, NameEntry[]>();
  for (const entry of entries) byFirstWord.set(entry.words[0]!, [...(byFirstWord.get(entry.words[0]!) ?? []), entry]);

  /** Exact, word by word: the first entry (in `entries` order) at the first start where it fits. */
  function findExact(tokens: string[], used: boolean[]): PlaceMatch | undefined {
    const possible = new Set(tokens.flatMap((t) => byFirstWord.get(t) ?? []));
    for (const entry of entries) {
      if (!possible.has(entry)) continue;
      const n = entry.words.length;
      for (let start = 0; start + n <= tokens.length; start++) {
        let ok = true;
        for (let k = 0; k < n && ok; k++) ok = !used[start + k] && tokens[start + k] === entry.words[k];
        if (ok) return { place: entry.place, start, end: start + n };
      }
    }
    return undefined;
  }

  /**
   * With typos, and written together or apart ("dendolder", "kerke bosch"): compare the joined
   * letters of 1–3 tokens (longest first) with each entry's. The spans do not depend on the entry,
   * so they are made once.
   */
  function findFuzzy(tokens: string[], used: boolean[], skip: (t: string) => boolean): PlaceMatch | undefined {
    const blocked = tokens.map((t, k) => used[k] || skip(t) || /\d/.test(t));
    const spans: Array<Array<{ len: number; joined: string }>> = tokens.map((_, start) => {
      const list: Array<{ len: number; joined: string }> = [];
      for (let len = Math.min(3, tokens.length - start); len >= 1; len--) {
        if (blocked.slice(start, start + len).some(Boolean)) continue;
        list.push({ len, joined: tokens.slice(start, start + len).join("") });
      }
      return list;
    });
    // The first entry any span is near; for that entry, the first span (by start, longest first).
    let best: { entry: number; start: number; len: number } | undefined;
    for (let start = 0; start < tokens.length; start++) {
      for (const { len, joined } of spans[start]!) {
        const entry = firstNearEntry(joined);
        if (entry >= 0 && (!best || entry < best.entry)) best = { entry, start, len };
      }
    }
    return best ? { place: entries[best.entry]!.place, start: best.start, end: best.start + best.len } : undefined;
  }

  // Per span of letters: the first entry within the typos allowed (-1: none). Messages repeat the
  // same words, and most spans are near no place at all.
  const nearMemo = new Map<string, number>();
  function firstNearEntry(joined: string): number {
    const known = nearMemo.get(joined);
    if (known !== undefined) return known;
    const found = entries.findIndex((entry) => {
      // At most two typos: longer differences cannot match.
      if (Math.abs(joined.length - entry.joined.length) > 2) return false;
      const typos = allowedTypos(Math.min(joined.length, entry.joined.length));
      return typos > 0 && boundedEditDistance(joined, entry.joined, typos) <= typos;
    });
    if (nearMemo.size >= 10_000) nearMemo.clear();
    nearMemo.set(joined, found);
    return found;
  }

  return {
    postcode: (pc4) => postcodes.get(pc4),
    byName: (name) => names.get(normalise(name))?.place,
    find(tokens, used, skip) {
      return findExact(tokens, used) ?? findFuzzy(tokens, used, skip);
    },
    examplePostcode: () => example,
  };
}
