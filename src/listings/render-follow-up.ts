/**
 * Answers a follow-up about shown listings in plain Dutch: only what was asked, per listing, with
 * an honest "dat staat niet in mijn gegevens" and who to ask where a fact is missing.
 */
import type { OutboundMessage } from "../core/types.js";
import type { Listing } from "./listing-model.js";
import { LANGUAGE_NAMES } from "./listings-texts.js";
import type { LocalNow } from "./local-calendar.js";
import { nextOccurrence } from "./occurrences.js";
import { formatNext, oneSentence, osmUrl } from "./render-listings.js";
import { clock, parseSchedule } from "./schedule.js";
import { hasPhrase, type Aspect, type FollowUpVocabulary, type ShownFollowUp } from "./shown-follow-up.js";
import { tokens } from "./text-match.js";

const DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
const NTH: Record<string, string> = { "1": "elke eerste", "2": "elke tweede", "3": "elke derde", "4": "elke vierde", "-1": "elke laatste" };
type ListingWords = FollowUpVocabulary["listingWords"];

export function renderShownFollowUp(question: ShownFollowUp, now: LocalNow, words: ListingWords = { walkIn: [], signup: [] }): OutboundMessage {
  const blocks = question.listings.map((l) => (question.aspects.length === 0 ? everything(l, now) : question.aspects.map((a) => aspectLine(l, a, now, words)).join("\n")));
  const text = question.listings.length === 1 ? blocks[0]! : question.listings.map((l, i) => `${i + 1}. ${l.name}\n${blocks[i]}`).join("\n\n");
  return { text, sources: question.listings.map((l) => ({ title: l.name, url: l.website ?? osmUrl(l) })) };
}

function everything(l: Listing, now: LocalNow): string {
  return [l.name, oneSentence(l), aspectLine(l, "when", now), aspectLine(l, "where", now), aspectLine(l, "cost", now), aspectLine(l, "contact", now)]
    .filter(Boolean)
    .join("\n");
}

/** What the listing's own name and description say about coming in. */
function comingIn(l: Listing, words: ListingWords): "walk_in" | "signup" | undefined {
  const text = tokens(`${l.name} ${l.description ?? ""}`);
  if (words.walkIn.some((p) => hasPhrase(text, p))) return "walk_in";
  return words.signup.some((p) => hasPhrase(text, p)) ? "signup" : undefined;
}

function aspectLine(l: Listing, aspect: Aspect, now: LocalNow, words: ListingWords = { walkIn: [], signup: [] }): string {
  const ask = askLine(l);
  switch (aspect) {
    case "where": {
      const where = [l.address, [l.postcode, l.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
      return where ? `Adres: ${where}.\nKaart: ${osmUrl(l)}` : `Het adres staat niet in mijn gegevens. ${ask}`;
    }
    case "when": {
      const parsed = parseSchedule(l.schedule);
      const entries = parsed.ok ? parsed.entries : [];
      if (entries.length === 0) return `Dit is op afspraak. ${ask}`;
      const days = entries.map((e) => `${e.nth === 0 ? "elke" : NTH[String(e.nth)]} ${DAYS[e.day]} ${clock(e.start)}–${clock(e.end)}`).join(", ");
      return `Wanneer: ${days}.\nDe volgende keer: ${formatNext(nextOccurrence(entries, now), now)}.`;
    }
    case "cost":
      if (!l.cost) return `Over de kosten staat niets in mijn gegevens. ${ask}`;
      return /^gratis$/i.test(l.cost.trim()) ? "Het is gratis." : `Kosten: ${l.cost}.`;
    case "signup": {
      const said = comingIn(l, words);
      if (said === "walk_in") return l.schedule.trim() ? "U kunt gewoon binnenlopen, zonder afspraak, op de tijden die erbij staan." : `U kunt zonder afspraak komen. ${ask}`;
      if (!l.schedule.trim()) return `U maakt eerst een afspraak. ${ask}`;
      if (said === "signup") return `U meldt zich eerst aan. ${ask}`;
      return `In mijn gegevens staat niet dat u zich moet aanmelden. Wilt u het zeker weten? ${ask}`;
    }
    case "access":
      return l.accessibility ? `Toegankelijkheid: ${l.accessibility}.` : `Over de toegankelijkheid staat niets in mijn gegevens. ${ask}`;
    case "contact":
      return ask || "Er staat geen telefoonnummer of e-mailadres bij.";
    case "language": {
      const names = l.languages.map((c) => LANGUAGE_NAMES[c] ?? c);
      return names.length > 0 ? `Talen: ${names.join(", ")}.` : "Er staat niet bij welke talen ze spreken. Meestal is het Nederlands.";
    }
  }
}

function askLine(l: Listing): string {
  if (l.phone && l.email) return `Bel ${l.phone} of mail ${l.email}.`;
  if (l.phone) return `Bel ${l.phone}.`;
  if (l.email) return `Mail ${l.email}.`;
  if (l.website) return `Kijk op ${l.website}.`;
  return "";
}
