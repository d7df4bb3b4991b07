import type { Logger } from "../log/logger.js";
import type { Gazetteer } from "./gazetteer.js";

export interface GeocodedPlace {
  /** What to call it in an answer. */
  name: string;
  lat: number;
  lon: number;
}

/** Turns a postcode, address or place name into coordinates. Never throws: undefined when unknown or unreachable. */
export interface Geocoder {
  geocode(query: string): Promise<GeocodedPlace | undefined>;
}

/** Offline: the gazetteer (postcode tables, place names, the listings' own towns and postcodes). */
export function createLocalGeocoder(gazetteer: () => Gazetteer | Promise<Gazetteer>): Geocoder {
  return {
    async geocode(query) {
      const pc = /^\s*([1-9]\d{3})\s*([a-z]{2})?\s*$/i.exec(query);
      const places = await gazetteer();
      const place = pc ? places.postcode(pc[1]!) : places.byName(query);
      return place ? { name: pc ? query.trim().toUpperCase() : place.name, lat: place.lat, lon: place.lon } : undefined;
    },
  };
}

export interface PdokGeocoderOptions {
  /** e.g. https://api.pdok.nl/bzk/locatieserver/search/v3_1 */
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  logger?: Logger;
  /** Used when PDOK does not answer in time or does not know the query. */
  fallback?: Geocoder;
}

/**
 * PDOK Locatieserver (free Dutch government service): `GET {base}/free?q=…&rows=1` gives
 * `response.docs[]` with `weergavenaam` and `centroide_ll` = `POINT(lon lat)`. Answers are cached,
 * slow or failed calls fall back to the local geocoder, and nothing personal is logged.
 */
export function createPdokGeocoder(options: PdokGeocoderOptions): Geocoder {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 2500;
  const base = options.baseUrl.replace(/\/+$/, "");
  const cache = new Map<string, GeocodedPlace | null>();

  async function ask(query: string): Promise<GeocodedPlace | undefined> {
    const url = `${base}/free?q=${encodeURIComponent(query)}&rows=1&fl=weergavenaam,centroide_ll,type`;
    const response = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(`PDOK answered HTTP ${response.status}`);
    const body = (await response.json()) as { response?: { docs?: Array<{ weergavenaam?: string; centroide_ll?: string }> } };
    const doc = body.response?.docs?.[0];
    const point = doc?.centroide_ll ? /POINT\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)/.exec(doc.centroide_ll) : null;
    if (!doc || !point) return undefined;
    return { name: query.trim(), lat: Number(point[2]), lon: Number(point[1]) };
  }

  return {
    async geocode(query) {
      const key = query.trim().toLowerCase();
      if (key === "") return undefined;
      const cached = cache.get(key);
      if (cached !== undefined) return cached ?? options.fallback?.geocode(query);
      try {
        const found = await ask(query);
        if (cache.size > 5000) cache.clear();
        cache.set(key, found ?? null);
        return found ?? (await options.fallback?.geocode(query));
      } catch (error) {
        options.logger?.warn({ err: error }, "PDOK geocoding failed; using the local gazetteer");
        return options.fallback?.geocode(query);
      }
    },
  };
}
