import { forEachBackend } from "../../support/store-backends.js";
import { inboxContract } from "./inbox.contract.js";

forEachBackend("Inbox", inboxContract);
