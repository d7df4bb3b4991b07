/**
 * Answers a follow-up about shown listings in plain words, in the resident's language (the texts:
 * `followUp` in `knowledge/texts/<code>.json`): only what was asked, per listing, with an honest
 * "dat staat niet in mijn gegevens" and who to ask where a fact is missing. The listing's own
 * words (address, cost, accessibility) stay as written: Dutch.
 */
import { catalog, fill } from "../core/text-catalog.js";
import type { OutboundMessage } from "../core/types.js";
import type { Listing } from "./listing-model.js";
import { listingsTextsFor } from "./listings-texts.js";
import type { LocalNow } from "./local-calendar.js";
import { nextOccurrence } from "./occurrences.js";
import { formatNext, oneSentence, osmUrl } from "./render-listings.js";
import { clock, parseSchedule } from "./schedule.js";
import { hasPhrase, type Aspect, type FollowUpVocabulary, type ShownFollowUp } from "./shown-follow-up.js";
import { tokens } from "./text-match.js";

type FollowUpTexts = ReturnType<typeof catalog>["followUp"];
type ListingWords = FollowUpVocabulary["listingWords"];

export function renderShownFollowUp(
  question: ShownFollowUp,
  now: LocalNow,
  language?: string,
  words: ListingWords = { walkIn: [], signup: [] },
): OutboundMessage {
  const c = { t: catalog(language).followUp, days: catalog(language).time.days, languageNames: listingsTextsFor(language).languageNames, language, words };
  const blocks = question.listings.map((l) => (question.aspects.length === 0 ? everything(l, now, c) : question.aspects.map((a) => aspectLine(l, a, now, c)).join("\n")));
  const text = question.listings.length === 1 ? blocks[0]! : question.listings.map((l, i) => `${i + 1}. ${l.name}\n${blocks[i]}`).join("\n\n");
  return { text, sources: question.listings.map((l) => ({ title: l.name, url: l.website ?? osmUrl(l) })) };
}

interface Context {
  t: FollowUpTexts;
  days: readonly string[];
  languageNames: Record<string, string>;
  language: string | undefined;
  /** The Dutch words in a listing's own text that say walk in or sign up first. */
  words: ListingWords;
}

/** What the listing's own name and description say about coming in. */
function comingIn(l: Listing, words: ListingWords): "walk_in" | "signup" | undefined {
  const text = tokens(`${l.name} ${l.description ?? ""}`);
  if (words.walkIn.some((p) => hasPhrase(text, p))) return "walk_in";
  return words.signup.some((p) => hasPhrase(text, p)) ? "signup" : undefined;
}

function everything(l: Listing, now: LocalNow, c: Context): string {
  return [l.name, oneSentence(l), aspectLine(l, "when", now, c), aspectLine(l, "where", now, c), aspectLine(l, "cost", now, c), aspectLine(l, "contact", now, c)]
    .filter(Boolean)
    .join("\n");
}

function aspectLine(l: Listing, aspect: Aspect, now: LocalNow, c: Context): string {
  const { t } = c;
  const ask = askLine(l, t);
  const withAsk = (line: string) => (ask ? `${line} ${ask}` : line);
  switch (aspect) {
    case "where": {
      const where = [l.address, [l.postcode, l.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
      return where ? `${fill(t.address, { where })}\n${fill(t.map, { url: osmUrl(l) })}` : withAsk(t.noAddress);
    }
    case "when": {
      const parsed = parseSchedule(l.schedule);
      const entries = parsed.ok ? parsed.entries : [];
      if (entries.length === 0) return withAsk(t.byAppointment);
      const days = entries
        .map((e) => {
          const params = { day: c.days[e.day] ?? "", span: `${clock(e.start)}–${clock(e.end)}` };
          return e.nth === 0 ? fill(t.weekly, params) : fill((t.monthly as Record<string, string>)[String(e.nth)] ?? t.weekly, params);
        })
        .join(", ");
      return `${fill(t.when, { days })}\n${fill(t.next, { next: formatNext(nextOccurrence(entries, now), now, c.language) })}`;
    }
    case "cost":
      if (!l.cost) return withAsk(t.noCost);
      return /^gratis$/i.test(l.cost.trim()) ? t.free : fill(t.cost, { cost: l.cost });
    case "signup": {
      const said = comingIn(l, c.words);
      if (said === "walk_in") return l.schedule.trim() ? t.walkIn : withAsk(t.walkInAsk);
      if (!l.schedule.trim()) return withAsk(t.appointmentFirst);
      if (said === "signup") return withAsk(t.signUpFirst);
      return withAsk(t.signUpUnknown);
    }
    case "access":
      return l.accessibility ? fill(t.access, { access: l.accessibility }) : withAsk(t.noAccess);
    case "contact":
      return ask || t.noContact;
    case "other":
      // A question the listing's data does not answer ("wat moet ik meenemen?"): say so, and who knows.
      return ask ? `${t.notListed} ${fill(t.askThem, { ask })}` : `${t.notListed} ${t.noContact}`;
    case "language": {
      const names = l.languages.map((code) => c.languageNames[code] ?? code);
      return names.length > 0 ? fill(t.languages, { languages: names.join(", ") }) : t.noLanguages;
    }
  }
}

function askLine(l: Listing, t: FollowUpTexts): string {
  if (l.phone && l.email) return fill(t.callOrMail, { phone: l.phone, email: l.email });
  if (l.phone) return fill(t.call, { phone: l.phone });
  if (l.email) return fill(t.mail, { email: l.email });
  if (l.website) return fill(t.website, { url: l.website });
  return "";
}
