import { isValidGeoPoint } from "../core/input.js";
import type { GeoPoint } from "../core/types.js";
import { AUDIENCES, CATEGORIES, type Audience, type Category, type Listing, type ScheduleEntry } from "./listing-model.js";
import type { ListingsVocabulary } from "./listings-vocabulary.js";
import type { LocalNow } from "./local-calendar.js";
import { nextOccurrence, onDuring, upcomingDays, type DaySlot, type Occurrence } from "./occurrences.js";
import { parseSchedule } from "./schedule.js";
import { normalise } from "./text-match.js";

/** A listing with everything the search needs precomputed once (parsed schedule, bit masks, cost class). */
export interface PreparedListing {
  listing: Listing;
  entries: ScheduleEntry[];
  categoryMask: number;
  /** 0 = for everyone. */
  audienceMask: number;
  languages: string[];
  cost: "free" | "cheap" | "paid" | "unknown";
  accessible: boolean;
  /** Name and description, normalised, for keyword matches. */
  haystack: string;
  /** The name alone, normalised: a keyword in the name says what the activity is. */
  title: string;
  /** Life events the listing is about (a rouwgroep: "rouw"): it fits only someone who names them. */
  circumstances: string[];
}

export interface SearchQuery {
  origin: GeoPoint;
  radiusKm: number;
  categories: Category[];
  /** Word stems from the question; a listing that mentions one ranks higher. */
  keywords: string[];
  /** Of those, what exactly was asked for ("vrouw"): a listing named for it is not "meant for another group". */
  focus?: string[];
  audiences: Audience[];
  /** Groups it is not for: a listing only for them does not fit. */
  notFor?: Audience[];
  /** Life events the person named ("rouw", "dementie"); listings about another one rank low. */
  circumstances?: string[];
  cost?: "free" | "cheap";
  languages: string[];
  preferredLanguages: string[];
  accessible: boolean;
  slots?: DaySlot[];
  now: LocalNow;
  limit: number;
}

export interface SearchHit {
  item: PreparedListing;
  distanceKm: number;
  score: number;
  /** The next time it happens (inside the asked time when there is one); undefined = op afspraak. */
  next?: Occurrence;
}

/** Half the Earth's circumference: every radius beyond it means "everywhere". */
const MAX_RADIUS_KM = 20_038;
const EVERYONE = 1 << AUDIENCES.indexOf("iedereen");
/** Enough to put a listing about a life event nobody named below the ones that fit (a km is 0.6). */
const CIRCUMSTANCE_PENALTY = 2;
const VOLUNTEERING = 1 << CATEGORIES.indexOf("vrijwilligerswerk");
/** A call for volunteers ("Word taalmaatje") for someone who asked for lessons: below what they asked for. */
const VOLUNTEERING_PENALTY = 1.5;
const CELL_DEGREES = 0.1;
/** More cells than this and a full scan is cheaper than walking the grid. */
const MAX_CELLS = 81 * 81;

/**
 * The in-memory search over all listings: a grid of 0.1° cells as a spatial prefilter, then exact
 * haversine distance, hard filters (need, who, cost, language, access, time) and a score that blends
 * fit and distance. Built once per listings version; queries take well under a millisecond for 10,000 listings.
 */
export interface ListingIndex {
  readonly size: number;
  search(query: SearchQuery): SearchHit[];
  byId(id: string): PreparedListing | undefined;
}

