import { catalog, fill } from "../core/text-catalog.js";

/** What residents read about a "ben je gegaan?" check-in, in their language (data: `checkIn` in `knowledge/texts/<code>.json`). */
export const CHECKIN_ACTIONS = {
  yes: "checkin_yes",
  no: "checkin_no",
  went: "checkin_went",
  notWent: "checkin_not_went",
  reason: "checkin_reason",
} as const;

function buildCheckInTexts(language: string | undefined) {
  const t = catalog(language).checkIn;
  return {
    offer: (name: string, days: number) => fill(t.offer, { name, days }),
    offerYes: t.offerYes,
    offerNo: t.offerNo,
    scheduled: (days: number) => fill(t.scheduled, { days }),
    declined: t.declined,
    question: (name: string) => fill(t.question, { name }),
    went: t.went,
    notWent: t.notWent,
    thanksWent: t.thanksWent,
    whyNot: t.whyNot,
    thanks: t.thanks,
    gone: t.gone,
    /** Reason codes (what the coordinator counts) with the button text the resident sees. */
    reasons: t.reasons as Record<string, string>,
  };
}

export type CheckInTexts = ReturnType<typeof buildCheckInTexts>;
const built = new Map<string, CheckInTexts>();

/** The check-in texts in `language` (Dutch when there is no text file for it). */
export function checkInTextsFor(language: string | undefined): CheckInTexts {
  const key = language ?? "nl";
  let texts = built.get(key);
  if (!texts) built.set(key, (texts = buildCheckInTexts(key)));
  return texts;
}

export const checkInTexts = checkInTextsFor("nl");

/** Reason codes the coordinator sees, with their Dutch button text. */
export const NOT_WENT_REASONS: Record<string, string> = checkInTexts.reasons;
