import type { CrisisKind, SafetyAssessment } from "./ports.js";
import { catalog, fill, localContact } from "./text-catalog.js";

/**
 * Everything the core says to a resident or worker, in the resident's language. The words are
 * data (`knowledge/texts/<code>.json`, Dutch at B1 level the reference); this file only puts
 * them together.
 */
function buildTexts(language: string) {
  const c = catalog(language).core;
  return {
    welcome: fill(c.welcome, {}, "\n\n"),
    help: fill(c.help),
    privacy: (retentionDays: number) => fill(c.privacy, { days: retentionDays }),
    /** Where the answers come from, with the attribution the open place data asks for (CC BY 4.0). */
    sources: fill(c.sources),
    forgetConfirm: c.forgetConfirm,
    forgetDone: c.forgetDone,
    /** In a group only the sender's own data goes: said exactly so. */
    forgetConfirmGroup: c.forgetConfirmGroup,
    forgetDoneGroup: c.forgetDoneGroup,
    locationInvalid: c.locationInvalid,
    listingsIntro: c.listingsIntro,
    /** The line before an answer when the person shared something heavy, by empathy cue id. */
    empathy: catalog(language).empathy,
    forgetCancelled: c.forgetCancelled,
    feedbackThanks: c.feedbackThanks,
    feedbackDownThanks: c.feedbackDownThanks,
    empty: c.empty,
    unsupported: c.unsupported,
    locationSaved: c.locationSaved,
    tooLong: c.tooLong,
    outOfScope: c.outOfScope,
    notSure: c.notSure,
    /** The same "not sure" right after the last one: never the same question twice in a row. */
    notSureAgain: c.notSureAgain,
    /** "Not sure" for a question about what one gemeente decides: that it does, how to reach it, and a person. */
    notSureLocal: (contact: string) => fill(c.notSureLocal, { contact: localContact(contact, language) }),
    answerIntro: { resident: c.answerIntroResident, professional: c.answerIntroProfessional },
    /** Said above Dutch source text quoted to someone who wrote in another language. */
    dutchSources: c.dutchSources,
    sourcesLabel: c.sourcesLabel,
    error: c.error,
    noHandoff: (contact: string) => fill(c.noHandoff, { contact: localContact(contact, language) }),
    /** "Not sure" where no person can be reached through the bot: no question about one, but how to reach the wijkteam. */
    notSureAlone: (contact: string) => `${c.notSureAlone} ${fill(c.noHandoff, { contact: localContact(contact, language) })}`,
    notSureLocalAlone: (contact: string) => `${c.notSureLocalAlone} ${fill(c.noHandoff, { contact: localContact(contact, language) })}`,
    buttons: { person: c.buttons.person, up: "👍", down: "👎", forgetYes: c.buttons.forgetYes, forgetNo: c.buttons.forgetNo },
    /** A bare "help me": a kind question back, and a second, different one if it comes again. */
    helpQuestion: c.helpQuestion,
    helpQuestionAgain: c.helpQuestionAgain,
    /** Asked for a place a second time in a row: said more plainly, with a way out. */
    placeAgain: c.placeAgain,
    /** A typed "nee" to a question the bot asked. */
    declined: c.declined,
    /** "Weet ik niet" to "Waar zoekt u?": an easier way to say where. */
    placeUnknown: c.placeUnknown,
    /** "Er is geen gevaar" right after an emergency reply: the alarm is put away, with an apology. */
    noDanger: c.noDanger,
    /** "Weet ik niet" again after that: no third way to say where, but a person who can search along. */
    placeUnknownAgain: c.placeUnknownAgain,
    smalltalk: c.smalltalk satisfies Record<NonNullable<SafetyAssessment["smalltalk"]>, string>,
  };
}

export type CoreTexts = ReturnType<typeof buildTexts>;

const built = new Map<string, CoreTexts>();

/** The core's texts in `language` (Dutch when there is no text file for it). */
export function textsFor(language: string | undefined): CoreTexts {
  const key = language ?? "nl";
  let texts = built.get(key);
  if (!texts) built.set(key, (texts = buildTexts(key)));
  return texts;
}

/** The Dutch texts: for workers, logs and code that has no resident's language. */
export const texts = textsFor("nl");

/**
 * Emergency numbers first, matched to the kind of crisis, then the offer of a person. Every
 * language carries the Dutch numbers (112, 113, Veilig Thuis). This is the point where the
 * resident's language meets the crisis reply: per-tier replies replace these lines here.
 */
export function crisisText(kind: CrisisKind, language?: string): string {
  const t = catalog(language).crisis;
  const lines =
    kind === "suicide" || kind === "self_harm"
      ? [t.suicideLine, t.emergency]
      : kind === "violence"
        ? [t.emergency, t.veiligThuis]
        : [t.emergency, t.veiligThuis, t.suicideLine];
  return [t.opening, ...lines, t.closing].join("\n\n");
}

/** The first steps; `person: false` (no person to reach) leaves out the closing question about a sociaal werker. */
export function firstStepsText(topic: NonNullable<SafetyAssessment["needsPerson"]>, language?: string, person = true): string {
  const t = catalog(language).firstSteps;
  return [...t[topic], ...(person ? [t.question] : [])].join("\n");
}

/** The first steps split: the opening line (a word of understanding) and the numbered steps with the question. */
export function firstStepsParts(topic: NonNullable<SafetyAssessment["needsPerson"]>, language?: string, person = true): { opening: string; steps: string } {
  const t = catalog(language).firstSteps;
  const [opening = "", ...steps] = t[topic];
  return { opening, steps: [...steps, ...(person ? [t.question] : [])].join("\n") };
}
