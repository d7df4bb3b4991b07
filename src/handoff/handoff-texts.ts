/**
 * What residents and sociaal werkers read during a handoff. Residents read it in their language
 * ({@link residentTextsFor}, data in `knowledge/texts/`); workers read plain Dutch (B1), kept here.
 */
import { ACTIONS } from "../core/actions.js";
import { catalog, CATALOG_LANGUAGES, fill, localContact } from "../core/text-catalog.js";
import type { HandoffReason, Ticket } from "./handoff-model.js";
import type { NextOpening } from "./office-hours.js";

/** Action ids of the buttons the handoff shows residents (the core's `handoff_request` opens the flow). */
export const HANDOFF_ACTIONS = {
  request: ACTIONS.handoffRequest,
  consentYes: ACTIONS.handoffConsentYes,
  consentNo: ACTIONS.handoffConsentNo,
  rate: ACTIONS.handoffRate,
} as const;

/** Slack action ids fixed by docs/contracts.md; the Telegram desk uses the same names in its callback data. */
export const DESK_ACTIONS = { claim: ACTIONS.handoffClaim, close: ACTIONS.handoffClose } as const;

/**
 * What residents read during a handoff, in their language (data: `knowledge/texts/`, Dutch B1 the
 * reference). Emergency numbers are the Dutch ones in every language.
 */
function buildResidentTexts(language: string) {
  const t = catalog(language).handoff;
  const days = catalog(language).time.days;
  const emergency = (crisis: boolean) => (crisis ? [t.emergencyShort] : []);
  return {
    buttons: { consentYes: t.buttons.consentYes, consentNo: t.buttons.consentNo },
    consentQuestion(reason: HandoffReason): string {
      const lead = reason === "unconfident" ? t.leadUnconfident : reason === "crisis" ? t.leadCrisis : t.leadHandoff;
      return `${lead}\n\n${t.consentAsk}`;
    },
    consentNo: (contact: string, crisis: boolean) => [fill(t.consentNo, { contact: localContact(contact, language) }), ...emergency(crisis)].join("\n\n"),
    tooManyTickets: (contact: string, crisis: boolean) => [t.tooManyTickets, fill(t.tooManyWait, { contact: localContact(contact, language) }), ...emergency(crisis)].join("\n\n"),
    /** "maandag om 09:00", "morgen (dinsdag) om 09:00": when a person is next available. */
    opening(next: Pick<NextOpening, "inDays" | "weekday" | "time">): string {
      const day = days[next.weekday] ?? "";
      const template = next.inDays === 0 ? t.openingToday : next.inDays === 1 ? t.openingTomorrow : next.inDays === 7 ? t.openingNextWeek : t.openingDay;
      return fill(template, { day, time: next.time });
    },
    waitingInHours: (crisis: boolean) => [t.waitingThanks, t.waitingSoon, ...emergency(crisis), t.stopHint].join("\n\n"),
    waitingOutOfHours: (when: string, crisis: boolean) =>
      [t.waitingPassedOn, fill(t.waitingLater, { when }), ...emergency(crisis), t.stopHint].join("\n\n"),
    crisisWhileClaimed: (name: string) => `${fill(t.crisisWhileClaimed, { name })} ${t.emergencyShort}`,
    alreadyWaiting: t.alreadyWaiting,
    alreadyClaimed: (name: string) => fill(t.alreadyClaimed, { name }),
    claimed: (name: string) => fill(t.claimed, { name }),
    closed: (name: string) => `${fill(t.closed, { name })}\n\n${t.rateQuestion}`,
    closedUnclaimed: (contact: string) => fill(t.closedUnclaimed, { contact: localContact(contact, language) }),
    ratingThanks: t.ratingThanks,
    stopWaiting: t.stopWaiting,
    stopClaimed: (name: string) => fill(t.stopClaimed, { name }),
    stopNothing: t.stopNothing,
    consentCancelled: t.consentCancelled,
    delay: (contact: string) => fill(t.delay, { contact: localContact(contact, language) }),
    notDelivered: (contact: string) => fill(t.notDelivered, { contact: localContact(contact, language) }),
    textOnly: (name: string) => fill(t.textOnly, { name }),
    theWorker: t.theWorker,
    theWorkerStart: t.theWorkerStart,
    workerSignature: t.workerSignature,
  };
}

export type ResidentHandoffTexts = ReturnType<typeof buildResidentTexts>;
const built = new Map<string, ResidentHandoffTexts>();

/** The resident's handoff texts in `language` (Dutch when there is no text file for it). */
export function residentTextsFor(language: string | undefined): ResidentHandoffTexts {
  const key = language ?? "nl";
  let texts = built.get(key);
  if (!texts) built.set(key, (texts = buildResidentTexts(key)));
  return texts;
}

