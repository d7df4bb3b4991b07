import { stringify } from "./csv-writer.js";
import { AUDIENCES, CATEGORIES, CSV_COLUMNS, DAY_CODES, type Listing } from "./listing-model.js";

/** Towns the generated listings are spread over (centres only; every name and contact is made up). */
const TOWNS = [
  { city: "Zeist", pc4: 3701, lat: 52.087, lon: 5.236 },
  { city: "Den Dolder", pc4: 3734, lat: 52.14, lon: 5.242 },
  { city: "De Bilt", pc4: 3731, lat: 52.1095, lon: 5.1815 },
  { city: "Bilthoven", pc4: 3721, lat: 52.13, lon: 5.203 },
  { city: "Driebergen-Rijsenburg", pc4: 3971, lat: 52.052, lon: 5.279 },
  { city: "Bunnik", pc4: 3981, lat: 52.0665, lon: 5.1975 },
  { city: "Soest", pc4: 3761, lat: 52.1745, lon: 5.292 },
  { city: "Utrecht", pc4: 3511, lat: 52.091, lon: 5.118 },
];
const KINDS = ["Koffieochtend", "Inloop", "Buurtmaaltijd", "Beweegclub", "Taalcafé", "Computerhulp", "Geldspreekuur", "Mantelzorgcafé", "Repair Café", "Creatief atelier", "Wandelgroep", "Spelmiddag", "Ouderkamer", "Jongerenavond"];
const PLACES = ["De Linde", "Het Anker", "De Brug", "Buurthuis Noord", "De Kastanje", "Het Baken", "De Wilg", "Ontmoetingshuis Zuid", "De Kring", "Het Trefpunt"];
const STREETS = ["Lindelaan", "Kerkstraat", "Dorpsstraat", "Stationsweg", "Schoolstraat", "Molenweg", "Parkweg", "Beukenlaan"];
const LANGS = ["en", "ar", "tr", "uk", "pl", "so", "ti", "fa"];
const COSTS = ["gratis", "gratis", "gratis", "€1,00", "€2,50", "vrijwillige bijdrage", "€5,00", "€15 per maand"];

/**
 * Deterministic fictional listings for benchmarks and tests: the same `n` and `seed` always give
 * the same listings, spread around a few towns in the example region, with weekly and monthly
 * schedules, every category and audience, and now and then no schedule (op afspraak).
 */
export function generateListings(n: number, seed = 1): Listing[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const out: Listing[] = [];
  for (let i = 0; i < n; i++) {
    const town = pick(TOWNS);
    // Within about 4 km of the town centre.
    const lat = town.lat + (random() - 0.5) * 0.07;
    const lon = town.lon + (random() - 0.5) * 0.11;
    const kind = pick(KINDS);
    const id = `gen-${String(i + 1).padStart(6, "0")}`;
    const categories = [...new Set([pick(CATEGORIES), ...(random() < 0.4 ? [pick(CATEGORIES)] : [])])];
    const audience = random() < 0.35 ? [] : [...new Set([pick(AUDIENCES), ...(random() < 0.3 ? [pick(AUDIENCES)] : [])])];
    const entries: string[] = [];
    if (random() > 0.1) {
      const count = 1 + Math.floor(random() * 3);
      for (let e = 0; e < count; e++) {
        const startHour = 8 + Math.floor(random() * 12);
        const startMin = random() < 0.5 ? 0 : 30;
        const length = 60 + 30 * Math.floor(random() * 5);
        const end = Math.min(startHour * 60 + startMin + length, 23 * 60 + 30);
        const nth = random() < 0.2 ? `${pick(["1e", "2e", "3e", "4e", "laatste"])} ` : "";
        entries.push(`${nth}${pick(DAY_CODES)} ${hhmm(startHour * 60 + startMin)}-${hhmm(end)}`);
      }
    }
    const languages = ["nl", ...(random() < 0.3 ? [pick(LANGS)] : [])];
    const verified = new Date(Date.UTC(2024, 6, 1) + Math.floor(random() * 800) * 86_400_000);
    out.push({
      id,
      name: `${kind} ${pick(PLACES)}`,
      organization: `Stichting ${pick(PLACES)} ${town.city}`,
      description: `${kind} voor buurtbewoners in ${town.city}. Loop gerust binnen, aanmelden hoeft niet.`,
      categories,
      audience,
      address: `${pick(STREETS)} ${1 + Math.floor(random() * 200)}`,
      postcode: `${town.pc4 + Math.floor(random() * 5)} ${String.fromCharCode(65 + Math.floor(random() * 26))}${String.fromCharCode(65 + Math.floor(random() * 26))}`,
      city: town.city,
      latitude: Number(lat.toFixed(5)),
      longitude: Number(lon.toFixed(5)),
      schedule: entries.join("; "),
      cost: pick(COSTS),
      languages,
      accessibility: random() < 0.6 ? "rolstoeltoegankelijk" : "",
      phone: `030 000 ${String(Math.floor(random() * 10_000)).padStart(4, "0")}`,
      email: `info@${id}.example`,
      website: `https://${id}.example`,
      lastVerified: verified.toISOString().slice(0, 10),
    });
  }
  return out;
}

/** Listings as a CSV in the docs/contracts.md format (what `wijkwijzer listings import` reads). */
export function listingsToCsv(listings: Listing[]): string {
  const rows = listings.map((l) =>
    CSV_COLUMNS.map((c) => {
      switch (c) {
        case "categories":
          return l.categories.join("|");
        case "audience":
          return l.audience.join("|");
        case "languages":
          return l.languages.join("|");
        case "latitude":
          return String(l.latitude);
        case "longitude":
          return String(l.longitude);
        case "last_verified":
          return l.lastVerified ?? "";
        default:
          return String(l[c] ?? "");
      }
    }),
  );
  return stringify([[...CSV_COLUMNS], ...rows]);
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
