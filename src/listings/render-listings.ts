import type { OutboundMessage, Persona, Source } from "../core/types.js";
import type { SearchHit } from "./listing-index.js";
import type { Listing } from "./listing-model.js";
import { daysBetween, parseIsoDate, type LocalDate, type LocalNow } from "./local-calendar.js";
import type { Occurrence } from "./occurrences.js";
import { distanceWords } from "./listings-texts.js";
import { clock } from "./schedule.js";

const DAY_NAMES = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/** "dinsdag 25 november". */
export function formatDate(date: LocalDate, weekday: number): string {
  return `${DAY_NAMES[weekday]} ${date.day} ${MONTHS[date.month - 1]}`;
}

/**
 * When it happens next, in plain Dutch: "nu bezig, tot 12:00", "vandaag, dinsdag 25 november, 10:00–12:00",
 * "dinsdag 25 november, 10:00–12:00", or "op afspraak" for an empty schedule.
 */
export function formatNext(next: Occurrence | undefined, now: LocalNow): string {
  if (!next) return "op afspraak";
  const today: LocalDate = { year: now.year, month: now.month, day: now.day };
  const ahead = daysBetween(today, next.date);
  const span = `${clock(next.start)}–${clock(next.end)}`;
  if (ahead === 0 && next.start <= now.minutes) return `nu bezig, tot ${clock(next.end)} (vandaag, ${span})`;
  const prefix = ahead === 0 ? "vandaag, " : ahead === 1 ? "morgen, " : "";
  return `${prefix}${formatDate(next.date, next.weekday)}, ${span}`;
}

/** "80 m", "800 m", "1,2 km", "12 km". */
export function formatDistance(km: number): string {
  if (km < 0.1) return "minder dan 100 m";
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
export function renderHit(hit: SearchHit, index: number, now: LocalNow, options: { showAccess?: boolean } = {}): string {
  const l = hit.item.listing;
  const today: LocalDate = { year: now.year, month: now.month, day: now.day };
  const lines = [`${index}. ${l.name}`];
  const sentence = oneSentence(l);
  if (sentence) lines.push(sentence);
  lines.push(`Wanneer: ${formatNext(hit.next, now)}`);
  const where = [l.address, l.city].filter(Boolean).join(", ");
  const distance = Number.isFinite(hit.distanceKm) ? ` (${distanceWords(hit.distanceKm, formatDistance(hit.distanceKm))})` : "";
  lines.push(`Waar: ${where || "zie de kaart"}${distance}`);
  if (l.cost) lines.push(`Kosten: ${l.cost}`);
  if (options.showAccess && l.accessibility) lines.push(`Toegankelijk: ${l.accessibility}`);
  const contact = [l.phone ? `bel ${l.phone}` : undefined, l.email ? `mail ${l.email}` : undefined].filter(Boolean).join(" of ");
  if (contact) lines.push(`Contact: ${contact}`);
  else if (l.website) lines.push(`Website: ${l.website}`);
  lines.push(`Kaart: ${osmUrl(l)}`);
  if (isStale(l, today)) lines.push("Let op: deze gegevens zijn meer dan een jaar oud. Even bellen om te checken.");
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
}): OutboundMessage[] {
  const blocks = input.hits.map((hit, i) => renderHit(hit, i + 1, input.now, { showAccess: input.showAccess }));
  const hint =
    input.persona === "resident"
      ? "Wilt u iets anders? Vraag gerust verder, bijvoorbeeld \"op woensdag\", \"gratis\" of een andere wijk."
      : "Verfijn met een dag, doelgroep, kosten of taal, bijvoorbeeld \"gratis, in het Engels\".";
  return [{ text: [input.intro, ...blocks, hint].join("\n\n"), sources: sourcesFor(input.hits) }];
}
