import { createHash } from "node:crypto";
import type { ActionPress, Button } from "../../core/types.js";

/** Telegram accepts 1–64 bytes of `callback_data` on an inline button. */
export const CALLBACK_DATA_LIMIT = 64;

const OVERFLOW_MARK = "~";
const MAX_REMEMBERED = 5000;

/** Turns buttons into `callback_data` and back. */
export interface CallbackDataCodec {
  encode(button: Pick<Button, "id" | "value">): string;
  /** Null when the data is not one of ours (or an overflow value that was forgotten after a restart). */
  decode(data: string): ActionPress | null;
}

/**
 * Encodes a button as `<actionId>:<value>` (or just `<actionId>`). Action ids contain no colon; the
 * value may. A value that would not fit in 64 bytes is replaced by `~<hash>` and remembered in
 * memory (bounded), so long ticket ids still work while the process runs.
 */
export function createCallbackDataCodec(): CallbackDataCodec {
  const overflow = new Map<string, string>();
  return {
    encode({ id, value }) {
      if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) throw new Error(`button id "${id}" must be 1-40 of A-Z, a-z, 0-9, _ or -`);
      if (value === undefined || value === "") return id;
      const plain = `${id}:${value}`;
      if (Buffer.byteLength(plain, "utf8") <= CALLBACK_DATA_LIMIT && !value.startsWith(OVERFLOW_MARK)) return plain;
      const key = OVERFLOW_MARK + createHash("sha256").update(value).digest("base64url").slice(0, 16);
      overflow.delete(key);
      overflow.set(key, value);
      if (overflow.size > MAX_REMEMBERED) overflow.delete(overflow.keys().next().value as string);
      return `${id}:${key}`;
    },
    decode(data) {
      const colon = data.indexOf(":");
      const id = colon < 0 ? data : data.slice(0, colon);
      if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) return null;
      if (colon < 0) return { id };
      const raw = data.slice(colon + 1);
      if (!raw.startsWith(OVERFLOW_MARK)) return { id, value: raw };
      const value = overflow.get(raw);
      return value === undefined ? null : { id, value };
    },
  };
}
