import {
  PLACE_CHOICE_ACTION,
  type AgeBand,
  type CrisisKind,
  type CrisisTier,
  crisisTier,
  type AnswerComposer,
  type ConcernOffer,
  type DialogueCues,
  type ConversationState,
  type ConversationStore,
  type HandoffQueue,
  type HelpTopic,
  type ListingResponse,
  type ListingSearch,
  type ResidentGuide,
  type Retriever,
  type SafetyAssessment,
  type SafetyCheck,
} from "./ports.js";
import { ACTIONS } from "./actions.js";
import { answerQuestion } from "./answer-question.js";
import { personReachable } from "./person-reachable.js";
import { handleCommand } from "./commands.js";
import { describeInbound, isValidGeoPoint, normaliseInput } from "./input.js";
import { resolveLanguage, textLanguageOf, type LanguageDetector } from "./language.js";
import { crisisText, firstStepsParts, firstStepsText, textsFor } from "./texts.js";
import type { AssistantReply, InboundMessage, OutboundMessage } from "./types.js";
import { chatSentences } from "../text/chat-sentences.js";

export interface AssistantDeps {
  retriever: Retriever;
  composer: AnswerComposer;
  store: ConversationStore;
  safety: SafetyCheck;
  listings?: ListingSearch;
  /** Plain-language explanations for residents (the wegwijzer); without it only the sources answer. */
  guide?: ResidentGuide;
  handoff?: HandoffQueue;
  /** Typed yes/no, bare help requests and empathy cues; without it those turns are read as questions. */
  cues?: DialogueCues;
  /** Tells the language a resident writes in; default: always Dutch. */
  languages?: LanguageDetector;
  /** Puts a question in another language into Dutch search words for the Dutch sources; default: as typed. */
  toDutchQuery?: (question: string, language: string) => string;
  /** Turns a follow-up into a standalone question; default: the question itself. */
  rewriteQuestion?: (question: string, previousQuestion: string | undefined) => string | Promise<string>;
  now: () => Date;
  /** Told about unexpected failures (the person only sees a short apology). */
  onError?: (error: unknown, inbound: InboundMessage) => void;
  retentionDays: number;
  /** Contact details of the wijkteam, shown when no person can be reached through the bot. */
  wijkteamContact: string;
}

/** The channel-agnostic assistant: one inbound message in, the replies to send out. */
export interface Assistant {
  /**
   * Handles one message, in this order: handoff (a person has the chat), commands and buttons,
   * crisis (emergency numbers first), heavy feelings (concern), situations that need a person, small talk,
   * listings, scope, knowledge answer. An information question about a crisis topic is answered as usual,
   * with the numbers added.
   * Records the message and the replies. Never throws for bad input: it answers it.
   */
  handle(inbound: InboundMessage): Promise<AssistantReply>;
}

/** `lastAsk` after "weet ik niet" to the place question: a second one is not asked the same way. */
const PLACE_UNKNOWN = "place_unknown";

/** `lastAsk` after a reply that asked "Denkt u erover om uzelf iets aan te doen?": the next message may answer it. */
const SELF_HARM_QUESTION = "self_harm_question";
/** What the heavy-feelings reply offers to look for: places to meet people (a listings search word). */
const MEET_QUERY = "ontmoeting";
/** The search for "help for a carer" after the heavy-feelings reply offered it. */
const CARE_QUERY = "mantelzorg";

/** `lastAsk` after the short numbers again (`again`, then `again2`): the next one is said the other way. */
const CRISIS_AGAIN = "crisis_again";
const CRISIS_AGAIN2 = "crisis_again2";

/** `lastAsk` prefix after an answer to a word about the crisis numbers ("ik durf niet te bellen"). */
const CRISIS_FOLLOW_UP = "crisis_follow_up:";

/** How long after a crisis reply an unanswerable message still gets the emergency numbers again. */
const CRISIS_CONTEXT_MS = 30 * 60_000;
/** How long a situation told without a place ("ik heb schulden") is kept for "waar kan ik heen in Zeist?". */
const NEED_CONTEXT_MS = 30 * 60_000;
/** The state key of that situation: `{ topic, at }`. */
const LAST_NEED = "lastNeed";
/** The wijkteam's route (no person reachable here) is not said again within this time, unless a person is asked for. */
const PERSON_ROUTE_MS = 30 * 60_000;
/** The state key of when that route was last said (ms). */
const PERSON_ROUTE_AT = "personRouteAt";
/** De Kindertelefoon's line is not said again within this time. */
const YOUTH_LINE_MS = 2 * 60 * 60_000;

