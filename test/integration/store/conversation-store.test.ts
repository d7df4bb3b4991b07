import { forEachBackend } from "../../support/store-backends.js";
import { conversationStoreContract } from "./conversation-store.contract.js";

forEachBackend("ConversationStore", conversationStoreContract);
