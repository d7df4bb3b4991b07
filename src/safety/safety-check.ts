import type { SafetyCheck } from "../core/ports.js";

/** Crisis, needs-a-person, out-of-scope and small-talk detection from the lexicons in `knowledge/safety/`. */
export function createSafetyCheck(_knowledgeDir: string): SafetyCheck {
  throw new Error("createSafetyCheck: being built (safety work in progress)");
}
