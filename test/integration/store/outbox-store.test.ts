import { forEachBackend } from "../../support/store-backends.js";
import { outboxStoreContract } from "./outbox-store.contract.js";

forEachBackend("OutboxStore", outboxStoreContract);
