import { fileURLToPath } from "node:url";
import type { AssistantReply } from "../../src/core/types.js";
import { loadDialogueCues } from "../../src/dialogue/dialogue-cues.js";
import { createSafetyCheck } from "../../src/safety/safety-check.js";
import { createSmallAssistant, createTestStore } from "./fakes.js";

/**
 * An assistant with the shipped safety lexicons and conversation cues (the real data in `knowledge/`)
 * on a fresh in-memory store: for tests of what a resident hears in a conversation.
 */
const KNOWLEDGE = fileURLToPath(new URL("../../knowledge", import.meta.url));
export const safety = createSafetyCheck(KNOWLEDGE);
const cues = loadDialogueCues(KNOWLEDGE);

/** A new conversation partner; `now` is the clock (one second per call by default). */
export function createDialogueAssistant(now?: () => Date) {
  return createSmallAssistant({ store: createTestStore().store, safety, cues, ...(now ? { now } : {}) });
}

/** Everything the assistant said in one reply, as one text. */
export const allText = (r: AssistantReply) => r.replies.map((m) => m.text).join("\n");
