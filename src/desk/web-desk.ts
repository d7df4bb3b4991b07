/**
 * The web desk as a {@link StaffDesk}. Browsers read tickets straight from the ticket store and
 * hear about changes through the handoff's events, so posting a ticket only gives it its
 * references (the ticket id): reminders and the "posted" state then work as on the other desks.
 */
import type { StaffDesk } from "../handoff/handoff-model.js";

export function createWebDesk(): StaffDesk {
  return {
    kind: "web",
    async postTicket(ticket, save) {
      save({ thread: String(ticket.id), message: String(ticket.id) });
    },
    // The browsers re-read the ticket when its event arrives.
    async updateTicket() {},
    async postInThread() {},
  };
}
