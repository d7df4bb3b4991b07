/**
 * The note a sociaal werker reads on a ticket: the question in the resident's words, the topic,
 * the place if shared, and the last messages. Everything is redacted of personal data; a shared
 * location is rounded to about a kilometre.
 */
import type { ConversationState, SafetyAssessment, SafetyCheck, StoredMessage } from "../core/ports.js";
import { catalog } from "../core/text-catalog.js";
import type { Channel } from "../core/types.js";
import { redactPersonalData } from "../safety/redact.js";
import type { HandoffReason } from "./handoff-model.js";

/** Writes the body of the note from the transcript (e.g. `createWorkerSummariser` with an LLM). Should not throw. */
export type TranscriptSummariser = (transcript: Array<{ direction: "in" | "out"; text: string }>) => Promise<string>;

const CRISIS_TOPICS: Record<NonNullable<SafetyAssessment["crisis"]>, string> = {
  suicide: "crisis: gedachten aan zelfmoord",
  self_harm: "crisis: zichzelf pijn doen",
  violence: "crisis: geweld",
  danger: "crisis: gevaar",
};
const NEED_TOPICS: Record<NonNullable<SafetyAssessment["needsPerson"]>, string> = {
  eviction: "dreigt uit huis gezet te worden",
  rent: "kan de huur niet betalen",
  money: "geen geld voor eten of het nodige",
  debts: "schulden",
  care: "zorg voor een ander is te zwaar",
  person_requested: "wil een mens spreken",
};
const CHANNEL_NAMES: Record<Channel, string> = { telegram: "Telegram", slack: "Slack", terminal: "terminal" };
const LAST_MESSAGES = 6;
const MAX_LINE = 300;

/** The topic of a handoff in Dutch, from the safety check of the question where possible. */
export function detectTopic(reason: HandoffReason, question: string, safety?: SafetyCheck): string {
  const assessment = safety && question ? safety.assess(question) : {};
  if (assessment.crisis) return CRISIS_TOPICS[assessment.crisis];
  if (reason === "crisis") return "crisis";
  if (assessment.needsPerson) return NEED_TOPICS[assessment.needsPerson];
  return reason === "unconfident" ? "Wijkwijzer kon de vraag niet goed beantwoorden" : "wil een mens spreken";
}

/** The resident's question: the given text, else their last message that was not a command or button. */
export function pickQuestion(given: string | undefined, messages: StoredMessage[]): string | undefined {
  if (given && isMeaningful(given)) return given;
  return [...messages].reverse().find((m) => m.direction === "in" && isMeaningful(m.text))?.text;
}

export interface SummaryInput {
  question?: string;
  topic: string;
  channel: Channel;
  state: ConversationState;
  messages: StoredMessage[];
}

/** Header lines every note starts with (whatever writes the body). */
export function summaryHeader(input: SummaryInput): string {
  const lines = [
    `Vraag: ${input.question ? `"${clip(input.question)}"` : "(geen vraag getypt)"}`,
    `Onderwerp: ${input.topic}`,
  ];
  const place = input.state.place;
  const loc = input.state.location;
  if (typeof place === "string" && place) lines.push(`Plaats: ${clip(place)}`);
  if (loc) lines.push(`Locatie: ongeveer ${loc.lat.toFixed(2)}, ${loc.lon.toFixed(2)} (gedeeld door de bewoner)`);
  lines.push(`Kanaal: ${CHANNEL_NAMES[input.channel]}`);
  // The worker should know before answering that the resident writes another language.
  const language = input.state.language;
  if (typeof language === "string" && language !== "nl") lines.push(`Taal van de bewoner: ${(catalog("nl").listings.languageNames as Record<string, string>)[language] ?? language}`);
  return lines.join("\n");
}

const LAST_MESSAGES_LABEL = "Laatste berichten:";

/** The note without a model: header plus the last messages, redacted. */
export function plainSummary(input: SummaryInput): string {
  const last = input.messages.filter((m) => isMeaningful(m.text)).slice(-LAST_MESSAGES);
  const body = last.map((m) => `- ${m.direction === "in" ? "Bewoner" : "Wijkwijzer"}: ${clip(m.text)}`);
  return [summaryHeader(input), ...(body.length ? [LAST_MESSAGES_LABEL, ...body] : [])].join("\n");
}

/**
 * Replaces the body of a plain note with one written by `summarise` (the header stays).
 * Returns null when the summariser fails or returns nothing.
 */
export async function richSummary(plain: string, messages: StoredMessage[], summarise: TranscriptSummariser): Promise<string | null> {
  try {
    const header = plain.split(`\n${LAST_MESSAGES_LABEL}`)[0]!;
    const transcript = messages.filter((m) => isMeaningful(m.text)).map((m) => ({ direction: m.direction, text: m.text }));
    if (transcript.length === 0) return null;
    const body = redactPersonalData((await summarise(transcript)).trim());
    return body ? `${header}\n${body}` : null;
  } catch {
    return null;
  }
}

function isMeaningful(text: string): boolean {
  const t = text.trim();
  return t !== "" && !t.startsWith("/") && !/^\[[^\]]+\]$/.test(t);
}

function clip(text: string): string {
  const clean = redactPersonalData(text).replace(/\s+/g, " ").trim();
  return clean.length > MAX_LINE ? `${clean.slice(0, MAX_LINE)}…` : clean;
}
