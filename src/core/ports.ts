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
}

/**
 * Answers questions about local activities and places. Returns null when the message is not
 * about activities, so the core goes on to the knowledge answer.
 */
export interface ListingSearch {
  respond(request: ListingRequest): Promise<ListingResponse | null>;
}

// ---------------------------------------------------------------- safety

export type CrisisKind = "suicide" | "self_harm" | "violence" | "danger";

export interface SafetyAssessment {
  crisis?: CrisisKind;
  /** A situation that needs a person (eviction, no money for rent or food, debts, care overload). */
  needsPerson?: "eviction" | "money" | "debts" | "care" | "person_requested";
  outOfScope?: boolean;
  smalltalk?: "greeting" | "thanks" | "goodbye" | "who_are_you";
}

/** Classifies a message before anything else looks at it. Pure and fast (no network). */
export interface SafetyCheck {
  assess(text: string): SafetyAssessment;
}

// ---------------------------------------------------------------- store

export interface ConversationState {
  location?: GeoPoint;
  place?: string;
  /** Last knowledge topic (standalone question), for follow-ups. */
  lastQuestion?: string;
  /** Consecutive answers that were not confident. */
  unconfidentStreak?: number;
  /** ISO 639-1 language the conversation is in (see `resolveLanguage`); unset = Dutch. */
  language?: string;
  /** Free-form state owned by other capabilities (handoff), keyed by capability. */
  [key: string]: unknown;
}

export interface StoredMessage {
  conversationId: string;
  direction: "in" | "out";
  text: string;
  intent?: Intent;
  at: Date;
}

export interface ConversationRef {
  conversationId: string;
  channel: Channel;
  userId: string;
}

/** Records conversations. Personal data stays here only as long as the retention allows. */
export interface ConversationStore {
  /** Creates the conversation on first use. */
  ensureConversation(ref: ConversationRef, at: Date): void;
  appendMessage(message: StoredMessage): void;
  /**
   * Creates the conversation on first use and records the message that came in, in one write
   * (the start of a turn: history readers during the turn see the message).
   */
  recordInbound(ref: ConversationRef, message: StoredMessage): void;
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
  ): void;
  recentMessages(conversationId: string, limit: number): StoredMessage[];
  getState(conversationId: string): ConversationState;
  setState(conversationId: string, state: ConversationState): void;
  recordFeedback(feedback: {
    conversationId: string;
    messageRef: string;
    value: "up" | "down";
    reason?: string;
    at: Date;
  }): void;
  /** Returns true the first time a delivery key is seen (platform update/event id), false after. */
  markDelivery(key: string, at: Date): boolean;
  /** Erases everything stored about a user (messages, state, feedback); returns rows removed. */
  forgetUser(userId: string): number;
  /** Deletes messages and feedback older than `before`; returns rows removed. */
  purgeOlderThan(before: Date): number;
}

// ---------------------------------------------------------------- handoff and delivery

/** Sends a message to a conversation outside a request/response cycle (relay, reminders). */
export interface ChannelSender {
  send(conversationId: string, message: OutboundMessage): Promise<void>;
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
}
