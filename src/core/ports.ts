/**
 * Ports the core depends on. Implementations live outside `src/core` (retrieval in `src/knowledge`,
 * SQLite in `src/store`, adapters in `src/channels`) and are wired together in `src/main.ts`.
 */
import type {
  AssistantReply,
  Channel,
  GeoPoint,
  InboundMessage,
  Intent,
  ListingsAsked,
  OutboundMessage,
  Persona,
  Source,
} from "./types.js";

// ---------------------------------------------------------------- retrieval

/** One retrieved chunk of the corpus or of a listing. */
export interface Passage {
  /** Stable chunk id, e.g. `sociale-basis-startnotitie#12`. */
  id: string;
  text: string;
  /** Document title. */
  title: string;
  /** Section heading path inside the document, e.g. "Ideaaltypen > Het relationele ideaaltype". */
  section?: string;
  /** Document id (corpus file id or `listing:<id>`). */
  source: string;
  url?: string;
  publisher?: string;
  year?: number;
  kind: "knowledge" | "listing";
  /** From one of the gemeente's own documents (`knowledge add`, front matter `type: gemeentedocument`). */
  local?: true;
  /** Higher is better; comparable only within one result list. */
  score: number;
}

export interface RetrieveOptions {
  k: number;
  kind?: Passage["kind"];
}

/** Finds the passages most relevant to a question. Must be deterministic for a given index. */
export interface Retriever {
  search(query: string, options: RetrieveOptions): Promise<Passage[]>;
}

// ---------------------------------------------------------------- answers

export interface ComposeRequest {
  question: string;
  /** The standalone question used for retrieval (after follow-up rewriting). */
  standaloneQuestion: string;
  passages: Passage[];
  persona: Persona;
  /** ISO 639-1 code of the language the person wrote in. */
  language: string;
  /** Recent turns, oldest first, already redacted of personal data. */
  history: Array<{ role: "user" | "assistant"; text: string }>;
}

export interface ComposedAnswer {
  text: string;
  /** Exactly the sources the text relies on, in the order of their [n] numbers. */
  sources: Source[];
  /** False when the passages did not support a confident answer. */
  confident: boolean;
  /** ISO 639-1 language of `text`; default Dutch (the extractive composer quotes Dutch sources). */
  language?: string;
}

/** Turns retrieved passages into an answer. The extractive composer is the default; an LLM one is optional. */
export interface AnswerComposer {
  compose(request: ComposeRequest): Promise<ComposedAnswer>;
  /**
   * True when `compose` reads {@link ComposeRequest.history}: only then is the history read from the
   * store before the call (otherwise it is empty).
   */
  readonly usesHistory?: boolean;
}

// ---------------------------------------------------------------- resident guide (wegwijzer)

/** A plain-language answer for residents from the wegwijzer, with the public page its facts come from. */
export interface GuideAnswer {
  text: string;
  sources: Source[];
  /**
   * `explanation`: the topic explained; `local_route`: the question asks what one gemeente decides,
   * so it gets the honest route (gemeente, wijkteam) instead of a guess.
   */
  kind: "explanation" | "local_route";
  /**
   * The question joins this topic to other things (two topics, or a long story around it): the
   * sources may answer it better, so the guide is the fallback rather than the first answer.
   */
  mixed: boolean;
  /**
   * False when no topic was recognised and only the general route to the gemeente is given: that
   * route has no Dutch content, so the core says it in the resident's language (`wegwijzer` texts).
   */
  topical: boolean;
  /**
   * The question's words that named the topic ("huurtoeslag"): a quote from the sources that has
   * none of them answers the side words of the question, not the topic.
   */
  named?: string[];
  /** A local route about something the listings hold (where and when): listings found answer it better. */
  listed?: boolean;
}

/**
 * Recognises what residents ask most (mantelzorg, Wmo, schulden, Veilig Thuis, …) and answers it
 * in short plain Dutch. Returns null when the question is not about a topic it knows (and does
 * not ask what the gemeente decides). Pure and fast: no network, no index.
 */
export interface ResidentGuide {
  /**
   * `focus` "steps": the person is in the situation (a needs-person message), so the answer is what
   * the topic is in short and what to do, never the part on cost or a local rule.
   */
  answer(question: string, focus?: "steps"): GuideAnswer | null;
}

// ---------------------------------------------------------------- listings

export interface ListingRequest {
  text: string;
  /** ISO 639-1 language to answer in (the listings themselves stay Dutch); default Dutch. */
  language?: string;
  persona: Persona;
  now: Date;
  /** Location known for the conversation (shared now or earlier). */
  location?: GeoPoint;
  /** Place the person named earlier in the conversation (postcode or place name). */
  place?: string;
  /** What the listings capability asked to remember after the previous message ({@link ListingResponse.memory}). */
  memory?: string;
}

