import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildNationalNameIndex } from "./national-names.js";
import type { NameIndex } from "./place-names.js";

/** A gemeente of the CBS indeling (`knowledge/geo/nl/gemeenten.tsv`). */
export interface Gemeente {
  code: string;
  name: string;
  provincie: string;
  lat: number;
  lon: number;
  inwoners: number;
}

/** A 4-digit postcode area with its centroid and gemeente (`pc4.tsv`). */
export interface Pc4Area {
  pc4: string;
  lat: number;
  lon: number;
  gemeentecode: string;
  woonplaats: string;
}

/** A woonplaats, CBS wijk or CBS buurt (`places.tsv`). */
export interface PlaceRecord {
  kind: "woonplaats" | "wijk" | "buurt";
  name: string;
  gemeentecode: string;
  lat: number;
  lon: number;
  inwoners: number;
}

/**
 * Every Dutch gemeente, postcode area, woonplaats, wijk and buurt, as shipped in `knowledge/geo/nl/`
 * (CBS, Kadaster/PDOK and GeoNames, CC BY 4.0). Empty when the folder is missing.
 */
export interface NationalPlaces {
  gemeenten: Map<string, Gemeente>;
  pc4: Map<string, Pc4Area>;
  /** Every place name (undefined without `places.tsv`); the rows themselves are not kept. */
  names?: NameIndex;
  /** The gemeente of the nearest postcode-area centroid (undefined when there are no areas, or it is over 20 km away: not in the Netherlands). */
  gemeenteAt(lat: number, lon: number): string | undefined;
}

// The tables never change while the process runs; every listings snapshot shares one copy.
const loaded = new Map<string, NationalPlaces>();

export function loadNationalPlaces(knowledgeDir: string): NationalPlaces {
  const dir = join(knowledgeDir, "geo", "nl");
  const known = loaded.get(dir);
  if (known) return known;
  const gemeenten = new Map<string, Gemeente>();
  for (const [code, name, provincie, lat, lon, inwoners] of readTable(join(dir, "gemeenten.tsv"))) {
    gemeenten.set(code!, { code: code!, name: name!, provincie: provincie!, lat: Number(lat), lon: Number(lon), inwoners: Number(inwoners) || 0 });
  }
  const pc4 = loadPostcodeAreas(knowledgeDir);
  const places: PlaceRecord[] = [];
  const buurtWijk = new Map<PlaceRecord, string>();
  for (const [kind, name, gemeentecode, lat, lon, inwoners, wijk] of readTable(join(dir, "places.tsv"))) {
    if (kind !== "woonplaats" && kind !== "wijk" && kind !== "buurt") continue;
    const place: PlaceRecord = { kind, name: name!, gemeentecode: gemeentecode!, lat: Number(lat), lon: Number(lon), inwoners: Number(inwoners) || 0 };
    places.push(place);
    if (kind === "buurt" && wijk) buurtWijk.set(place, wijk);
  }
  centreWijkenOnResidents(places, buurtWijk);
  const areas = [...pc4.values()];
  const national: NationalPlaces = {
    gemeenten,
    pc4,
    ...(places.length > 0 ? { names: buildNationalNameIndex(gemeenten, places) } : {}),
    gemeenteAt(lat, lon) {
      let best: Pc4Area | undefined;
      let bestD = Infinity;
      const k = Math.cos((lat * Math.PI) / 180);
      for (const a of areas) {
        const d = (a.lat - lat) ** 2 + ((a.lon - lon) * k) ** 2;
        if (d < bestD) {
          bestD = d;
          best = a;
        }
      }
      // 0.18° ≈ 20 km: farther than that from every postcode area is outside the country.
      return best && bestD < 0.18 ** 2 ? best.gemeentecode : undefined;
    },
  };
  loaded.set(dir, national);
  return national;
}

const loadedAreas = new Map<string, Map<string, Pc4Area>>();

/** Only the postcode areas (`pc4.tsv`), for the import's coordinate estimate; empty when the file is missing. */
export function loadPostcodeAreas(knowledgeDir: string): Map<string, Pc4Area> {
  const path = join(knowledgeDir, "geo", "nl", "pc4.tsv");
  const known = loadedAreas.get(path);
  if (known) return known;
  const pc4 = new Map<string, Pc4Area>();
  for (const [code, lat, lon, gemeentecode, woonplaats] of readTable(path)) {
    pc4.set(code!, { pc4: code!, lat: Number(lat), lon: Number(lon), gemeentecode: gemeentecode!, woonplaats: woonplaats! });
  }
  loadedAreas.set(path, pc4);
  return pc4;
}

/**
 * A CBS wijk's centroid is the middle of its outline, which for a wijk with farmland or a business
 * park lies far from where people live ("Wijk 40 Berkum" lies 3 km east of the buurt Berkum). Its
 * point becomes the mean of its buurten, weighted by their inhabitants, so distances from "Berkum"
 * are measured from where its residents are. A wijk whose buurten have no inhabitants keeps its own.
 */
function centreWijkenOnResidents(places: PlaceRecord[], buurtWijk: Map<PlaceRecord, string>): void {
  const sums = new Map<string, { lat: number; lon: number; weight: number }>();
  for (const [buurt, wijk] of buurtWijk) {
    if (buurt.inwoners <= 0) continue;
    const id = `${buurt.gemeentecode}|${wijk}`;
    const sum = sums.get(id) ?? { lat: 0, lon: 0, weight: 0 };
    sum.lat += buurt.lat * buurt.inwoners;
    sum.lon += buurt.lon * buurt.inwoners;
    sum.weight += buurt.inwoners;
    sums.set(id, sum);
  }
  for (const place of places) {
    const sum = place.kind === "wijk" ? sums.get(`${place.gemeentecode}|${place.name}`) : undefined;
    if (!sum) continue;
    place.lat = Math.round((sum.lat / sum.weight) * 1e5) / 1e5;
    place.lon = Math.round((sum.lon / sum.weight) * 1e5) / 1e5;
  }
}

/** Rows of a tab-separated file without its header; none when the file is missing. */
function readTable(path: string): string[][] {
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, "utf8").split("\n");
  const out: string[][] = [];
  for (let i = 1; i < lines.length; i++) if (lines[i]) out.push(lines[i]!.split("\t"));
  return out;
}
