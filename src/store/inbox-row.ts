/** An inbox row as both stores keep it, and the SQL both use to hand replies to the outbox. */
import type { InboxItem } from "../channels/inbox.js";

export interface InboxRow {
  id: number;
  key: string;
  chat: string;
  user_id: string | null;
  payload_json: string;
  attempts: number;
  received_at: number;
}

export function toInboxItem(row: InboxRow): InboxItem {
  return {
    id: row.id,
    key: row.key,
    chat: row.chat,
    ...(row.user_id === null ? {} : { userId: row.user_id }),
    payload: JSON.parse(row.payload_json) as unknown,
    receivedAt: new Date(row.received_at),
    attempts: row.attempts,
  };
}