export function buildListingIndex(listings: Listing[], vocabulary: ListingsVocabulary): ListingIndex {
  const prepared = listings.map((l) => prepare(l, vocabulary));
  const grid = new Map<string, PreparedListing[]>();
  for (const p of prepared) {
    const key = cellKey(Math.floor(p.listing.latitude / CELL_DEGREES), Math.floor(p.listing.longitude / CELL_DEGREES));
    const cell = grid.get(key);
    if (cell) cell.push(p);
    else grid.set(key, [p]);
  }
  const ids = new Map(prepared.map((p) => [p.listing.id, p]));

  function candidates(origin: GeoPoint, radiusKm: number): PreparedListing[] {
    const dLat = radiusKm / 111;
    const dLon = radiusKm / (111 * Math.max(0.1, Math.cos((origin.lat * Math.PI) / 180)));
    const [aFrom, aTo] = [Math.floor((origin.lat - dLat) / CELL_DEGREES), Math.floor((origin.lat + dLat) / CELL_DEGREES)];
    const [bFrom, bTo] = [Math.floor((origin.lon - dLon) / CELL_DEGREES), Math.floor((origin.lon + dLon) / CELL_DEGREES)];
    // A wide search scans everything; so does any range too big to walk cell by cell. (Past 2^53 a++
    // no longer moves: a huge coordinate once looped here for ever.)
    if ((aTo - aFrom + 1) * (bTo - bFrom + 1) > MAX_CELLS) return prepared;
    const out: PreparedListing[] = [];
    for (let a = aFrom; a <= aTo; a++) {
      for (let b = bFrom; b <= bTo; b++) {
        const cell = grid.get(cellKey(a, b));
        if (cell) for (const p of cell) out.push(p);
      }
    }
    return out;
  }

  return {
    size: prepared.length,
    byId: (id) => ids.get(id),
    search(query) {
      // Not a point on Earth, or no usable radius: nothing is near it (and no loop may depend on it).
      if (!isValidGeoPoint(query.origin) || !(query.radiusKm >= 0 && query.radiusKm <= MAX_RADIUS_KM)) return [];
      const categoryMask = maskOf(query.categories, CATEGORIES);
      const audienceMask = maskOf(query.audiences, AUDIENCES);
      const notForMask = maskOf(query.notFor ?? [], AUDIENCES);
      const days = upcomingDays(query.now);
      const { lat, lon } = query.origin;
      const dLat = query.radiusKm / 110;
      const dLon = query.radiusKm / (110 * Math.max(0.1, Math.cos((lat * Math.PI) / 180)));
      // Only the best few need their next date and a full sort: keep a short list while scanning.
      const keep = Math.max(query.limit * 4, 20);
      const shortlist: SearchHit[] = [];
      for (const item of candidates(query.origin, query.radiusKm)) {
        if (Math.abs(item.listing.latitude - lat) > dLat || Math.abs(item.listing.longitude - lon) > dLon) continue;
        if (categoryMask && !(item.categoryMask & categoryMask)) continue;
        const forSomeGroup = item.audienceMask !== 0 && !(item.audienceMask & EVERYONE);
        // A listing meant for a group the person is not in (children's club for a man of 80) does not fit;
        // when the group is all that was asked ("iets voor ouderen"), only listings for that group fit.
        if (audienceMask && forSomeGroup && !(item.audienceMask & audienceMask)) continue;
        if (audienceMask && !categoryMask && !(item.audienceMask & audienceMask)) continue;
        if (notForMask && forSomeGroup && item.audienceMask & notForMask) continue;
        if (query.cost === "free" && item.cost !== "free") continue;
        if (query.cost === "cheap" && item.cost !== "free" && item.cost !== "cheap") continue;
        if (query.languages.length > 0 && !query.languages.some((l) => item.languages.includes(l))) continue;
        if (query.accessible && !item.accessible) continue;
        const distanceKm = haversineKm(query.origin, { lat: item.listing.latitude, lon: item.listing.longitude });
        if (distanceKm > query.radiusKm) continue;
        if (query.slots && !onDuring(item.entries, query.slots)) continue;
        let score = -0.6 * distanceKm;
        if (categoryMask) score += 0.5 * popcount(item.categoryMask & categoryMask);
        if (audienceMask && item.audienceMask & audienceMask) score += 1.5;
        // Not asked for a group: what is meant for everyone comes before what is meant for a group, unless
        // its name says what was asked for ("kadınlar" → the Vrouwenochtend, meant for newcomers).
        else if (!audienceMask && forSomeGroup && !(query.focus ?? []).some((k) => item.title.includes(k))) score -= 0.8;
        if (query.preferredLanguages.some((l) => item.languages.includes(l))) score += 1;
        // Volunteer work is help to give: it fits a need only when volunteering itself was asked for.
        if (item.categoryMask & VOLUNTEERING && !(categoryMask & VOLUNTEERING)) score -= VOLUNTEERING_PENALTY;
        // A rouwgroep for someone who named no loss (a carer whose husband is alive) does not fit: it comes last.
        if (item.circumstances.some((c) => !(query.circumstances ?? []).includes(c))) score -= CIRCUMSTANCE_PENALTY;
        // Without a category the key words are all there is of the need ("something for women"): they weigh double.
        const keywordWeight = categoryMask ? 0.6 : 1.2;
        for (const k of query.keywords) if (item.haystack.includes(k)) score += item.title.includes(k) ? 2 * keywordWeight : keywordWeight;
        if (shortlist.length === keep && score <= shortlist[keep - 1]!.score) continue;
        let at = shortlist.length;
        while (at > 0 && shortlist[at - 1]!.score < score) at--;
        shortlist.splice(at, 0, { item, distanceKm, score });
        if (shortlist.length > keep) shortlist.pop();
      }
      // Sooner is better: the short list gets its next dates, then the final order.
      for (const hit of shortlist) {
        const next = nextOccurrence(hit.item.entries, query.now, query.slots, days);
        if (next) {
          hit.next = next;
          hit.score += Math.max(0, 0.6 - 0.1 * next.daysAhead);
        } else if (hit.item.entries.length === 0) {
          hit.score -= 0.2;
        }
      }
      shortlist.sort((a, b) => b.score - a.score || a.distanceKm - b.distanceKm || a.item.listing.name.localeCompare(b.item.listing.name));
      return shortlist.slice(0, query.limit);
    },
  };
}

