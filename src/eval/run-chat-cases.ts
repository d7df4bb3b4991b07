/**
 * Runs conversation cases through the real assistant, one fresh conversation per case, and
 * erases each conversation afterwards (as `/vergeet` would), so an evaluation leaves nothing behind.
 */
import type { Assistant } from "../core/assistant.js";
import type { Button, InboundMessage } from "../core/types.js";
import { checkTurn, type ChatCase } from "./chat-cases.js";

export interface TurnResult {
  input: string;
  intent: string;
  reply: string;
  problems: string[];
}

export interface CaseResult {
  id: string;
  group: string;
  passed: boolean;
  turns: TurnResult[];
}

export interface ChatEvalDeps {
  assistant: Assistant;
  /** Erases everything stored for a user id. */
  forget: (userId: string) => unknown;
  now: () => Date;
}

export async function runChatCase(deps: ChatEvalDeps, chatCase: ChatCase, index: number): Promise<CaseResult> {
  const conversationId = `eval:${index}:${chatCase.id}`;
  const clock = chatCase.now ? fixedClock(new Date(chatCase.now)) : deps.now;
  let buttons: Button[] = [];
  const turns: TurnResult[] = [];
  try {
    for (const [n, turn] of chatCase.turns.entries()) {
      const pressed = turn.press === undefined ? undefined : findButton(buttons, turn.press);
      const inbound: InboundMessage = {
        id: String(n + 1),
        channel: "terminal",
        conversationId,
        userId: conversationId,
        persona: chatCase.persona,
        ...(chatCase.platformLanguage ? { platformLanguage: chatCase.platformLanguage } : {}),
        text: pressed ? "" : (turn.user ?? (turn.press !== undefined ? String(turn.press) : "")),
        ...(pressed ? { action: { id: pressed.id, ...(pressed.value ? { value: pressed.value } : {}) } } : {}),
        ...(turn.location ? { location: turn.location } : {}),
        receivedAt: clock(),
      };
      const reply = await deps.assistant.handle(inbound);
      buttons = reply.replies.flatMap((r) => r.buttons ?? []);
      const seen = [
        ...reply.replies.map((r) => r.text),
        ...buttons.map((b) => b.label),
        ...reply.sources.map((s) => s.title),
      ].join("\n");
      const input = turn.user ?? (pressed ? `[${pressed.label}]` : turn.location ? "[locatie]" : String(turn.press));
      turns.push({ input, intent: reply.intent, reply: seen, problems: checkTurn(turn, { intent: reply.intent, seen }) });
    }
  } finally {
    await deps.forget(conversationId);
  }
  return { id: chatCase.id, group: chatCase.group, passed: turns.every((t) => t.problems.length === 0), turns };
}

function findButton(buttons: Button[], press: number | string): Button | undefined {
  if (typeof press === "number") return buttons[press - 1];
  const wanted = press.toLowerCase();
  return buttons.find((b) => b.label.toLowerCase().includes(wanted));
}

function fixedClock(start: Date): () => Date {
  // Each turn a minute later, so the conversation moves forward as a real one does.
  let minutes = 0;
  return () => new Date(start.getTime() + 60_000 * minutes++);
}

export interface GroupSummary {
  group: string;
  cases: number;
  passed: number;
  rate: number;
}

/** Pass rate per group, plus the overall one under the group name "*". */
export function summarise(results: CaseResult[]): GroupSummary[] {
  const groups = new Map<string, { cases: number; passed: number }>();
  for (const result of results) {
    for (const key of [result.group, "*"]) {
      const g = groups.get(key) ?? { cases: 0, passed: 0 };
      g.cases += 1;
      if (result.passed) g.passed += 1;
      groups.set(key, g);
    }
  }
  return [...groups.entries()]
    .map(([group, g]) => ({ group, ...g, rate: g.cases === 0 ? 0 : g.passed / g.cases }))
    .sort((a, b) => (a.group === "*" ? 1 : b.group === "*" ? -1 : a.group.localeCompare(b.group)));
}