export function createAssistant(deps: AssistantDeps): Assistant {
  const { store } = deps;
  // A turn reads the same text in several places (the crisis check, the meet offer, the self-harm answer,
  // the wijkteam route): the safety check runs once per text, its last few results kept.
  const assess = recentlyAssessed(deps.safety);

  const personButtonFor = (language: string | undefined) => ({ id: ACTIONS.handoffRequest, label: textsFor(language).buttons.person });
  // The crisis and concern texts end with "Wilt u dat een sociaal werker …?": a typed yes presses this button.
  const personYesFor = (language: string | undefined) => ({ ...personButtonFor(language), answers: "yes" as const });

  /** Whether a person can be reached through this channel (a desk behind the bot for it). */
  const canHandOff = (inbound: InboundMessage) => personReachable(deps.handoff, inbound);

  /** When the latest heavy-feelings or crisis reply was given, else undefined. */
  function lastHeavyAt(state: ConversationState): number | undefined {
    const at = Math.max((state.lastConcern as number | undefined) ?? -Infinity, state.lastCrisis?.at ?? -Infinity);
    return Number.isFinite(at) ? at : undefined;
  }

  /** The known band, or "minor" right after De Kindertelefoon's line was given to someone of unknown age ("je" then). */
  function bandOf(state: ConversationState): AgeBand | undefined {
    return state.ageBand ?? (youthLineTold(state) ? "minor" : undefined);
  }

  /** A person, or else our wijkteam's contact (left out with `ownContact: false`: the resident lives elsewhere). */
  async function offerPerson(
    inbound: InboundMessage,
    reason: "crisis" | "handoff" | "unconfident",
    options: { ownContact?: boolean } = {},
  ): Promise<OutboundMessage[]> {
    const offer = deps.handoff ? await deps.handoff.offer(inbound, reason) : null;
    if (offer) return [offer];
    return options.ownContact === false ? [] : [{ text: textsFor(inbound.language).noHandoff(deps.wijkteamContact) }];
  }

  /**
   * The language to answer in: what this text shows, else the conversation's language; a command,
   * button or location alone also looks at the app's language setting. A change is kept in `patch`.
   */
  function settleLanguage(inbound: InboundMessage, state: ConversationState, patch: Partial<ConversationState>): string {
    const previous = state.language;
    const typed = inbound.text.trim();
    if (!typed || typed.startsWith("/") || inbound.action) {
      return previous ?? textLanguageOf(inbound.platformLanguage) ?? "nl";
    }
    const guess = deps.languages?.detect(typed);
    const language = resolveLanguage(guess, previous);
    if (guess && guess.evidence !== "none" && language !== (previous ?? "nl")) patch.language = language;
    // A conversation that is surely in Dutch stays Dutch when a later short line only leans elsewhere
    // ("en in zeist?" reads a little Spanish): without this, its first weak guess would take over.
    else if (guess?.evidence === "sure" && previous === undefined) patch.language = language;
    return language;
  }

  /**
   * Decides the replies. What the message changes in the conversation state is collected in
   * `patch` (the caller writes it with the replies, in one write); `patch` is also read here,
   * on top of the stored state, so a location shared with this message is used at once.
   */
  async function decide(received: InboundMessage, patch: Partial<ConversationState>, stored: ConversationState): Promise<AssistantReply> {
    const texts = textsFor(received.language);
    // Before anything reads it (handoff relay, listings, the stored state): a point that is not on Earth.
    if (received.location && !isValidGeoPoint(received.location)) return reply("smalltalk", [{ text: texts.locationInvalid }]);
    // "ik vraag alleen of het geld kost" right after a heavy or crisis reply: it misread the message.
    const corrected = await misreadReply(received, patch, stored);
    if (corrected) return corrected;
    // "er is geen gevaar", "ما في خطر" right after the 112 or Veilig Thuis reply: the alarm was not needed.
    const calmed = noDangerReply(received, { ...stored, ...patch }, patch);
    if (calmed) return calmed;
    // "ik durf niet te bellen", "is dat gratis?" right after 113 was given: an answer to that, not the numbers
    // again, and not read as a no to "Denkt u erover …?" ("no puedo hablar").
    const followed = await crisisFollowUp(received, { ...stored, ...patch }, patch);
    if (followed) return followed;
    // "ja graag, ik woon in 3701" right after the heavy-feelings reply offered to look for a place to meet
    // people: yes to that offer, not to its question about death.
    if (stored.meetOffered !== undefined) patch.meetOffered = undefined;
    if (stored.meetOffered !== undefined && !received.action) {
      const meet = await meetSearch(received, { ...stored, ...patch }, patch, stored.meetOffered);
      if (meet) return meet;
    }
    // "ja soms wel" or "nee, gewoon moe" right after "Denkt u erover om uzelf iets aan te doen?" answers that question.
    // "nee, ik zou mezelf niets aandoen" a few messages after 113 was given answers that question too.
    const current = { ...stored, ...patch };
    const denial = afterSuicideReply(current) && deps.cues?.deniesSelfHarm?.(received.text) === true;
    if ((current.lastAsk === SELF_HARM_QUESTION || denial) && !received.action) {
      const answered = await selfHarmAnswer(received, current, patch);
      if (answered) return answered;
    }
    // "2" or "ja graag" right after buttons were shown stands for pressing one of them.
    const typed = typedPress(received, { ...stored, ...patch }.offered);
    if (typed === "declined") return reply("smalltalk", [{ text: texts.declined }]);
    const inbound = typed ?? received;
    if (deps.handoff) {
      const owned = await deps.handoff.intercept(inbound);
      if (owned) return owned;
    }
    const command = await handleCommand(inbound, deps);
    if (command) return command;

    if (inbound.unsupported) return reply("smalltalk", [{ text: texts.unsupported }]);

    // A place chosen with a button reads as if the person typed it.
    const said = inbound.action?.id.startsWith(PLACE_CHOICE_ACTION) ? (inbound.action.value ?? "") : inbound.text;
    const { text, truncated } = normaliseInput(said);
    if (inbound.location) {
      patch.location = inbound.location;
      // A shared location alone answers "what is near me now" (or the question that waited for a place).
      if (!text) return (await askListings(inbound, "", await currentState(inbound, patch), patch)) ?? reply("command", [{ text: texts.locationSaved }]);
    }
    if (!text) return reply("smalltalk", [{ text: texts.empty }]);

    // An age the resident states of themselves is kept as a band only ("minor" / "adult"), never the number.
    const band = inbound.persona === "resident" ? deps.cues?.ageBand?.(text) : undefined;
    if (band) patch.ageBand = band;
    const ageBand = { ...stored, ...patch }.ageBand;

    const assessment = assess(text);
    // The language settled for this message; the safety check's own script reading when that says Dutch.
    const language = inbound.language && inbound.language !== "nl" ? inbound.language : (assessment.language ?? "nl");
    if (assessment.crisis) {
      const tier = crisisTier(assessment.crisis);
      const previous = { ...stored, ...patch }.lastCrisis;
      patch.lastCrisis = { at: deps.now().getTime(), kind: assessment.crisis };
      const [first, ...rest] = await offerPerson(inbound, "crisis");
      // Debts or care that is too heavy in the same message: the practical first steps follow the numbers.
      const need = assessment.needsPerson && assessment.needsPerson !== "person_requested" ? [{ text: stepsText(inbound, assessment.needsPerson, language) }] : [];
      // A child or teenager: De Kindertelefoon first for trouble at home; after the numbers when life is at stake.
      const young = youthLine(inbound, text, true, ageBand, { ...stored, ...patch }, patch);
      // Never the same block twice in a row: a second message of the same crisis soon after gets the numbers, shorter.
      // An emergency always gets the whole 112 instructions: it may be a new one.
      const repeated = tier !== "acute" && previous && crisisTier(previous.kind) === tier && deps.now().getTime() - previous.at < CRISIS_CONTEXT_MS;
      // The same "je" as De Kindertelefoon's line when that was given to someone of unknown age, now or a
      // little earlier (youthLineOnce marks it in the patch).
      const said = register(language, bandOf({ ...stored, ...patch }));
      const numbers = repeated && deps.safety.followUp ? againText(tier, said, { ...stored, ...patch }, patch, () => crisisReply(assessment, said, inbound)) : crisisReply(assessment, said, inbound);
      if (tier === "suicide" && !repeated) patch.lastAsk = SELF_HARM_QUESTION;
      const block = { text: numbers, buttons: [personYesFor(language)] };
      const ordered = tier === "unsafe_home" ? [...young, block] : [block, ...young];
      return reply("crisis", [...ordered, ...need, ...(first ? [first, ...rest] : [])]);
    }
    // Heavy feelings without a crisis signal: warmth and a person, not the alarm. A practical need
    // (debts, care that is too heavy) gets its first steps instead, which also offer a person.
    // A young person with trouble at home ("ik ben 13, thuis is altijd ruzie") is heard the same way,
    // and also gets De Kindertelefoon.
    const heavy = assessment.concern === true;
    // "Niemand mag het weten", "kan ik anoniem iets vragen": where to talk in confidence, not the handoff's
    // "Mag ik ons gesprek delen?". A practical need (debts, eviction) keeps its own first steps.
    const private_ = inbound.persona === "resident" && (!assessment.needsPerson || assessment.needsPerson === "person_requested")
      ? deps.cues?.confidential?.(text, language, ageBand)
      : undefined;
    if (private_) {
      // Nothing is shared without asking: the button only offers a person (who asks before the chat is shared).
      if (canHandOff(inbound)) return reply("handoff", [{ text: private_.text, buttons: [personButtonFor(language)] }]);
      return reply("handoff", [{ text: private_.text }, ...(private_.young ? [] : [{ text: textsFor(language).noHandoff(deps.wijkteamContact) }])]);
    }
    // Without a heavy-feelings signal only a message that asks nothing: a question is answered (with the line).
    const asks = ASKS.test(text);
    const trouble = assessment.needsPerson || (!heavy && asks) ? undefined : youthTrouble(inbound, text, heavy, ageBand);
    const youngTrouble = trouble !== undefined;
    const young = trouble ? youthLineOnce(trouble, { ...stored, ...patch }, patch) : [];
    const concernReply = async (youngLines: OutboundMessage[]) => {
      const offer = await offerPerson(inbound, "handoff");
      const current = { ...stored, ...patch };
      // Never the same block twice in a row: heavy words again soon after get a shorter word with the numbers.
      const recent = lastHeavyAt(current);
      // After the reply for unsafe at home or an emergency, heavy feelings are new: they get the concern reply.
      const afterOtherCrisis = current.lastCrisis !== undefined && current.lastCrisis.at === recent && crisisTier(current.lastCrisis.kind) !== "suicide";
      const repeated = recent !== undefined && !afterOtherCrisis && deps.now().getTime() - recent < CRISIS_CONTEXT_MS && deps.safety.followUp;
      patch.lastConcern = deps.now().getTime();
      // School, parents, a class ("ik word gepest op school"): said with "je", as to a known minor.
      const said = register(language, current.ageBand ?? (inbound.persona === "resident" && deps.cues?.soundsYoung?.(text) ? "minor" : undefined));
      // What fits to look for: help for a carer ("ik zorg voor mijn man, ik kan niet meer"), else places to
      // meet people; nothing once the resident said no to that offer.
      // A heavy message that also asks for something near ("zo eenzaam, is er ergens een koffieochtend?"):
      // that search itself is shown (or asked where, keeping what was asked for), not a general offer to meet.
      const tried: Partial<ConversationState> = {};
      const own = current.meetDeclined === true ? null : await askListings(inbound, text, current, tried);
      const search = own && (own.seeking || own.asked !== undefined) ? own : null;
      if (search) Object.assign(patch, tried);
      const offered: ConcernOffer =
        current.meetDeclined === true || search ? "none" : deps.cues?.caresForSomeone?.(text) === true ? "care" : "meet";
      const concernText = () => deps.safety.reply!("concern", said, [], { person: canHandOff(inbound), offer: offered });
      const words = repeated
        ? againText(current.lastCrisis && current.lastCrisis.at === recent ? crisisTier(current.lastCrisis.kind) : "concern", said, current, patch, concernText)
        : concernText();
      if (!repeated) patch.lastAsk = SELF_HARM_QUESTION;
      // The reply ends with the offer to look for a place to meet people, or help for a carer (in every language).
      if (!repeated && offered !== "none") patch.meetOffered = offered;
      // A young person hears of De Kindertelefoon first.
      return {
        ...reply("concern", [...youngLines, { text: words, buttons: [personYesFor(language)] }, ...(search?.replies ?? []), ...offer]),
        sources: search?.sources ?? [],
      };
    };
    // "ik ben 15" / "ja ik ben 15" (to "Ben je jonger dan 18?"): the age is kept (as a band); the message says
    // nothing else, so it is heard as that answer before any heavy-feelings reading of its words.
    const ageState = { ...stored, ...patch };
    const lastHeavy = lastHeavyAt(ageState);
    const heardHeavy = lastHeavy !== undefined && deps.now().getTime() - lastHeavy < CRISIS_CONTEXT_MS;
    // Right after a heavy reply, the classifier's heavy reading of a bare age ("ja ik ben 15") is no new sign:
    // the age-only reply for that moment is itself the warm one.
    // "ik ben 15 en woon in kerckebosch zeist": an age and a place, nothing asked: the place is kept as well.
    const introPlace = band && !heavy && !asks && !assessment.needsPerson && text.split(/\s+/).length <= INTRO_WORDS ? await deps.listings?.placeIn?.(text) : undefined;
    if (introPlace) patch.place = introPlace;
    const introduces = introPlace !== undefined || (text.split(/\s+/).length <= INTRO_WORDS && INTRODUCES.test(text));
    if (band && (!(heavy || youngTrouble) || heardHeavy) && !assessment.needsPerson && !asks && (text.split(/\s+/).length <= AGE_ONLY_WORDS || introduces)) {
      // Right after the heavy-feelings or crisis reply: De Kindertelefoon, in "je", and no greeting.
      const state = { ...ageState, ...patch };
      // The latest heavy reply decides: unsafe at home (Veilig Thuis and 112 with De Kindertelefoon) or heavy feelings.
      const unsafe = heardHeavy && state.lastCrisis !== undefined && state.lastCrisis.at === lastHeavy && crisisTier(state.lastCrisis.kind) === "unsafe_home";
      const kind = unsafe ? "afterAgeUnsafe" : heardHeavy ? "afterAge" : "howToHelp";
      const young = band === "minor" && language === "nl" ? (deps.cues?.youngText?.(kind) ?? deps.cues?.youngText?.(heardHeavy ? "afterAge" : "howToHelp")) : undefined;
      if (young) {
        patch.lastAsk = "greeting";
        return reply(heardHeavy ? (unsafe ? "crisis" : "concern") : "smalltalk", [{ text: young }]);
      }
      return reply("smalltalk", [{ text: howToHelp(language, state, patch) }]);
    }
    if ((heavy || youngTrouble) && !assessment.needsPerson && deps.safety.reply) return concernReply(young);
    // "nou ik probeer woensdag maar dat eten, dank u wel", "dankjewel, je hebt me echt geholpen": a plan or a
    // word of thanks, no question: thanks back, not a search or an explanation of a side word. Not in the
    // half hour after the suicide reply: "dank u voor alles, het is mooi geweest" may be a goodbye.
    if (assessment.thanksBeside && !afterSuicideReply({ ...stored, ...patch }) && !asks && !QUESTION_START.test(text) && !assessment.needsPerson && inbound.persona === "resident") {
      return reply("smalltalk", [{ text: texts.smalltalk.thanks }]);
    }
    const answered = await answerRest(inbound, text, truncated, assessment, patch);
    // "Hallo, ik ben Amal uit Syrië": an opening that asks nothing gets a greeting and the question how to help, not "not sure".
    if (assessment.greets && !answers(answered, false) && inbound.persona === "resident" && !asks) {
      // "Hallo, ik woon in Zeist": the place is kept for the question that comes next.
      await keepPlace(text, patch);
      return reply("smalltalk", [{ text: howToHelp(language, { ...stored, ...patch }, patch) }]);
    }
    // A weaker sign of heavy feelings ("ik ben een mislukking, de wereld draait prima door zonder mij") and no
    // real answer to it (not sure, a policy quote, or only the question where to look): the concern reply.
    if (assessment.concernIfUnanswered && inbound.persona === "resident" && !assessment.needsPerson && deps.safety.reply && !answers(answered, asks, false)) {
      return concernReply(youthLine(inbound, text, true, ageBand, { ...stored, ...patch }, patch));
    }
    // Heavy feelings and a practical need ("ik heb schulden, ik slaap niet meer van de stress"): the warmth
    // and the lines first, then the first steps and the offer of a person.
    if (heavy && assessment.needsPerson && assessment.needsPerson !== "person_requested" && deps.safety.reply) {
      // Its question "Denkt u soms aan de dood …?" is what a "nee" or "soms" next answers.
      patch.lastAsk = SELF_HARM_QUESTION;
      patch.lastConcern = deps.now().getTime();
      const said = register(language, ageBand);
      // Heavy only to the classifier, in a question beside the need it names ("kost dat geld? ik heb echt niks
      // meer"): the practical answer first, with the warm first line before it and the lines to talk after it.
      if (assessment.concernGuessed && (asks || /[?؟]/.test(text))) {
        const talk = deps.safety.reply("concern", said, [], { offer: "none", part: "talk" });
        return reply("concern", [{ text: deps.safety.reply("concern", said, [], { part: "opening" }) }, ...answered.replies, ...(talk ? [{ text: talk }] : [])]);
      }
      return reply("concern", [{ text: deps.safety.reply("concern", said, [], { offer: "none" }) }, ...answered.replies]);
    }
    // "Wat is huiselijk geweld?": the answer, then the numbers (without "wat naar dat u dit meemaakt").
    // A weaker sign of heavy feelings beside a real answer ("kan ik een brief schrijven die ze krijgt als ik er
    // niet meer ben?"): the answer, then 113's line, said as information: a missed signal costs more.
    // (Not beside the first steps for a practical need: "ik word morgen uit huis gezet" is heavy, and gets a person.)
    const weakSign = assessment.concernIfUnanswered && inbound.persona === "resident" && !assessment.needsPerson;
    const about = assessment.information ?? (weakSign ? (["suicide"] as const) : undefined);
    if (about && deps.safety.reply) {
      const line = deps.safety.reply("information", register(language, ageBand), about);
      // An answer that already gives these numbers (a wegwijzer entry on Veilig Thuis) needs no second line.
      const said = answered.replies.map((r) => r.text).join("\n");
      const numbers = line.match(/\b(?:112|113|0800-\d{4}|0900-\d{4}|088-\d{7})\b/g) ?? [];
      if (!numbers.every((n) => said.includes(n))) answered.replies.push({ text: line });
    }
    return answered;
  }

  /** The greeting and the question how to help; right after it, the question said another way (never twice the same). */
  function howToHelp(language: string, state: ConversationState, patch: Partial<ConversationState>): string {
    const texts = textsFor(language);
    const again = state.lastAsk === "greeting";
    patch.lastAsk = again ? "help" : "greeting";
    return again ? texts.helpQuestion : texts.smalltalk.greeting;
  }

  /** The emergency text: the deciding tier's numbers first, the numbers of any other crisis found with them. */
  function crisisReply(assessment: SafetyAssessment, language: string, inbound: InboundMessage): string {
    const kind = assessment.crisis!;
    if (!deps.safety.reply) return crisisText(kind);
    const tiers = [...new Set((assessment.crisisKinds ?? [kind]).map(crisisTier))];
    return deps.safety.reply(crisisTier(kind), language, tiers, { person: canHandOff(inbound) });
  }

  /** A crisis reply again soon after the last one: the short form with the numbers, never the same block twice. */
  async function crisisAgain(kind: CrisisKind, inbound: InboundMessage, patch: Partial<ConversationState>): Promise<AssistantReply> {
    const language = inbound.language ?? "nl";
    const state = await currentState(inbound, patch);
    const said = register(language, bandOf(state));
    const full = () => crisisReply({ crisis: kind }, said, inbound);
    const text = deps.safety.followUp ? againText(crisisTier(kind), said, state, patch, full) : full();
    return reply("crisis", [{ text, buttons: [personYesFor(language)] }]);
  }

  /**
   * The short numbers again, never word for word the same as the reply before: `again`, then `again2`
   * (or, for a tier without a second wording, the whole text), then `again` once more.
   */
  function againText(tier: CrisisTier | "concern", language: string, state: ConversationState, patch: Partial<ConversationState>, full: () => string): string {
    const first = deps.safety.followUp!("again", language, tier);
    if (state.lastAsk !== CRISIS_AGAIN) {
      patch.lastAsk = CRISIS_AGAIN;
      return first;
    }
    patch.lastAsk = CRISIS_AGAIN2;
    const second = deps.safety.followUp!("again2", language, tier);
    return second !== first ? second : full();
  }

  /**
   * After a suicide-tier crisis reply, a short word about the numbers: afraid to call (chat, a person here),
   * what happens on the phone, free and anonymous, or thanks. Null for anything else, for a new crisis
   * (it gets its numbers as usual), and for the same word twice in a row (then the usual path answers).
   */
  async function crisisFollowUp(inbound: InboundMessage, state: ConversationState, patch: Partial<ConversationState>): Promise<AssistantReply | null> {
    const crisis = state.lastCrisis;
    if (inbound.action || !crisis || crisisTier(crisis.kind) !== "suicide" || deps.now().getTime() - crisis.at >= CRISIS_CONTEXT_MS) return null;
    if (!deps.safety.followUp || !deps.cues?.crisisFollowUp) return null;
    const { text } = normaliseInput(inbound.text);
    if (!text) return null;
    const kind = deps.cues.crisisFollowUp(text);
    // The same word twice in a row is answered by the usual path, but for fear of calling (below).
    const again = state.lastAsk === CRISIS_FOLLOW_UP + kind;
    if (!kind || (again && kind !== "cannotCall")) return null;
    // "nee hoor, dank je" to "Denkt u erover …?" is the answer to it.
    if (kind === "thanks" && state.lastAsk === SELF_HARM_QUESTION && deps.cues.crisisAnswer?.(text)) return null;
    // "ok, dank je" to "Wilt u dat een sociaal werker …?" is a typed yes to that question: the button takes it.
    if (kind === "thanks" && deps.cues.answer(text) === "yes" && Array.isArray(state.offered) && state.offered.length > 0) return null;
    const assessment = assess(text);
    // A crisis the lists read is answered as a crisis; one only the statistical nets guess ("will they send the
    // police to my house?" reads like unsafe at home) is the question about the line it seems to be.
    if (assessment.crisis && !assessment.guessed) return null;
    const language = inbound.language && inbound.language !== "nl" ? inbound.language : (assessment.language ?? "nl");
    // Afraid to call, said again ("u geeft me alleen maar nummers"): the short word that stays, and a person.
    if (again) {
      patch.lastAsk = CRISIS_FOLLOW_UP + "person";
      return reply("crisis", [{ text: deps.safety.followUp("again2", register(language, bandOf(state)), "suicide") }, ...(await offerPerson(inbound, "crisis"))]);
    }
    patch.lastAsk = CRISIS_FOLLOW_UP + kind;
    const line = { text: deps.safety.followUp(kind, register(language, bandOf(state))), buttons: [personYesFor(language)] };
    // Afraid to call: a person here is the other way, so the offer comes with it.
    return reply("crisis", kind === "cannotCall" ? [line, ...(await offerPerson(inbound, "crisis"))] : [line]);
  }

  /**
   * "ik bedoel geld", "waarom begin je over zelfmoord? ik vraag alleen of schuldhulp geld kost", soon after the
   * heavy-feelings or crisis reply: sorry, the heavy context ends, and what is still asked is answered. Null when
   * the message says no such thing, or when what is left holds a signal of its own (then that is heard).
   */
  async function misreadReply(received: InboundMessage, patch: Partial<ConversationState>, stored: ConversationState): Promise<AssistantReply | null> {
    const state = { ...stored, ...patch };
    if (received.action || !deps.cues?.misread) return null;
    const misread = deps.cues.misread(received.text);
    // "ik bedoel …" is only a repair right after a heavy reply; "waarom begin je over zelfmoord?" always is.
    const lastHeavy = lastHeavyAt(state);
    const afterHeavy = lastHeavy !== undefined && deps.now().getTime() - lastHeavy < CRISIS_CONTEXT_MS;
    if (!misread || (!misread.complaint && !afterHeavy)) return null;
    // "ik bedoel het serieus" corrects nothing: only a repair that still asks something ("ik bedoel geld, kost het wat?").
    if (!misread.complaint && !STILL_ASKS.test(misread.rest)) return null;
    const rest = misread.rest ? assess(misread.rest) : undefined;
    if (rest?.crisis || rest?.concern) return null;
    const calm = { lastAsk: undefined, lastConcern: undefined, lastCrisis: undefined, meetOffered: undefined };
    Object.assign(patch, calm);
    const language = received.language && received.language !== "nl" ? received.language : "nl";
    const sorryText = misread.sorry[register(language, bandOf(state))] ?? misread.sorry[language];
    const sorry = sorryText ? [{ text: sorryText }] : [];
    if (!misread.rest) return reply("smalltalk", [...sorry, { text: textsFor(language).helpQuestion }]);
    const answered = await decide({ ...received, text: misread.rest }, patch, { ...stored, ...calm });
    return { ...answered, replies: [...sorry, ...answered.replies] };
  }

  /**
   * "Er is geen gevaar" right after an emergency or unsafe-at-home reply (not after 113: "het valt wel mee"
   * is no all-clear for suicidal thoughts): the crisis context ends, and the person is asked what they need.
   */
  function noDangerReply(inbound: InboundMessage, state: ConversationState, patch: Partial<ConversationState>): AssistantReply | null {
    const crisis = state.lastCrisis;
    if (inbound.action || !crisis || crisisTier(crisis.kind) === "suicide" || deps.now().getTime() - crisis.at >= CRISIS_CONTEXT_MS) return null;
    const { text } = normaliseInput(inbound.text);
    if (!text || !deps.cues?.saysNoDanger?.(text) || assess(text).crisis) return null;
    patch.lastCrisis = undefined;
    patch.lastAsk = undefined;
    return reply("smalltalk", [{ text: textsFor(inbound.language).noDanger }]);
  }

  /**
   * The answer to the heavy-feelings reply's offer ("Wilt u dat ik iets zoek? Noem dan uw postcode"): a
   * place, or "ja graag", gets the places to meet people there (or the question where). Null when the
   * message says more than that (a crisis, a doubt, a bare "ja" — which may answer the question about
   * death, so it is read as that), and then the usual paths read it.
   */
  async function meetSearch(
    inbound: InboundMessage,
    state: ConversationState,
    patch: Partial<ConversationState>,
    offered: unknown,
  ): Promise<AssistantReply | null> {
    const { text } = normaliseInput(inbound.text);
    const assessed = text ? assess(text) : undefined;
    // "kan ik met iemand praten": a person is asked for, not a place to meet.
    if (assessed?.crisis || assessed?.needsPerson === "person_requested") return null;
    const answer = text ? deps.cues?.crisisAnswer?.(text) : undefined;
    // "nee niet echt. maar is er in 3701 iets …": a short answer that opens a longer message answers the
    // question about death; the question after it is read with that answer (and may look for a place).
    // "ja graag, ik woon in 3701" opens by taking up the offer ("graag"), not with a yes about death: it is the search.
    const takesUp = text ? deps.cues?.acceptsOffer?.(text.split(/[,.;!?]/)[0] ?? "") === true : false;
    if (text && state.lastAsk === SELF_HARM_QUESTION && !takesUp && deps.cues?.crisisAnswerLead?.(text)?.rest) return null;
    // "nee, geen koffieochtend": the offer is not made again in this conversation.
    if (text && (answer === "no" || deps.cues?.answer(text) === "no" || deps.cues?.crisisAnswerLead?.(text)?.answer === "no")) patch.meetDeclined = true;
    if (answer === "unsure" || answer === "no") return null;
    // With a desk the reply ends with the offer of a person: a bare "ja graag" answers that one.
    const accepts = text && !canHandOff(inbound) ? (deps.cues?.acceptsOffer?.(text) ?? false) : false;
    // Tried on the side: only an answer to the offer changes the conversation.
    const tried: Partial<ConversationState> = {};
    // What was offered (help for a carer, or places to meet): the offer itself is cleared from the state by now.
    // A young person is offered places for young people (a jongerenhuiskamer), not a koffieochtend.
    const query = offered === "care" ? CARE_QUERY : state.ageBand === "minor" ? `${MEET_QUERY} jongeren` : MEET_QUERY;
    const found = await askListings(inbound, `${query} ${text}`.trim(), state, tried);
    // A place named in this message (or a shared location) answers the offer; else only a clear "graag".
    if (!found || !(accepts || found.asked?.area !== undefined || inbound.location)) return null;
    Object.assign(patch, tried);
    return found;
  }

  /**
   * The answer to "Denkt u erover om uzelf iets aan te doen?": a yes gets thanks, 113 now, 112 and a
   * person; a no warmth, one line that 113 is there, and a person; "weet niet" a gentle word, 113 and a
   * person. Null when the message is no answer to it (it is then read as any other message).
   */
  async function selfHarmAnswer(inbound: InboundMessage, state: ConversationState, patch: Partial<ConversationState>): Promise<AssistantReply | null> {
    if (!deps.safety.followUp) return null;
    const { text } = normaliseInput(inbound.text);
    if (!text) return null;
    // With a desk, the last question was whether to bring in a person: a plain "ja" / "nee" answers that.
    if (canHandOff(inbound) && deps.cues?.answer(text)) return null;
    const assessment = assess(text);
    // Another crisis in the answer (acute danger, violence at home) gets its own numbers as usual.
    if (assessment.crisis && crisisTier(assessment.crisis) !== "suicide") return null;
    // "ik wil mezelf niks aandoen" may read as a signal to the classifier (not to the lists): said in answer to
    // the question, it is the no it says (whose reply still names 113).
    const denies = deps.cues?.deniesSelfHarm?.(text) === true;
    const crisis = assessment.guessed === true && denies ? undefined : assessment.crisis;
    // "nee dat niet, maar …": the answer opens the message, and what follows is heard too.
    const lead = crisis ? undefined : deps.cues?.crisisAnswerLead?.(text);
    // A longer "nee nee zo bedoel ik het niet, ik wil mezelf niks aandoen. …" is a no too.
    const answer = crisis ? "yes" : (lead?.answer ?? deps.cues?.crisisAnswer?.(text) ?? (denies ? "no" : undefined));
    if (!answer) return null;
    // "ja ben 15, mijn vader …": a yes that states an age answers "Ben je jonger dan 18?", not this question.
    if (!crisis && answer === "yes" && deps.cues?.ageBand?.(text) !== undefined) return null;
    const language = inbound.language && inbound.language !== "nl" ? inbound.language : (assessment.language ?? "nl");
    const line = { text: deps.safety.followUp(answer, register(language, bandOf(state))), buttons: [personYesFor(language)] };
    if (answer === "no") {
      // A clear no ends the crisis context: what comes next is answered as asked, not with 113 again.
      patch.lastCrisis = undefined;
      // "nee, maar waar kan ik …?": the question after the no gets its answer too, when there is one.
      // "nee zo bedoel ik het niet. ik ga mezelf niks aandoen. kan ik bijstand krijgen?": the question at the end too.
      const asked = lead?.rest ?? askingSentence(text);
      const rest = asked ? await answerRest(inbound, asked, false, assess(asked), patch) : undefined;
      const answered = rest?.confident && !["smalltalk", "out_of_scope"].includes(rest.intent) ? rest.replies : [];
      return reply("concern", [line, ...answered, ...(answered.length > 0 ? [] : await offerPerson(inbound, "handoff"))]);
    }
    patch.lastCrisis = { at: deps.now().getTime(), kind: "suicide" };
    // A desk waiting for a typed yes to its question about a person takes it, after the numbers.
    const desk = answer === "yes" && canHandOff(inbound) ? await deps.handoff!.intercept(inbound) : null;
    if (desk) return { ...desk, replies: [{ text: line.text }, ...desk.replies] };
    return reply("crisis", [line, ...(await offerPerson(inbound, "crisis"))]);
  }

  /** Everything after the safety tiers: a person's situation, small talk, scope, listings, knowledge. */
  async function answerRest(
    inbound: InboundMessage,
    text: string,
    truncated: boolean,
    assessment: SafetyAssessment,
    patch: Partial<ConversationState>,
  ): Promise<AssistantReply> {
    const texts = textsFor(inbound.language);
    const personButton = personButtonFor(inbound.language);
    if (assessment.needsPerson) {
      const topic = assessment.needsPerson;
      // "Zijn die lessen echt gratis? We hebben niet veel geld": about the listings just shown, answered from
      // them first; the first steps for money follow.
      if (topic === "money" && deps.listings) {
        const state = await currentState(inbound, patch);
        const tried: Partial<ConversationState> = {};
        const shown = typeof state.listingsMemory === "string" ? await askListings(inbound, text, state, tried) : null;
        const askedWhere = typeof tried.lastAsk === "string" && tried.lastAsk.startsWith("place:");
        if (shown && shown.asked === undefined && !shown.seeking && !askedWhere) {
          Object.assign(patch, tried);
          return reply("listings", [...shown.replies, { text: stepsText(inbound, topic, inbound.language) }]);
        }
      }
      const nearby = topic === "person_requested" ? null : await helpNearby(inbound, text, topic, patch);
      // Told without a place: the next message may say where ("waar kan ik heen in Zeist dan?").
      patch[LAST_NEED] = topic !== "person_requested" && !nearby ? { topic, at: deps.now().getTime() } : undefined;
      // Someone in another gemeente gets that gemeente's route (in `nearby`), not our wijkteam's contact.
      const offer = await offerPerson(inbound, "handoff", { ownContact: !nearby?.outside });
      // "Ik wil gewoon even met iemand praten, 's nachts": a topic the guide explains (De Luisterlijn)
      // comes with the offer of a person, not only the offer.
      const asked = topic === "person_requested" && inbound.persona === "resident" ? deps.guide?.answer(text) : null;
      const explained = asked?.topical && asked.kind === "explanation" && !asked.mixed ? [{ text: asked.text, sources: asked.sources }] : [];
      const intro = topic === "person_requested" ? explained : [...situationSteps(inbound, text, topic), ...(nearby ? [nearby.reply] : [])];
      // "Waar kan ik hulp krijgen met schulden in Zeist?" asks where: the place that helps is the answer,
      // beside the first steps and the offer of a person.
      return reply(nearby && WHERE.test(text) ? "listings" : "handoff", [...intro, ...offer]);
    }
    if (deps.cues?.isHelpRequest(text)) {
      // "help" right after a crisis reply is the same emergency: the numbers again.
      const recent = (await currentState(inbound, patch)).lastCrisis;
      if (recent && deps.now().getTime() - recent.at < CRISIS_CONTEXT_MS) return crisisAgain(recent.kind, inbound, patch);
      const again = (await currentState(inbound, patch)).lastAsk === "help";
      patch.lastAsk = "help";
      return reply("smalltalk", [{ text: again ? texts.helpQuestionAgain : texts.helpQuestion, buttons: [personButton] }]);
    }
    if (assessment.smalltalk === "greeting") return reply("smalltalk", [{ text: howToHelp(inbound.language ?? "nl", await currentState(inbound, patch), patch) }]);
    if (assessment.smalltalk) return reply("smalltalk", [{ text: texts.smalltalk[assessment.smalltalk] }]);
    // "weet ik niet" right after "Waar zoekt u?" answers that question: another way to say where,
    // and the question that waits for a place stays.
    if (deps.cues?.isDontKnow?.(text)) {
      const asked = (await currentState(inbound, patch)).lastAsk;
      if (typeof asked === "string" && asked.startsWith("place:")) {
        patch.lastAsk = PLACE_UNKNOWN;
        return reply("listings", [{ text: texts.placeUnknown, requestLocation: true }]);
      }
      // Still no place after the other way to say it: never the same question a third time.
      if (asked === PLACE_UNKNOWN) {
        patch.lastAsk = undefined;
        return reply("handoff", [{ text: texts.placeUnknownAgain }, ...(await offerPerson(inbound, "handoff"))]);
      }
    }

    const prefix = truncated ? [{ text: texts.tooLong }] : [];
    const state = await currentState(inbound, patch);
    // Clearly off-topic questions ("hoe wordt het weer morgen?") must not become listings because a
    // place or day is remembered from earlier in the conversation. A search for help or an activity
    // in a place named in this very message is in scope, whatever the subject ("ik snap wiskunde
    // niet, is er huiswerkhulp in Zeist?").
    if (assessment.outOfScope) {
      const kept = "listingsMemory" in patch;
      const local = await askListings(inbound, text, state, patch, (f) => f.kind !== "results" || f.place === undefined);
      if (local) return local;
      // The listings just shown stay there for a follow-up ("waar is dat?") after the off-topic message.
      if (!kept) delete patch.listingsMemory;
      return reply("out_of_scope", [{ text: texts.outOfScope }]);
    }
    // A question about a wegwijzer topic ("wat is budgetbeheer?") is not a search for activities:
    // the guide answers it when the listings would only ask where the person is, or when it asks
    // what the gemeente decides and not where something is.
    const guided = deps.guide?.answer(text) ?? null;
    // A search ("ik wil vrijwilligerswerk doen") is asked where; the guide's explanation comes with that question.
    // A topic the listings hold too (the wijkteam's spreekuur): listings that show it answer, others do not.
    const topicWords = (guided?.sources[0]?.title ?? "").toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 5);
    const showsTopic = (found: ListingResponse) => (found.asked?.shown ?? []).some((s) => topicWords.some((w) => s.name.toLowerCase().includes(w)));
    // A follow-up about listings just shown ("hoe laat is de koffieochtend?") carries no `asked`: it stays.
    const preferGuide = (found: ListingResponse) =>
      guided !== null &&
      !(found.kind === "results" && !found.asked) &&
      !guided.mixed &&
      ((found.kind === "need_place" && !found.seeking) ||
        (guided.kind === "local_route" && guided.topical && !WHERE.test(text) && !(guided.listed && found.kind === "results" && showsTopic(found))));
    const found = await askListings(inbound, text, state, patch, preferGuide);
    // "waar kan ik heen in Zeist dan?" after "ik heb schulden": the help for that situation in that place,
    // when the message asks for nothing of its own.
    const need = found ? undefined : toldNeed(state);
    const saysWhere = need !== undefined && (WHERE.test(text) || (await deps.listings?.placeIn?.(text)) !== undefined);
    const nearby = need && saysWhere ? await helpNearby(inbound, text, need, patch) : null;
    if (nearby) {
      patch[LAST_NEED] = undefined;
      const offer = await offerPerson(inbound, "handoff", { ownContact: !nearby.outside });
      return reply("listings", [...prefix, nearby.reply, ...offer]);
    }
    if (found) {
      // Asked where, about a topic the guide explains ("even rust van de zorg", "vrijwilligerswerk
      // voor mijn stage"): what it is first, so the person already has something while they answer.
      const askedPlace = typeof patch.lastAsk === "string" && patch.lastAsk.startsWith("place:");
      const explained = askedPlace && guided?.topical ? guided : null;
      const replies = [...(explained ? [{ text: explained.text, sources: explained.sources }] : []), ...found.replies, ...youthLine(inbound, text, false, state.ageBand, state, patch)];
      return { ...found, replies: [...prefix, ...withEmpathy(inbound, text, replies)], sources: [...(explained?.sources ?? []), ...found.sources] };
    }

    const { reply: asked, lastQuestion, localRoute } = await answerQuestion(inbound, text, state.lastQuestion, deps);
    const told = toldNotAsked(inbound, text, asked, state, patch);
    // "ik ben Henk, 79, en woon in Zeist. Mijn vrouw is vorig jaar overleden": the place told beside the
    // loss is kept for the question that comes next.
    if (told) await keepPlace(text, patch);
    const answered = told ?? asked;
    // "wat moet ik meenemen?" right after listings were shown, and the sources have no real answer: that
    // it is not in the listing's data and how to ask them, not a policy quote; the listings stay for more.
    if ((!answered.confident || answered.quoted) && typeof state.listingsMemory === "string" && ASKS.test(text) && text.split(/\s+/).length <= SHOWN_QUESTION_WORDS) {
      const about = await deps.listings?.aboutShown?.(listingRequest(inbound, text, state));
      if (about) {
        patch.listingsMemory = about.memory;
        return reply("listings", [...prefix, ...about.replies]);
      }
    }
    const streak = answered.confident ? 0 : (state.unconfidentStreak ?? 0) + 1;
    Object.assign(patch, { lastQuestion, unconfidentStreak: streak });
    // Right after a crisis reply, a message the sources cannot answer ("what do i do", "en nu?") gets
    // the emergency numbers again, not "not sure".
    const crisis = state.lastCrisis;
    // Only a message that asks or is very short: "ok, I'll go on Friday" after the fire is out is no new alarm.
    // After the suicide reply any message without an answer does: "de sleutel kan daarna naar de buurvrouw"
    // goes on with the same story, and "not sure" would leave it unheard.
    const stillAsking = /[?؟？]/.test(text) || ASKS.test(text) || text.split(/\s+/).length <= CRISIS_AGAIN_WORDS;
    const recent = crisis !== undefined && deps.now().getTime() - crisis.at < CRISIS_CONTEXT_MS;
    if (!answered.confident && recent && (stillAsking || afterSuicideReply(state))) return crisisAgain(crisis.kind, inbound, patch);
    if (!answered.confident) {
      // Never the same question twice in a row: a second "not sure" says it differently (but a route
      // to the gemeente keeps saying how to reach it).
      if (state.lastAsk === "not_sure" && answered.replies[0] && !localRoute) answered.replies[0] = { ...answered.replies[0], text: texts.notSureAgain };
      patch.lastAsk = "not_sure";
    } else if (answered.intent !== "concern") {
      answered.replies = withEmpathy(inbound, text, answered.replies);
    }
    if (!answered.confident && streak >= 2 && deps.handoff) {
      const offer = await deps.handoff.offer(inbound, "unconfident");
      if (offer) answered.replies.push(offer);
    }
    return { ...answered, replies: [...prefix, ...answered.replies] };
  }

  /**
   * The first steps of a situation that needs a person. When the guide knows the question's own
   * subject ("huurachterstand", "deurwaarder", "bijzondere bijstand"), its explanation and what to
   * do lead, after the word of understanding, and the numbered steps follow.
   */
  function situationSteps(inbound: InboundMessage, text: string, topic: HelpTopic): OutboundMessage[] {
    // The wegwijzer reads Dutch: another language is looked up in Dutch search words, when there is a way to.
    const dutchText = !inbound.language || inbound.language === "nl" ? text : deps.toDutchQuery?.(text, inbound.language);
    // A carer names the other's illness ("mijn man heeft dementie, ik kan het niet meer alleen"): the guide is
    // asked about caring for someone, not about the illness.
    const guided = dutchText ? deps.guide?.answer(topic === "care" ? `${CARE_QUERY} ${dutchText}` : dutchText, "steps") : null;
    if (!guided?.topical) return [{ text: stepsText(inbound, topic, inbound.language) }];
    const { opening, steps } = firstStepsParts(topic, inbound.language, canHandOff(inbound));
    // The wegwijzer is Dutch: a resident who writes another language is told so in their own.
    const dutch = inbound.language && inbound.language !== "nl" ? [textsFor(inbound.language).dutchSources] : [];
    return [
      { text: [opening, ...dutch, guided.text].filter(Boolean).join("\n\n"), sources: guided.sources },
      { text: steps },
    ];
  }

  /** The first steps, asking about a sociaal werker only where one can be reached. */
  function stepsText(inbound: InboundMessage, topic: HelpTopic, language: string | undefined): string {
    return firstStepsText(topic, language, canHandOff(inbound));
  }

  /** De Kindertelefoon's line when a young resident who writes Dutch (the line is Dutch) has trouble, else undefined. */
  function youthTrouble(inbound: InboundMessage, text: string, heavy: boolean, ageBand: AgeBand | undefined): string | undefined {
    if (inbound.persona !== "resident" || (inbound.language && inbound.language !== "nl")) return undefined;
    return deps.cues?.youthLine?.(text, heavy, ageBand);
  }

  /** De Kindertelefoon for a young resident who writes Dutch, as its own message. */
  function youthLine(
    inbound: InboundMessage,
    text: string,
    heavy: boolean,
    ageBand: AgeBand | undefined,
    state: ConversationState,
    patch: Partial<ConversationState>,
  ): OutboundMessage[] {
    const line = youthTrouble(inbound, text, heavy, ageBand);
    return line ? youthLineOnce(line, state, patch) : [];
  }

  /** Whether De Kindertelefoon's line was said within {@link YOUTH_LINE_MS}. */
  function youthLineTold(state: ConversationState): boolean {
    const told = state.youthLineAt as number | undefined;
    return told !== undefined && deps.now().getTime() - told < YOUTH_LINE_MS;
  }

  /** The line as its own message, said once in a conversation: not the same line with every heavy message. */
  function youthLineOnce(line: string, state: ConversationState, patch: Partial<ConversationState>): OutboundMessage[] {
    if (youthLineTold(state)) return [];
    patch.youthLineAt = deps.now().getTime();
    return [{ text: line }];
  }

  /** Within the half hour after the suicide reply (113): a message there goes on with that story. */
  function afterSuicideReply(state: ConversationState): boolean {
    const crisis = state.lastCrisis;
    return crisis !== undefined && crisisTier(crisis.kind) === "suicide" && deps.now().getTime() - crisis.at < CRISIS_CONTEXT_MS;
  }

  /** A place named in the message ("ik woon in Zeist") is kept for the question that comes next. */
  async function keepPlace(text: string, patch: Partial<ConversationState>): Promise<void> {
    if (patch.place) return;
    const place = await deps.listings?.placeIn?.(text);
    if (place) patch.place = place;
  }

  /**
   * "ik ben de hele dag alleen", "mijn vrouw is overleden": something heavy told, nothing asked. What the
   * wegwijzer says about it (loneliness, grief: what helps, where to go), not a policy quote or "not sure".
   * Null when the answer already is that entry, or the message asks something.
   */
  function toldNotAsked(inbound: InboundMessage, text: string, answered: AssistantReply, state: ConversationState, patch: Partial<ConversationState>): AssistantReply | null {
    if (inbound.persona !== "resident" || (inbound.language && inbound.language !== "nl") || ASKS.test(text)) return null;
    const cue = deps.cues?.empathy(text);
    const topic = cue ? deps.cues?.empathyTopic?.(cue) : undefined;
    const guided = topic ? deps.guide?.answer(topic) : null;
    if (!guided?.topical || guided.kind !== "explanation") return null;
    const urls = new Set(answered.sources.map((s) => s.url));
    if (guided.sources.some((s) => urls.has(s.url))) return null;
    // Told again right after: not the same explanation twice, but the warm word with De Luisterlijn and a person.
    if (state.lastTold === topic && deps.safety.reply) {
      patch.lastTold = undefined;
      patch.lastConcern = deps.now().getTime();
      return { intent: "concern", replies: [{ text: deps.safety.reply("concern", register("nl", state.ageBand), [], { person: canHandOff(inbound), offer: "none" }) }], sources: [], confident: true };
    }
    patch.lastTold = topic;
    return { intent: "answer", replies: [{ text: guided.text, sources: guided.sources }], sources: guided.sources, confident: true };
  }

  /** One line of empathy before the answer when the person shared something heavy. */
  function withEmpathy(inbound: InboundMessage, text: string, replies: OutboundMessage[]): OutboundMessage[] {
    const cue = deps.cues?.empathy(text);
    const lines = textsFor(inbound.language).empathy as Record<string, string>;
    const line = cue ? lines[cue] : undefined;
    const [first, ...rest] = replies;
    if (!line || !first) return replies;
    // Loneliness or a loss shared beside a question: someone to talk to, too, after the answer.
    const said = replies.map((r) => r.text).join("\n");
    const listen = (cue === "alone" || cue === "loss") && inbound.persona === "resident" && lines.listen && !said.includes("Luisterlijn") ? lines.listen : undefined;
    return [{ ...first, text: [line, first.text, listen].filter(Boolean).join("\n\n") }, ...rest];
  }

  /**
   * A typed button number, or a typed yes/no that stands for the button asking it. "declined" is
   * a typed no to a yes/no question that has no "no" button (the person just says no thanks).
   */
  function typedPress(inbound: InboundMessage, offered: unknown): InboundMessage | "declined" | undefined {
    if (inbound.action || !Array.isArray(offered) || offered.length === 0) return undefined;
    const buttons = offered as Array<{ id: string; value?: string; answers?: "yes" | "no" }>;
    const text = inbound.text.trim();
    let chosen = /^\d{1,2}$/.test(text) ? buttons[Number(text) - 1] : undefined;
    if (!chosen) {
      const answer = deps.cues?.answer(text);
      if (!answer) return undefined;
      chosen = buttons.find((b) => b.answers === answer);
      if (!chosen) return answer === "no" && buttons.some((b) => b.answers === "yes") ? "declined" : undefined;
    }
    return { ...inbound, text: "", action: { id: chosen.id, ...(chosen.value ? { value: chosen.value } : {}) } };
  }

  /** The stored conversation state with this turn's changes on top. */
  async function currentState(inbound: InboundMessage, patch: Partial<ConversationState>): Promise<ConversationState> {
    return { ...(await store.getState(inbound.conversationId)), ...patch };
  }

  /** The nearest listing that helps (schuldhulp-inloop, mantelzorgsteunpunt), when the place is known. */
  async function helpNearby(
    inbound: InboundMessage,
    text: string,
    topic: HelpTopic,
    patch: Partial<ConversationState>,
  ): Promise<{ reply: OutboundMessage; outside?: true } | null> {
    if (!deps.listings?.nearestHelp) return null;
    const found = await deps.listings.nearestHelp({ ...listingRequest(inbound, text, await currentState(inbound, patch)), topic });
    if (!found) return null;
    if (found.place) patch.place = found.place;
    if (found.memory !== undefined) patch.listingsMemory = found.memory;
    return { reply: found.reply, ...(found.outside ? { outside: true as const } : {}) };
  }

  /** The situation told without a place in the last half hour, if any. */
  function toldNeed(current: ConversationState): HelpTopic | undefined {
    const need = current[LAST_NEED] as { topic?: HelpTopic; at?: number } | undefined;
    return need?.topic && typeof need.at === "number" && deps.now().getTime() - need.at < NEED_CONTEXT_MS ? need.topic : undefined;
  }

  function listingRequest(inbound: InboundMessage, text: string, current: ConversationState) {
    // "iets voor mijn leeftijd" from someone known to be under 18: for young people (only the band is known).
    const forOwnAge = current.ageBand === "minor" && OWN_AGE.test(text);
    return {
      text: forOwnAge ? `${text} voor jongeren` : text,
      language: inbound.language ?? "nl",
      persona: inbound.persona,
      now: deps.now(),
      ...(current.location ? { location: current.location } : {}),
      ...(current.place ? { place: current.place } : {}),
      ...(typeof current.listingsMemory === "string" ? { memory: current.listingsMemory } : {}),
    };
  }

  /** Asks the listings capability; keeps the place it understood and its memory in `patch`. */
  async function askListings(
    inbound: InboundMessage,
    text: string,
    current: ConversationState,
    patch: Partial<ConversationState>,
    prefer?: (found: ListingResponse) => boolean,
  ): Promise<AssistantReply | null> {
    if (!deps.listings) return null;
    const found = await deps.listings.respond(listingRequest(inbound, text, current));
    if (!found || prefer?.(found)) {
      if (typeof current.listingsMemory === "string") patch.listingsMemory = deps.listings.setAside?.(current.listingsMemory);
      return null;
    }
    if (found.kind === "need_place") {
      // Never the same question twice in a row: the second time, ask for a place more plainly.
      const asked = `place:${found.replies[0]?.text.length ?? 0}:${found.replies[0]?.text.slice(0, 40) ?? ""}`;
      if (current.lastAsk === asked && found.replies[0]) found.replies[0] = { ...found.replies[0], text: textsFor(inbound.language).placeAgain };
      patch.lastAsk = asked;
    }
    Object.assign(patch, { ...(found.place ? { place: found.place } : {}), listingsMemory: found.memory });
    return {
      intent: "listings",
      replies: found.replies,
      sources: found.sources,
      confident: true,
      ...(found.asked ? { asked: found.asked } : {}),
      ...(found.seeking ? { seeking: true } : {}),
    };
  }

  /**
   * "Bel het sociaal wijkteam … 14 + netnummer" (no person reachable here) once in half an hour: each
   * reply offering a person would repeat it. Kept with a crisis, when a person is asked for, or alone.
   */
  function routeOnce(result: AssistantReply, received: InboundMessage, stored: ConversationState, patch: Partial<ConversationState>, language: string): AssistantReply {
    const route = textsFor(language).noHandoff(deps.wijkteamContact);
    if (!result.replies.some((r) => r.text === route)) return result;
    const at = stored[PERSON_ROUTE_AT] as number | undefined;
    const recent = at !== undefined && deps.now().getTime() - at < PERSON_ROUTE_MS;
    const { text } = normaliseInput(received.text);
    const requested = text !== "" && assess(text).needsPerson === "person_requested";
    const asked = result.intent === "crisis" || requested;
    const rest = result.replies.filter((r) => r.text !== route);
    // A young resident who was just given De Kindertelefoon is not sent to the gemeente's wijkteam beside it.
    const current = { ...stored, ...patch };
    // Also when no age is known yet but the line for De Kindertelefoon was just given ("Ben je jonger dan 18?").
    const young = current.ageBand !== "adult" && youthLineTold(current);
    if (((recent && !asked) || (young && !requested)) && rest.length > 0) return { ...result, replies: rest };
    // A young person who asks for a person here, with none behind this channel: De Kindertelefoon and people
    // at school, in "je", not the gemeente's number.
    const youngRoute = (young || current.ageBand === "minor") && language === "nl" ? deps.cues?.youngText?.("noHandoff") : undefined;
    if (youngRoute) {
      patch[PERSON_ROUTE_AT] = deps.now().getTime();
      return { ...result, replies: result.replies.map((r) => (r.text === route ? { ...r, text: youngRoute } : r)) };
    }
    patch[PERSON_ROUTE_AT] = deps.now().getTime();
    return result;
  }

  return {
    async handle(received) {
      const { conversationId } = received;
      await store.recordInbound(received, { conversationId, direction: "in", text: describeInbound(received), at: received.receivedAt });
      const patch: Partial<ConversationState> = {};
      let result: AssistantReply;
      let language: string | undefined;
      try {
        // One state read serves the language and the typed button presses.
        const stored = await store.getState(conversationId);
        language = settleLanguage(received, stored, patch);
        result = await decide({ ...received, language }, patch, stored);
        result = routeOnce(result, received, stored, patch, language);
      } catch (error) {
        // Internals never reach the person: they get an apology and the offer of a person.
        deps.onError?.(error, received);
        result = reply("answer", [{ text: textsFor(language).error, buttons: [personButtonFor(language)] }], false);
      }
      // Adapters say their own few words (keyboard, "Sources") in the same language.
      if (language && language !== "nl") for (const out of result.replies) out.language ??= language;
      if (result.forgotten) return result;
      // What the person can answer next: the buttons just shown (ids only, no text) and what was asked.
      const offered = result.replies.flatMap((r) => r.buttons ?? []).map((b) => ({ id: b.id, ...(b.value ? { value: b.value } : {}), ...(b.answers ? { answers: b.answers } : {}) }));
      patch.offered = offered.length > 0 ? offered : undefined;
      if (!("lastAsk" in patch)) patch.lastAsk = undefined;
      const replies = result.replies.map((out) => ({ text: out.text, intent: result.intent }));
      await store.recordReplies(conversationId, deps.now(), replies, patch);
      return result;
    },
  };
}

