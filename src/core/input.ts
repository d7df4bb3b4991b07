import type { GeoPoint, InboundMessage } from "./types.js";

/** Longest text the assistant reads; longer messages are answered from their beginning. */
export const MAX_INPUT_CHARS = 2000;

// C0/C1 control characters except tab and newline, plus zero-width and bidi-override marks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * Makes user text safe to process: strips control characters, collapses runs of white space,
 * trims, and cuts it at {@link MAX_INPUT_CHARS}. The stored message keeps the original text.
 */
export function normaliseInput(raw: string): { text: string; truncated: boolean } {
  const cleaned = raw.normalize("NFC").replace(CONTROL, " ").replace(/[ \t]+/g, " ").replace(/\n{3,}/g, "\n\n").trim();
  const truncated = cleaned.length > MAX_INPUT_CHARS;
  const text = truncated ? cleaned.slice(0, MAX_INPUT_CHARS) : cleaned;
  // Emoji, symbols and punctuation alone carry no question.
  return { text: /[\p{L}\p{N}]/u.test(text) ? text : "", truncated };
}

/** What is recorded for an inbound message: its text, or what it was when it had none. */
export function describeInbound(inbound: InboundMessage): string {
  if (inbound.action) return `[knop: ${inbound.action.id}]`;
  if (inbound.unsupported) return `[${inbound.unsupported}]`;
  if (inbound.location && !inbound.text) return "[locatie gedeeld]";
  return inbound.text;
}

/**
 * True for a point on Earth: finite WGS84 degrees, latitude within ±90 and longitude within ±180.
 * Anything else (NaN, ±Infinity, −1e15 from a forged or broken client) must never reach a search.
 */
export function isValidGeoPoint(point: GeoPoint | undefined): point is GeoPoint {
  if (!point) return false;
  const { lat, lon } = point;
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

/**
 * Bounds adapters apply to what arrives before it becomes an {@link InboundMessage}: a platform's own
 * limits (Telegram: 4096 characters of text, 1024 of caption, 64 bytes of callback data), so a
 * forged or broken payload cannot make the core store or scan more than a real message could hold.
 */
export const INBOUND_LIMITS = {
  textChars: 4096,
  captionChars: 1024,
  callbackDataBytes: 64,
  userNameChars: 64,
  idChars: 128,
} as const;

/** Cuts `text` at `max` characters without splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
