/** What residents read about a "ben je gegaan?" check-in, in plain Dutch (B1). */
export const CHECKIN_ACTIONS = {
  yes: "checkin_yes",
  no: "checkin_no",
  went: "checkin_went",
  notWent: "checkin_not_went",
  reason: "checkin_reason",
} as const;

/** Reason codes the coordinator sees, with the button text the resident sees. */
export const NOT_WENT_REASONS: Record<string, string> = {
  no_time: "Geen tijd",
  too_far: "Te ver weg",
  closed: "Het was dicht of anders",
  not_for_me: "Niet iets voor mij",
  other: "Iets anders",
};

export const checkInTexts = {
  offer: (name: string, days: number) => `Zal ik over ${days} dagen vragen hoe het was bij ${name}? Dat helpt ons om beter te helpen.`,
  offerYes: "Ja, vraag het later",
  offerNo: "Nee, hoeft niet",
  scheduled: (days: number) => `Goed. Over ${days} dagen stuur ik u een korte vraag. Wilt u dat niet meer? Typ /vergeet.`,
  declined: "Goed. Ik vraag het niet.",
  question: (name: string) => `Hallo! Een paar dagen geleden zocht u iets te doen. Bent u naar ${name} gegaan?`,
  went: "Ja, ik ben gegaan",
  notWent: "Nee",
  thanksWent: "Fijn! Dank u wel dat u het liet weten.",
  whyNot: "Jammer. Waarom ging u niet? Kies wat het beste past.",
  thanks: "Dank u wel. Zo kunnen wij de activiteiten beter maken.",
  gone: "Deze vraag is al beantwoord of bestaat niet meer.",
};