/**
 * Button ids of a place choice ("Bedoelt u …?") start with this (`place_choice_1`, `place_choice_2`:
 * Slack needs distinct action ids); the value is the chosen place as text, read as if typed.
 */
export const PLACE_CHOICE_ACTION = "place_choice";

export interface ListingResponse {
  /** `results`: listings found (or a widened search); `need_place`: ask where the person is. */
  kind: "results" | "need_place";
  replies: OutboundMessage[];
  sources: Source[];
  /** A place understood from the text, to remember for the conversation. */
  place?: string;
  /**
   * Opaque state to pass back as {@link ListingRequest.memory} with the next message of this
   * conversation (a question waiting for a place, the last search for follow-ups like "en morgen?").
   * Undefined clears it.
   */
  memory?: string;
  /** What was asked and shown (results only). */
  asked?: ListingsAsked;
  /**
   * `need_place` only: the message asks where to go or says what the person wants to do ("ik wil
   * vrijwilligerswerk doen", "waar kan ik …"), so it is a search and not only a topic named.
   */
  seeking?: boolean;
}

/**
 * Answers questions about local activities and places. Returns null when the message is not
 * about activities, so the core goes on to the knowledge answer.
 */
export interface ListingSearch {
  respond(request: ListingRequest): Promise<ListingResponse | null>;
  /**
   * A short question about the listings just shown that their data does not answer ("wat moet ik
   * meenemen?", "kan ik er met de bus komen?"): that it is not in the data, and how to ask them. Null
   * when nothing was shown just before.
   */
  aboutShown?(request: ListingRequest): Promise<ListingResponse | null>;
  /**
   * The memory to keep after a message that was not about the listings: the listings shown stay findable
   * when a later message names one ("en die zilverspar, hoeveel kost dat?"); undefined to forget it all.
   */
  setAside?(memory: string): string | undefined;
  /**
   * A known place the message names ("Hallo, ik woon in Zeist", "ik kom uit 3705"), as it is remembered for
   * the conversation; undefined when it names none (or only one that needs a choice).
   */
  placeIn?(text: string): Promise<string | undefined>;
  /**
   * For a situation that needs a person: the nearest listing that helps with it (a schuldhulp-inloop
   * for debts, a mantelzorgsteunpunt for care), shown beside the first steps. Null when the place is
   * not known from the text or the conversation, lies outside the listings' gemeenten, or nothing fits nearby.
   */
  nearestHelp?(
    request: ListingRequest & { topic: HelpTopic },
  ): Promise<{
    reply: OutboundMessage;
    sources: Source[];
    place?: string;
    /** The place is outside the covered gemeenten: the reply names its own gemeente. */
    outside?: true;
    /** The listings memory with the help shown, for follow-ups about it. */
    memory?: string;
  } | null>;
  /**
   * Listings that the knowledge search found (passage source `listing:<id>`), rendered the way a
   * listings answer shows them: name, next day and time, address, distance (when the place is
   * known), cost, contact and a map link. Null when none of the ids is a stored listing.
   */
  describeListings?(request: ListingRequest & { ids: string[] }): Promise<OutboundMessage | null>;
}

/** The situations of {@link SafetyAssessment.needsPerson} that a local listing can help with. */
export type HelpTopic = "eviction" | "rent" | "money" | "debts" | "care";

// ---------------------------------------------------------------- safety

/**
 * What the safety check found. `danger` = acute danger (medical emergency, fire, violence now, a child in
 * danger: 112 first); `suicide` and `self_harm` = suicidal signals (113 first); `violence` = unsafe at home
 * (Veilig Thuis, 112 when in danger now).
 */
export type CrisisKind = "suicide" | "self_harm" | "violence" | "danger";

/**
 * The tiers of a safety reply: `acute` (112 first), `suicide` (113 first, a direct question, a person),
 * `unsafe_home` (Veilig Thuis), `concern` (heavy feelings: warmth, a person, 113 / De Luisterlijn, ontmoeting)
 * and `information` (an information question about these topics: the numbers, no alarm).
 */
export type SafetyTier = "acute" | "suicide" | "unsafe_home" | "concern" | "information";
/** What the heavy-feelings reply offers to look for: places to meet people, help for a carer, or nothing. */
export type ConcernOffer = "meet" | "care" | "none";
/** A part of a reply: its warm opening line alone, or the lines to talk to someone (De Luisterlijn, 113) without the opening, offer or person. */
export type ReplyPart = "opening" | "talk";

