/**
 * Ticket changes for the desk's live queue (`GET /desk/api/events`). In-process: each instance
 * tells the browsers connected to it about the changes it made itself.
 */
import { EventEmitter } from "node:events";
import type { HandoffEvent } from "../handoff/handoff-model.js";

export type TicketEvent = HandoffEvent;

export interface DeskEvents {
  emit(event: TicketEvent): void;
  subscribe(listener: (event: TicketEvent) => void): () => void;
}

export function createDeskEvents(): DeskEvents {
  const emitter = new EventEmitter();
  // Every open browser tab is a listener.
  emitter.setMaxListeners(0);
  return {
    emit(event) {
      emitter.emit("ticket", event);
    },
    subscribe(listener) {
      emitter.on("ticket", listener);
      return () => emitter.off("ticket", listener);
    },
  };
}