/** The language code of the safety texts: "nl-young" ("je") for a resident known to be under 18. */
function register(language: string, ageBand: AgeBand | undefined): string {
  return ageBand === "minor" ? `${language}-young` : language;
}

/** The last sentence of a message of several that asks something ("… kan ik bijstand krijgen?"), else undefined. */
function askingSentence(text: string): string | undefined {
  const sentences = chatSentences(text);
  const asks = (s: string) => /[?؟]/.test(s) || ASKS.test(s) || QUESTION_START.test(s);
  for (let i = sentences.length - 1; i >= 1; i--) if (asks(sentences[i]!)) return sentences.slice(i).join(" ");
  return undefined;
}

/** A question about listings just shown is short: a longer message is a question of its own. */
const SHOWN_QUESTION_WORDS = 10;
/** Right after a crisis reply, a message the sources cannot answer of at most this many words ("en nu", "what do i do") gets the numbers again. */
const CRISIS_AGAIN_WORDS = 4;
/** What is left of a repair still asks something: a question mark or a question word. */
const STILL_ASKS = /[?؟]|\b(?:kost|kosten|waar|wanneer|hoe|wat|wie|welke|hoeveel|is er|zijn er|kan ik|mag ik|moet ik|how|what|where|when|does|is it)\b/i;
/** At most this many words that state an age and a place say nothing else yet ("ik ben 15 en woon in Zeist"). */
const INTRO_WORDS = 10;
/** Words that introduce oneself beside an age ("en woon in Zeist", "ik heet Lotte", "I live in", "from"). */
const INTRODUCES = /\b(?:woon|wonen|kom uit|ik heet|heet ik|zit op school|zit in klas|live|from|my name)\b/i;
/** "voor mijn leeftijd", "for my age": an activity fitting the person's own age. */
const OWN_AGE = /\b(?:voor|van|bij|op) (?:mijn|mn|m'n|me) leeftijd\b|\bfor my age\b|\bmy age\b/i;
/** A message of at most this many words that states an age says nothing else yet ("ik ben 15", "ben 81 jaar"). */
const AGE_ONLY_WORDS = 4;
/** A message that asks something (answered as a question, not only heard). */
const ASKS = /[?؟？]|(?:^|[.,;!]\s*)(?:waar|is er|zijn er|kan ik|kun je|kunt u|hoe|wat|wie|wanneer|welke)\b|\b(?:waar kan|waar is|is er een|zijn er ook)\b/i;

/** A message that opens as a question without a question mark ("heb je ook iets op zaterdag, bedankt"). */
const QUESTION_START = /^(?:heb|hebben|heeft|weet|weten|ken|kent|zijn|is|kun|kunt|kan|mag|moet|doen|doet|gaat|komt|wil|wilt|zou|do|does|are|can|could|have|has)\b/i;

/** A question about where something is: the listings answer that, not the guide. */
const WHERE = /\b(?:waar|where|adres|in de buurt|dichtbij)\b/i;

/**
 * Does the reply answer the message itself: an explanation, listings shown, a fixed text? Not "not sure",
 * a quote of the sources, or "where?" to a message that asked for nothing.
 */
function answers(r: AssistantReply, asked: boolean, seekingAnswers = true): boolean {
  if (!r.confident || r.quoted) return false;
  // "ik wil dat de pijn ophoudt" reads as a search ("ik wil"): for a weak sign of heavy feelings only a
  // question or listings shown count as an answer, never only the question where to look.
  if (r.intent === "listings") return asked || (seekingAnswers && r.seeking === true) || (r.asked?.shown.length ?? 0) > 0;
  return true;
}

function reply(intent: AssistantReply["intent"], replies: OutboundMessage[], confident = true): AssistantReply {
  return { intent, replies, sources: replies.flatMap((r) => r.sources ?? []), confident };
}

/** The safety check of the last few texts: `assess` is a pure function of the text. */
function recentlyAssessed(safety: AssistantDeps["safety"]): (text: string) => SafetyAssessment {
  const recent = new Map<string, SafetyAssessment>();
  return (text) => {
    let assessment = recent.get(text);
    if (assessment === undefined) {
      assessment = safety.assess(text);
      if (recent.size >= 8) recent.delete(recent.keys().next().value!);
      recent.set(text, assessment);
    }
    return assessment;
  };
}