function prepare(listing: Listing, vocabulary: ListingsVocabulary): PreparedListing {
  const parsed = parseSchedule(listing.schedule);
  const haystack = normalise(`${listing.name} ${listing.description ?? ""}`);
  const cost = normalise(listing.cost ?? "");
  return {
    listing,
    entries: parsed.ok ? parsed.entries : [],
    categoryMask: maskOf(listing.categories, CATEGORIES),
    audienceMask: maskOf(listing.audience, AUDIENCES),
    languages: listing.languages.length > 0 ? listing.languages : ["nl"],
    cost: costClass(cost, listing.cost ?? "", vocabulary),
    accessible: isAccessible(normalise(listing.accessibility ?? ""), vocabulary),
    haystack,
    title: normalise(listing.name),
    circumstances: vocabulary.circumstancesIn(haystack),
  };
}

function costClass(normalised: string, raw: string, v: ListingsVocabulary): PreparedListing["cost"] {
  if (normalised === "") return "unknown";
  if (v.freeInListing.some((w) => normalised.includes(w))) return "free";
  if (v.cheapInListing.some((w) => normalised.includes(w))) return "cheap";
  const amount = /(\d+)(?:[.,](\d{1,2}))?/.exec(raw);
  if (amount) {
    const euros = Number(`${amount[1]}.${amount[2] ?? "0"}`);
    if (euros === 0) return "free";
    // "per maand", "per jaar" add up; only a per-visit price counts as cheap.
    if (euros <= v.cheapMaxEuro && !/per (maand|jaar|kwartaal)/.test(normalised)) return "cheap";
  }
  return "paid";
}

function isAccessible(text: string, v: ListingsVocabulary): boolean {
  const negated = /\b(niet|geen)\b[^,;.]{0,25}(rolstoel|toegankelijk|lift|drempel)/.test(text);
  return !negated && v.accessibleInListing.some((w) => text.includes(w));
}

/** Great-circle distance in kilometres. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function maskOf<T extends string>(values: readonly T[], all: readonly T[]): number {
  let mask = 0;
  for (const v of values) {
    const i = all.indexOf(v);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}

function cellKey(a: number, b: number): string {
  return `${a}:${b}`;
}
