import { forEachBackend } from "../../support/store-backends.js";
import { ticketStoreContract } from "./ticket-store.contract.js";

forEachBackend("TicketStore", ticketStoreContract);