/**
 * A typed yes or no to the consent question, in any language there are texts for (a resident
 * may answer "yes" or "evet" in a Dutch conversation): the first word(s) of the message.
 */
export function consentAnswerPatterns(): { yes: RegExp; no: RegExp } {
  const words = (key: "yesWords" | "noWords") =>
    [...new Set(CATALOG_LANGUAGES.flatMap((l) => catalog(l).handoff[key]))]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("|");
  // \b does not see letters outside ASCII (Arabic, Cyrillic): end at a space, punctuation or the end.
  return { yes: new RegExp(`^(${words("yesWords")})(?=$|[\\s\\p{P}])`, "iu"), no: new RegExp(`^(${words("noWords")})(?=$|[\\s\\p{P}])`, "iu") };
}

const dutch = residentTextsFor("nl");

export const handoffTexts = {
  ...dutch,
  buttons: {
    ...dutch.buttons,
    claim: "Overnemen",
    close: "Afsluiten",
  },

  // ---- for sociaal werkers (desk side)
  ticketTitle: (t: Pick<Ticket, "id" | "priority">) => `${t.priority === "urgent" ? "🚨 URGENT · " : ""}Hulpvraag #${t.id}`,
  ticketStatus(t: Pick<Ticket, "status" | "workerName" | "closeReason">): string {
    if (t.status === "open") return "Status: wacht op een sociaal werker.";
    if (t.status === "claimed") return `Status: ${t.workerName ?? "een collega"} heeft dit overgenomen.`;
    if (t.closeReason === "resident_stopped") return "Status: gesloten. De bewoner heeft de vraag ingetrokken.";
    if (t.closeReason === "forgotten") return "Status: gesloten. De bewoner heeft gevraagd alles te wissen.";
    return `Status: gesloten${t.workerName ? ` door ${t.workerName}` : ""}.`;
  },
  forgottenSummary: "(gewist op verzoek van de bewoner)",
  residentSays: (text: string) => `Bewoner: ${text}`,
  relayedFromWebDesk: (name: string, text: string) => `${name} (via de webdesk) aan de bewoner: ${text}`,
  reminder: (t: Pick<Ticket, "id" | "priority">, minutes: number) =>
    `⏰ Herinnering: hulpvraag #${t.id}${t.priority === "urgent" ? " (URGENT)" : ""} wacht al ${minutes} minuten op een sociaal werker.`,
  claimHint: "Klik op Overnemen om het gesprek met de bewoner te starten. Wat u daarna in deze draad schrijft, gaat naar de bewoner.",
  claimedNotice: (name: string) => `${name} heeft het gesprek overgenomen. Wat ${name} hier schrijft, gaat naar de bewoner.`,
  notRelayedUnclaimed: "Niet doorgestuurd: dit gesprek is nog niet overgenomen. Klik eerst op Overnemen.",
  notRelayedOther: (name: string) => `Niet doorgestuurd: alleen ${name} praat met de bewoner. Dit bericht blijft intern.`,
  notRelayedClosed: "Niet doorgestuurd: dit gesprek is gesloten.",
  notRelayedNotText: "Niet doorgestuurd: alleen tekst gaat naar de bewoner. Een foto of bestand niet.",
  crisisNotice: "⚠️ Let op: dit bericht lijkt op een crisis. De bewoner kreeg de noodnummers (112 en 113) te zien.",
  residentStopped: "De bewoner heeft het gesprek beëindigd (/stop).",
  residentForgot: "De bewoner heeft gevraagd alles te wissen. Het gesprek is gesloten.",
  residentUnreachable: (code: string) => `Let op: een bericht kwam niet aan bij de bewoner (${code}). De bewoner heeft de bot misschien geblokkeerd.`,
  rated: (rating: number) => `De bewoner gaf een ${rating} (1–5).`,
  notMember: "Alleen leden van het handoff-kanaal kunnen een gesprek overnemen.",
  alreadyTaken: (name: string) => `${name} heeft dit gesprek al overgenomen.`,
  alreadyClosed: "Dit gesprek is al gesloten.",
  unknownTicket: "Deze hulpvraag bestaat niet (meer).",
  closeNotAllowed: (name: string | undefined) =>
    name ? `Alleen ${name} (die dit gesprek heeft) of een coördinator kan het sluiten.` : "Neem het gesprek eerst over. Alleen wie het heeft, of een coördinator, kan het sluiten.",
  actionFailed: "Dat lukte niet door een storing. Probeer het zo nog eens.",
};
