import type { OutboundMessage, Persona, Source } from "../core/types.js";
import type { SearchHit } from "./listing-index.js";
import type { Listing } from "./listing-model.js";
import { daysBetween, parseIsoDate, type LocalDate, type LocalNow } from "./local-calendar.js";
import type { Occurrence } from "./occurrences.js";
import { distanceWords, listingsTextsFor } from "./listings-texts.js";
import { clock } from "./schedule.js";

/** "dinsdag 25 november" (in `language`, default Dutch). */
export function formatDate(date: LocalDate, weekday: number, language?: string): string {
  return listingsTextsFor(language).render.date(weekday, date.day, date.month);
}

/**
 * When it happens next, in plain Dutch: "nu bezig, tot 12:00", "vandaag, dinsdag 25 november, 10:00–12:00",
 * "dinsdag 25 november, 10:00–12:00", or "op afspraak" for an empty schedule.
 */
export function formatNext(next: Occurrence | undefined, now: LocalNow, language?: string): string {
  const t = listingsTextsFor(language).render;
  if (!next) return t.byAppointment;
  const today: LocalDate = { year: now.year, month: now.month, day: now.day };
  const ahead = daysBetween(today, next.date);
  const span = `${clock(next.start)}–${clock(next.end)}`;
  if (ahead === 0 && next.start <= now.minutes) return t.ongoing(clock(next.end), span);
  const date = formatDate(next.date, next.weekday, language);
  return ahead === 0 ? t.todayAt(date, span) : ahead === 1 ? t.tomorrowAt(date, span) : t.dateAt(date, span);
}

/** "80 m", "800 m", "1,2 km", "12 km". */
export function formatDistance(km: number, language?: string): string {
  if (km < 0.1) return listingsTextsFor(language).render.lessThan100m;
  if (km < 0.95) return `${Math.round(km * 10) * 100} m`;
  if (km < 10) return `${(Math.round(km * 10) / 10).toFixed(1).replace(".", ",")} km`;
  return `${Math.round(km)} km`;
}

export function osmUrl(listing: Pick<Listing, "latitude" | "longitude">): string {
  const lat = listing.latitude.toFixed(5);
  const lon = listing.longitude.toFixed(5);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`;
}

/** True when the listing was last checked more than a year before `today` (or never). */
export function isStale(listing: Listing, today: LocalDate): boolean {
  const checked = listing.lastVerified ? parseIsoDate(listing.lastVerified) : undefined;
  if (!checked) return false;
  return daysBetween(checked, today) > 365;
}

/** One sentence saying what it is: the description's first sentence, kept short. */
export function oneSentence(listing: Listing): string | undefined {
  const text = listing.description?.trim();
  if (!text) return undefined;
  const first = /^(.+?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
  return first.length <= 180 ? first : `${first.slice(0, 177).replace(/\s+\S*$/, "")}…`;
}

/** One result as a short block a person can act on: what, when, where, cost, contact, map. */
export function renderHit(hit: SearchHit, index: number, now: LocalNow, options: { showAccess?: boolean; language?: string } = {}): string {
  const l = hit.item.listing;
  const t = listingsTextsFor(options.language).render;
  const today: LocalDate = { year: now.year, month: now.month, day: now.day };
  const lines = [`${index}. ${l.name}`];
  const sentence = oneSentence(l);
  if (sentence) lines.push(sentence);
  lines.push(t.when(formatNext(hit.next, now, options.language)));
  const where = [l.address, l.city].filter(Boolean).join(", ");
  // "1,2 km, in de buurt" in Dutch; the distance alone in other languages (those labels are Dutch for now).
  const km = Number.isFinite(hit.distanceKm) ? formatDistance(hit.distanceKm, options.language) : undefined;
  const distance = km && (options.language ?? "nl") === "nl" ? distanceWords(hit.distanceKm, km) : km;
  lines.push(t.where(where, distance ?? "").replace(/ \(\)$/, ""));
  if (l.cost) lines.push(t.cost(l.cost));
  if (options.showAccess && l.accessibility) lines.push(t.access(l.accessibility));
  const contact = t.contact(l.phone, l.email);
  if (contact) lines.push(contact);
  else if (l.website) lines.push(t.website(l.website));
  lines.push(t.map(osmUrl(l)));
  if (isStale(l, today)) lines.push(t.stale);
  return lines.join("\n");
}

export function sourcesFor(hits: SearchHit[]): Source[] {
  return hits.map((h) => ({ title: h.item.listing.name, url: h.item.listing.website ?? osmUrl(h.item.listing) }));
}

/** The reply: an intro saying what was searched (and what was widened), the results, and a hint for a next step. */
export function renderResults(input: {
  intro: string;
  hits: SearchHit[];
  now: LocalNow;
  persona: Persona;
  showAccess: boolean;
  /** The resident's language: the frame is in it, the listings stay Dutch (one line says so). */
  language?: string;
}): OutboundMessage[] {
  const texts = listingsTextsFor(input.language);
  const blocks = input.hits.map((hit, i) => renderHit(hit, i + 1, input.now, { showAccess: input.showAccess, language: input.language }));
  const hint = texts.render.hint[input.persona];
  const intro = input.language && input.language !== "nl" ? `${input.intro}\n${texts.inDutch}` : input.intro;
  return [{ text: [intro, ...blocks, hint].join("\n\n"), sources: sourcesFor(input.hits) }];
}
