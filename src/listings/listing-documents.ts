import type { IndexDocument } from "../knowledge/knowledge-index.js";
import type { Listing } from "./listing-model.js";
import { AUDIENCE_WORDS, CATEGORY_WORDS, LANGUAGE_NAMES } from "./listings-texts.js";
import { osmUrl } from "./render-listings.js";
import { clock, parseSchedule } from "./schedule.js";

const DAY_WORDS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
const NTH_WORDS: Record<number, string> = { 1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", [-1]: "laatste" };

/** "elke dinsdag van 10:00 tot 12:00 en elke eerste donderdag van de maand van 19:00 tot 21:00", or "op afspraak". */
export function describeSchedule(schedule: string): string {
  const parsed = parseSchedule(schedule);
  if (!parsed.ok || parsed.entries.length === 0) return "op afspraak";
  return parsed.entries
    .map((e) =>
      e.nth === 0
        ? `elke ${DAY_WORDS[e.day]} van ${clock(e.start)} tot ${clock(e.end)}`
        : `elke ${NTH_WORDS[e.nth]} ${DAY_WORDS[e.day]} van de maand van ${clock(e.start)} tot ${clock(e.end)}`,
    )
    .join(" en ");
}

/**
 * A listing as a plain Dutch document for the retrieval index (kind `listing`, id `listing:<id>`),
 * so free-text questions that the listings search does not catch still find it.
 */
export function listingDocument(l: Listing): IndexDocument {
  const audience = l.audience.filter((a) => a !== "iedereen");
  const place = [l.address, l.postcode, l.city].filter(Boolean).join(", ");
  const sentences = [
    `${l.name}${l.organization && l.organization !== l.name ? ` (${l.organization})` : ""}.`,
    l.description,
    `Soort activiteit: ${l.categories.map((c) => CATEGORY_WORDS[c]).join(", ")}.`,
    `Voor wie: ${audience.length > 0 ? audience.map((a) => AUDIENCE_WORDS[a]).join(", ") : "iedereen"}.`,
    place ? `Waar: ${place}.` : undefined,
    `Wanneer: ${describeSchedule(l.schedule)}.`,
    l.cost ? `Kosten: ${l.cost}.` : undefined,
    l.languages.length > 0 ? `Talen: ${l.languages.map((c) => LANGUAGE_NAMES[c] ?? c).join(", ")}.` : undefined,
    l.accessibility ? `Toegankelijkheid: ${l.accessibility}.` : undefined,
    l.phone || l.email ? `Contact: ${[l.phone, l.email].filter(Boolean).join(", ")}.` : undefined,
  ];
  return {
    id: `listing:${l.id}`,
    title: l.name,
    text: sentences.filter(Boolean).join(" "),
    url: l.website ?? osmUrl(l),
    ...(l.organization ? { publisher: l.organization } : {}),
    kind: "listing",
  };
}
