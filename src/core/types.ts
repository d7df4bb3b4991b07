/**
 * Channel-agnostic message model. Adapters map platform events to {@link InboundMessage}
 * and render {@link OutboundMessage}s; the core never sees a platform object.
 */

export type Channel = "telegram" | "slack" | "terminal";

/** Residents get short B1 answers; professionals get fuller answers with every source. */
export type Persona = "resident" | "professional";

export type Intent =
  | "answer"
  | "listings"
  | "crisis"
  | "concern"
  | "handoff"
  | "out_of_scope"
  | "smalltalk"
  | "command";

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** A button press: `id` is the action (e.g. `feedback_up`), `value` its payload (e.g. a message or ticket id). */
export interface ActionPress {
  id: string;
  value?: string;
}

export interface InboundMessage {
  /** Platform message id, unique within the conversation (used for de-duplication and feedback). */
  id: string;
  channel: Channel;
  /** Stable per chat, prefixed with the channel, e.g. `telegram:12345` or `slack:C123:1700000.0001`. */
  conversationId: string;
  /** Platform user reference, prefixed with the channel, e.g. `telegram:777`. */
  userId: string;
  /** First name only, where the platform gives one; never stored beyond the conversation. */
  userName?: string;
  persona: Persona;
  /** Free text as typed; may be empty when the message is a location or a button press. */
  text: string;
  /** A location the person shared with this message. */
  location?: GeoPoint;
  /** Set when the message is a button press instead of text. */
  action?: ActionPress;
  /**
   * Written in a chat shared with other people (a group). The conversation is then this person's
   * own within that chat (`conversationId` says so), and what touches data says it touches only theirs.
   */
  inGroup?: boolean;
  /** A non-text message the bot cannot read (photo, voice, sticker, document). */
  unsupported?: "photo" | "voice" | "sticker" | "document" | "video" | "other";
  /** The language setting of the person's app (IETF tag such as `en-GB`), where the platform gives one. */
  platformLanguage?: string;
  /**
   * ISO 639-1 code of the language to answer in. Adapters leave it unset; the assistant settles it
   * (this message, the conversation's language) before any capability sees the message.
   */
  language?: string;
  receivedAt: Date;
}

export interface Button {
  /** Action id the adapter sends back as {@link ActionPress.id}. */
  id: string;
  label: string;
  value?: string;
  /** The button that a typed "ja" or "nee" stands for, when the message asks a yes/no question. */
  answers?: "yes" | "no";
}

export interface Source {
  title: string;
  publisher?: string;
  year?: number;
  url?: string;
}

export interface OutboundMessage {
  /** Plain text (no markup); adapters escape and format it for their platform. */
  text: string;
  buttons?: Button[];
  /** Numbered sources to render under the text (the answer text refers to them as [1], [2]). */
  sources?: Source[];
  /** Ask the platform to offer a "share my location" control (Telegram reply keyboard). */
  requestLocation?: boolean;
  /** ISO 639-1 language of the text, for the adapter's own words (keyboard, "Sources"); default Dutch. */
  language?: string;
}

/** What a listings answer was about: counted per area for coordinators, and the listings shown (for a check-in). */
export interface ListingsAsked {
  categories: string[];
  /** The wijk, place or 4-digit postcode searched around, when the person named one. */
  area?: string;
  shown: Array<{ id: string; name: string }>;
}

/** The result of {@link Assistant.handle}: what to send, and why. */
export interface AssistantReply {
  intent: Intent;
  replies: OutboundMessage[];
  /** All sources used in the replies (for `chat --json` and logging). */
  sources: Source[];
  /** False when the answer is a "not sure" fallback; drives the handoff offer. */
  confident: boolean;
  /** Set on a listings answer. */
  asked?: ListingsAsked;
  /** A listings question where to look that the message itself asked for ("ik zoek …", "بدي اتعلم هولندي"). */
  seeking?: boolean;
  /** True when the answer quotes passages of the sources (not a wegwijzer explanation, a listing or a fixed text). */
  quoted?: boolean;
  /** True when the person's data was just erased: nothing of this exchange may be stored. */
  forgotten?: boolean;
}
