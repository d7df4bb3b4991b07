/**
 * Multi-turn conversation cases: the format of `wijkwijzer eval-chat FILE` and the checks that
 * decide whether a reply passes. One JSON object a line; see docs/conversation-cases.md.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

const intent = z.enum(["answer", "listings", "crisis", "concern", "handoff", "out_of_scope", "smalltalk", "command"]);

const turn = z
  .object({
    /** What the person types. */
    user: z.string().optional(),
    /** Presses a button of the previous reply: its number (1-based, as shown) or its label. */
    press: z.union([z.number().int().min(1), z.string().min(1)]).optional(),
    /** Shares a location with this turn. */
    location: z.object({ lat: z.number(), lon: z.number() }).optional(),
    /** Expected intent, or any of several. */
    intent: z.union([intent, z.array(intent).min(1)]).optional(),
    /** Every one of these must occur in the reply (case- and accent-insensitive). */
    must: z.array(z.string().min(1)).default([]),
    /** At least one of these must occur. */
    any: z.array(z.string().min(1)).default([]),
    /** None of these may occur. */
    mustNot: z.array(z.string().min(1)).default([]),
  })
  .refine((t) => t.user !== undefined || t.press !== undefined || t.location !== undefined, {
    message: "a turn needs user, press or location",
  });

const chatCase = z.object({
  id: z.string().min(1),
  group: z.string().min(1),
  persona: z.enum(["resident", "professional"]).default("resident"),
  /** The app's language setting, as Telegram sends it (`language_code`): "en", "uk", "pt-BR". */
  platformLanguage: z.string().min(2).optional(),
  /** Optional clock for the whole case (ISO 8601), so listings answers are reproducible. */
  now: z.string().datetime({ offset: true }).optional(),
  turns: z.array(turn).min(1),
});

export type ChatCase = z.infer<typeof chatCase>;
export type ChatTurn = ChatCase["turns"][number];

/** Parses a cases file; throws with the line number on a bad line. */
export function readChatCases(path: string): ChatCase[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim() !== "")
    .map(([line, n]) => {
      try {
        return chatCase.parse(JSON.parse(line));
      } catch (error) {
        const detail = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : String(error);
        throw new Error(`line ${n}: not a conversation case (${detail})`);
      }
    });
}

/** Case- and accent-insensitive form used for every check. */
export function foldForCheck(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ");
}

export interface TurnOutcome {
  intent: string;
  /** Everything the person saw: reply texts, button labels and source titles. */
  seen: string;
}

/** The reasons a turn fails; empty when it passes. */
export function checkTurn(expected: ChatTurn, got: TurnOutcome): string[] {
  const problems: string[] = [];
  const seen = foldForCheck(got.seen);
  if (expected.intent !== undefined) {
    const allowed = Array.isArray(expected.intent) ? expected.intent : [expected.intent];
    if (!allowed.includes(got.intent as (typeof allowed)[number])) problems.push(`intent ${got.intent}, expected ${allowed.join("|")}`);
  }
  for (const phrase of expected.must) if (!seen.includes(foldForCheck(phrase))) problems.push(`missing "${phrase}"`);
  if (expected.any.length > 0 && !expected.any.some((phrase) => seen.includes(foldForCheck(phrase)))) {
    problems.push(`none of ${expected.any.map((p) => `"${p}"`).join(", ")}`);
  }
  for (const phrase of expected.mustNot) if (seen.includes(foldForCheck(phrase))) problems.push(`unwanted "${phrase}"`);
  return problems;
}