/** The tiers that carry emergency numbers, in the order they come first. */
export type CrisisTier = "acute" | "suicide" | "unsafe_home";

export interface SafetyAssessment {
  /** The crisis that decides the first reply (acute danger before suicidal signals before unsafe at home). */
  crisis?: CrisisKind;
  /** Every crisis kind found, the deciding one first (its numbers go in the same reply). */
  crisisKinds?: CrisisKind[];
  /** The crisis is the statistical classifier's reading, not a phrase of the lists. */
  guessed?: boolean;
  /** Heavy feelings without a crisis signal ("ik voel me zo alleen", "niemand begrijpt me"). */
  concern?: boolean;
  /** The heavy feelings are the classifier's reading only (no phrase of the lists). */
  concernGuessed?: boolean;
  /**
   * Heavy feelings are likely but not sure (the classifier's weaker sign): when the assistant has no real
   * answer to the message, the concern reply instead of "I am not sure".
   */
  concernIfUnanswered?: boolean;
  /** An information question about a crisis topic ("wat is huiselijk geweld?"): the tiers whose numbers to add. */
  information?: CrisisTier[];
  /** ISO 639-1 language of the phrase that decided (e.g. `ar`), until the message language is detected. */
  language?: string;
  /** A situation that needs a person (eviction, rent not paid, no money for food, debts, care overload). */
  needsPerson?: "eviction" | "rent" | "money" | "debts" | "care" | "person_requested";
  outOfScope?: boolean;
  smalltalk?: "greeting" | "thanks" | "goodbye" | "who_are_you";
  /** The message opens with a greeting and says more ("hallo, ik ben Amal, ik ben net in Nederland"). */
  greets?: boolean;
  /**
   * The message opens or ends with thanks and says more ("nou, ik probeer woensdag dat eten, dank u wel",
   * "dankjewel, je hebt me echt geholpen vandaag").
   */
  thanksBeside?: boolean;
}

/**
 * The fixed safety texts, by tier and language (data in `knowledge/safety/replies.json`). Every text
 * carries the Dutch numbers (112, 113 / 0800-0113, Veilig Thuis 0800-2000, De Luisterlijn) whatever the language.
 */
export interface SafetyReplies {
  /**
   * The reply for `tier` in `language` (ISO 639-1; an unknown language gets Dutch). `also` adds the short
   * number lines of other crisis tiers found in the same message; for `information` it names the topics.
   */
  reply(tier: SafetyTier, language: string, also?: readonly CrisisTier[], options?: { person?: boolean; offer?: ConcernOffer; part?: ReplyPart }): string;
  /**
   * The short follow-up after a crisis or concern reply: the answer to its question ("yes", "no",
   * "unsure"), or `again` for a second heavy message in the crisis window (the numbers of `tier`, not the block);
   * `again2` the other wording of `again` (`again` itself when the tier has none); a {@link CrisisFollowUp}
   * answers what the resident asks about the numbers just given.
   */
  followUp?(kind: "yes" | "no" | "unsure" | "again" | "again2" | CrisisFollowUp, language: string, tier?: CrisisTier | "concern"): string;
  /** Languages that have their own texts. */
  languages(): string[];
}

/** Classifies a message before anything else looks at it. Pure and fast (no network). */
export interface SafetyCheck {
  assess(text: string): SafetyAssessment;
  /** The safety texts (see {@link SafetyReplies.reply}); a check without them leaves the core's Dutch texts. */
  reply?: SafetyReplies["reply"];
  /** The short crisis follow-ups (see {@link SafetyReplies.followUp}). */
  followUp?: SafetyReplies["followUp"];
}

/** The reply tier of a crisis kind. */
export function crisisTier(kind: CrisisKind): CrisisTier {
  return kind === "danger" ? "acute" : kind === "violence" ? "unsafe_home" : "suicide";
}

// ---------------------------------------------------------------- conversation cues

/** Under 18 or not, as a resident said it of themselves. */
export type AgeBand = "minor" | "adult";

