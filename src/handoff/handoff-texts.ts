/**
 * What residents and sociaal werkers read during a handoff, in plain Dutch (B1). Kept in one
 * place so the wording can be reviewed without reading code.
 */
import { ACTIONS } from "../core/actions.js";
import type { HandoffReason, Ticket } from "./handoff-model.js";

/** Action ids of the buttons the handoff shows residents (the core's `handoff_request` opens the flow). */
export const HANDOFF_ACTIONS = {
  request: ACTIONS.handoffRequest,
  consentYes: ACTIONS.handoffConsentYes,
  consentNo: ACTIONS.handoffConsentNo,
  rate: ACTIONS.handoffRate,
} as const;

/** Slack action ids fixed by docs/contracts.md; the Telegram desk uses the same names in its callback data. */
export const DESK_ACTIONS = { claim: ACTIONS.handoffClaim, close: ACTIONS.handoffClose } as const;

const EMERGENCY_SHORT = "Bent u in gevaar? Bel 112. Denkt u aan zelfmoord? Bel 0800-0113 (gratis, dag en nacht).";

export const handoffTexts = {
  buttons: {
    consentYes: "Ja, deel mijn gesprek",
    consentNo: "Nee, liever niet",
    claim: "Overnemen",
    close: "Afsluiten",
  },
  consentQuestion(reason: HandoffReason): string {
    const lead =
      reason === "unconfident"
        ? "Ik kan u hier niet goed mee helpen. Een sociaal werker misschien wel. Dat is een mens, geen computer."
        : reason === "crisis"
          ? "Een sociaal werker kan met u meedenken. Dat is een mens, geen computer."
          : "Ik kan een sociaal werker vragen om u te helpen. Dat is een mens, geen computer.";
    return `${lead}\n\nMag ik ons gesprek met de sociaal werker delen? Dan hoeft u niet alles opnieuw te vertellen.`;
  },
  tooManyTickets(contact: string, crisis: boolean): string {
    return [
      "U heeft het afgelopen uur al een paar keer om een sociaal werker gevraagd. Probeer het later nog eens.",
      `Wilt u niet wachten? ${contact}`,
      ...(crisis ? [EMERGENCY_SHORT] : []),
    ].join("\n\n");
  },
  consentNo(contact: string, crisis: boolean): string {
    return [`Goed, ik deel niets. U kunt ook zelf contact opnemen. ${contact}`, ...(crisis ? [EMERGENCY_SHORT] : [])].join("\n\n");
  },
  waitingInHours: (crisis: boolean) =>
    [
      "Dank u. Ik heb een sociaal werker gevraagd om u te helpen.",
      "U krijgt hier een bericht zodra iemand er is. Dat duurt meestal niet lang.",
      ...(crisis ? [EMERGENCY_SHORT] : []),
      "Wilt u toch niet wachten? Typ /stop.",
    ].join("\n\n"),
  waitingOutOfHours: (when: string, crisis: boolean) =>
    [
      "Dank u. Ik heb uw vraag doorgegeven aan een sociaal werker.",
      `Op dit moment is er niemand. Een sociaal werker leest uw vraag ${when}. U krijgt dan hier een bericht.`,
      ...(crisis ? [EMERGENCY_SHORT] : []),
      "Wilt u toch niet wachten? Typ /stop.",
    ].join("\n\n"),
  crisisWhileClaimed: (name: string) => `Uw bericht is doorgestuurd naar ${name}. ${EMERGENCY_SHORT}`,
  alreadyWaiting: "U staat al op de lijst. Een sociaal werker neemt contact met u op. U krijgt hier een bericht. Wilt u niet meer wachten? Typ /stop.",
  alreadyClaimed: (name: string) => `${name} is al bij u. Typ gewoon uw bericht.`,
  claimed: (name: string) =>
    `${name}, een sociaal werker, is nu bij u. Dit is een mens, geen computer. U kunt hier gewoon typen. Uw berichten gaan naar ${name}.`,
  closed: (name: string) =>
    `${name} heeft het gesprek afgesloten. U praat nu weer met Wijkwijzer, de computer.\n\nHoe vond u de hulp? Kies een cijfer: 1 is slecht, 5 is heel goed.`,
  closedUnclaimed: (contact: string) => `Uw vraag aan een sociaal werker is gesloten. Sorry dat niemand u kon helpen. ${contact}`,
  ratingThanks: "Dank u wel voor uw cijfer!",
  stopWaiting: "Goed. Uw vraag aan een sociaal werker is ingetrokken. Typ /mens als u later toch iemand wilt spreken.",
  stopClaimed: (name: string) => `Goed. Het gesprek met ${name} is beëindigd. U praat nu weer met Wijkwijzer, de computer.`,
  stopNothing: "Er staat geen vraag aan een sociaal werker open.",
  consentCancelled: "Goed. Ik vraag geen sociaal werker.",
  delay: (contact: string) =>
    `Het lukt nu niet om een sociaal werker te bereiken. Ik blijf het proberen. Wilt u niet wachten? ${contact}`,
  notDelivered: (contact: string) => `Sorry, uw bericht kwam niet aan bij de sociaal werker. ${contact}`,

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
  closeNotAllowed: (name: string | undefined) =>
    name ? `Alleen ${name} (die dit gesprek heeft) of een coördinator kan het sluiten.` : "Neem het gesprek eerst over. Alleen wie het heeft, of een coördinator, kan het sluiten.",
  unknownTicket: "Deze hulpvraag bestaat niet (meer).",
  actionFailed: "Dat lukte niet door een storing. Probeer het zo nog eens.",
};