/** Reads conversational cues in a message. Pure and fast (no network). */
export interface DialogueCues {
  /** A short typed yes or no ("ja graag", "nee hoor", "نعم"), else undefined. */
  answer(text: string): "yes" | "no" | undefined;
  /** True for a short "I don't know" ("weet ik niet", "geen idee") as an answer to the bot's question. */
  isDontKnow?(text: string): boolean;
  /** True for a bare request for help without a topic ("help me", "ik heb hulp nodig"). */
  isHelpRequest(text: string): boolean;
  /**
   * What heavy thing the person shares while asking ("loss", "alone", …: the ids of the empathy cues),
   * else undefined; the line said about it is a text of the resident's language (`empathy.<id>`).
   */
  empathy(text: string): string | undefined;
  /** True when the person cares for someone else ("ik zorg voor mijn moeder", "mantelzorger"). */
  caresForSomeone?(text: string): boolean;
  /** The wegwijzer topic of an empathy cue ("alone" → "eenzaamheid"), if it has one. */
  empathyTopic?(id: string): string | undefined;
  /**
   * For a young person (a stated age under 18 now or before — `ageBand` — or school and parents) with heavy feelings
   * (`heavy`, already known) or trouble at home: the line with De Kindertelefoon, else undefined.
   */
  youthLine?(text: string, heavy: boolean, ageBand?: AgeBand): string | undefined;
  /** Dutch texts in "je" for a known minor: `afterAge` (the age told right after a heavy reply), `afterAgeUnsafe` (right after the reply for unsafe at home), `howToHelp`, `noHandoff` (who to talk to when no person is behind this channel). */
  youngText?(kind: "afterAge" | "afterAgeUnsafe" | "howToHelp" | "noHandoff"): string | undefined;
  /** True when the words sound like a young person (school, a class, parents) and not a parent about a child. */
  soundsYoung?(text: string): boolean;
  /** The age band of an age the person states of themselves ("ik ben 15", "I'm 16", "ik ben 82"), else undefined. */
  ageBand?(text: string): AgeBand | undefined;
  /**
   * A request to talk in confidence ("niemand mag het weten", "kan ik anoniem iets vragen", "is dit geheim?"):
   * the reply for a young person (a minor, or school and parents: De Kindertelefoon, in je-form) or for an
   * adult (De Luisterlijn, the sociaal werker's beroepsgeheim), in `language` where there is one; else undefined.
   */
  confidential?(text: string, language: string | undefined, ageBand?: AgeBand): { young: boolean; text: string } | undefined;
  /**
   * The answer to "Denkt u erover om uzelf iets aan te doen?" ("ja soms wel", "nee hoor, gewoon moe",
   * "weet niet"), read leniently in a short message; a message that has both a yes and a no reads as yes.
   */
  crisisAnswer?(text: string): "yes" | "no" | "unsure" | undefined;
  /** "nee, ik zou mezelf niets aandoen": a no about harming oneself, whatever was asked last. */
  deniesSelfHarm?(text: string): boolean;
  /** "geen gevaar", "acil değil", "ما في خطر": the alarm just given was not needed. */
  saysNoDanger?(text: string): boolean;
  /**
   * "ik vraag alleen of het geld kost", "waarom begin je over zelfmoord?": the reply before misread the message.
   * `rest` is what is still asked (may be empty), `sorry` the apology by language code ("nl", "nl-young", "en").
   */
  misread?(text: string): { rest: string; sorry: Record<string, string>; complaint: boolean } | undefined;
  /** "ja graag", "doe maar", "yes please": taking up an offer, more than a bare yes. */
  acceptsOffer?(text: string): boolean;
  /**
   * A message that opens with such an answer and goes on ("nee dat niet, maar ik weet niet wat ik
   * met mezelf aan moet"): the answer of its first few words, and what follows it. Undefined otherwise.
   */
  crisisAnswerLead?(text: string): { answer: "yes" | "no" | "unsure"; rest: string } | undefined;
  /**
   * What a short message right after a crisis reply says about the numbers: afraid or unable to call,
   * what happens on the phone, whether it is free and anonymous, or thanks ("ok, ik bel").
   */
  crisisFollowUp?(text: string): CrisisFollowUp | undefined;
}

/** A resident's word about the crisis numbers just given (see {@link DialogueCues.crisisFollowUp}). */
export type CrisisFollowUp = "cannotCall" | "whatHappens" | "private" | "thanks";

// ---------------------------------------------------------------- store

export interface ConversationState {
  location?: GeoPoint;
  place?: string;
  /** Last knowledge topic (standalone question), for follow-ups. */
  lastQuestion?: string;
  /** Consecutive answers that were not confident. */
  unconfidentStreak?: number;
  /** When the last crisis reply went out (ms) and its kind: a "wat moet ik doen?" right after gets it again. */
  lastCrisis?: { at: number; kind: CrisisKind };
  /** ISO 639-1 language the conversation is in (see `resolveLanguage`); unset = Dutch. */
  language?: string;
  /** The age band the resident stated ("ik ben 15": minor); never the age itself. Erased with the conversation. */
  ageBand?: AgeBand;
  /** Free-form state owned by other capabilities (handoff), keyed by capability. */
  [key: string]: unknown;
}

export interface StoredMessage {
  conversationId: string;
  direction: "in" | "out";
  text: string;
  intent?: Intent;
  at: Date;
  /**
   * Who wrote it (inbound messages; `recordInbound` takes the ref's user). Stored so erasure in a
   * shared chat removes one person's own messages; not returned by `recentMessages`.
   */
  userId?: string;
}

export interface ConversationRef {
  conversationId: string;
  channel: Channel;
  userId: string;
}

/**
 * Records conversations, their feedback and the platform deliveries already processed.
 * Personal data stays here only as long as the retention allows. Every method is asynchronous:
 * implementations live in `src/store/` (SQLite in DATA_DIR by default, PostgreSQL with DATABASE_URL)
 * and all of them pass the same contract suite.
 */
export interface ConversationStore {
  /** Creates the conversation on first use (and touches it when it exists). */
  ensureConversation(ref: ConversationRef, at: Date): Promise<void>;
  appendMessage(message: StoredMessage): Promise<void>;
  /**
   * Creates the conversation on first use and records the message that came in, in one write
   * (the start of a turn: history readers during the turn see the message).
   */
  recordInbound(ref: ConversationRef, message: StoredMessage): Promise<void>;
  /**
   * Records the replies sent at `at` and merges `statePatch` into the conversation state, in one
   * write (the end of a turn). The patch is merged into the state as stored then, so what other
   * capabilities wrote during the turn stays; a key set to undefined is removed.
   */
  recordReplies(
    conversationId: string,
    at: Date,
    replies: Array<Pick<StoredMessage, "text" | "intent">>,
    statePatch?: Partial<ConversationState>,
  ): Promise<void>;
  /** The last `limit` messages of a conversation, oldest first. */
  recentMessages(conversationId: string, limit: number): Promise<StoredMessage[]>;
  /** The conversation state; `{}` for an unknown conversation. */
  getState(conversationId: string): Promise<ConversationState>;
  /** Replaces the state of an existing conversation (no-op for an unknown one). */
  setState(conversationId: string, state: ConversationState): Promise<void>;
  /**
   * Merges `patch` into the state as stored, in one write, so keys other capabilities own stay
   * (no-op for an unknown conversation); a key set to undefined is removed.
   */
  mergeState(conversationId: string, patch: Partial<ConversationState>): Promise<void>;
  recordFeedback(feedback: {
    conversationId: string;
    messageRef: string;
    value: "up" | "down";
    reason?: string;
    at: Date;
  }): Promise<void>;
  /**
   * Returns true the first time a delivery key is seen (platform update/event id), false after —
   * also when two instances ask at the same moment: exactly one of them gets true.
   */
  markDelivery(key: string, at: Date): Promise<boolean>;
  /** True when a delivery key was marked before (a look only; marks nothing). */
  hasDelivery(key: string): Promise<boolean>;
  /**
   * Erases everything stored about a user: the messages they wrote (in every conversation), their
   * conversations with state and feedback, and their finished inbound items (raw updates); returns
   * rows removed. A conversation the user started that others wrote in too (a group) is kept for the
   * others without the user's messages and with its state cleared; it passes to the last other
   * writer. Afterwards the erased text is gone from the database files too (SQLite: secure_delete
   * and a WAL checkpoint). Tickets and their relays are the handoff's to erase.
   */
  forgetUser(userId: string): Promise<number>;
  /** Deletes messages, feedback and delivery keys older than `before`; returns rows removed. */
  purgeOlderThan(before: Date): Promise<number>;
}

// ---------------------------------------------------------------- handoff and delivery

/** Sends a message to a conversation outside a request/response cycle (relay, reminders). */
export interface ChannelSender {
  /**
   * `via` is channel-defined delivery detail recorded with the message (Telegram: reply-to and forum
   * topic); senders that need none ignore it.
   */
  send(conversationId: string, message: OutboundMessage, via?: unknown): Promise<void>;
}

/**
 * The handoff flow sees every inbound message first. It returns a reply when it owns the
 * message (a consent answer, `/mens`, `/stop`, a rating, or any message while a person has the
 * chat — then usually no replies: the bot is silent), or null to let the assistant answer.
 */
export interface HandoffQueue {
  intercept(inbound: InboundMessage): Promise<AssistantReply | null>;
  /** Offers a person after a crisis, a handoff situation, or repeated unconfident answers. */
  offer(inbound: InboundMessage, reason: "crisis" | "handoff" | "unconfident"): Promise<OutboundMessage | null>;
  /** Whether a person can be reached through this channel (a desk is there for it); absent = yes. */
  available?(channel: string): boolean;
}
