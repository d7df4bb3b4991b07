/**
 * Conversation cues kept as data (`knowledge/conversation/cues.json`): a typed yes or no to the
 * question the bot just asked, a bare request for help, and something heavy the person shares
 * while asking (so the answer can start with one line of empathy).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { DialogueCues } from "../core/ports.js";
import { createPhraseMatcher, type PhraseMatcher } from "../safety/phrase-matcher.js";
import { foldText, isBreak, tokenise } from "../safety/normalise.js";

const cuesFile = z.object({
  yes: z.array(z.string().min(1)),
  no: z.array(z.string().min(1)),
  filler: z.array(z.string().min(1)),
  help: z.array(z.string().min(1)),
  empathy: z.array(z.object({ id: z.string().min(1), phrases: z.array(z.string().min(1)).min(1) })),
});

const NEGATIONS = ["niet", "geen", "nooit", "not", "no", "never", "nie", "değil", "не", "لا"];

export function loadDialogueCues(knowledgeDir: string): DialogueCues {
  const raw = cuesFile.parse(JSON.parse(readFileSync(join(knowledgeDir, "conversation", "cues.json"), "utf8")));
  const filler = new Set(raw.filler.map(foldText));
  const whole = (phrases: string[]) => new Set(phrases.map(core));
  const yes = whole(raw.yes);
  const no = whole(raw.no);
  const help = whole(raw.help);
  const negations = new Set(NEGATIONS.map(foldText));
  const empathy: PhraseMatcher<string> = createPhraseMatcher(
    raw.empathy.flatMap((e) => e.phrases.map((pattern) => ({ pattern, tag: e.id }))),
    { fuzzyMinLength: 7, twoTyposFrom: 12, maxGap: 2, wideGap: 6, blockers: NEGATIONS, notFuzzy: [] },
  );

  /** The message without punctuation and filler words, as one string ("Ja, graag!" → "ja graag"). */
  function core(text: string): string {
    if (text.length > 80) return "";
    const tokens = tokenise(text).filter((t) => !isBreak(t));
    const kept = tokens.filter((t) => !filler.has(t));
    return (kept.length > 0 ? kept : tokens).join(" ");
  }

  return {
    answer(text) {
      const c = core(text);
      if (c === "") return undefined;
      if (yes.has(c)) return "yes";
      if (no.has(c)) return "no";
      return undefined;
    },
    isHelpRequest(text) {
      const c = core(text);
      return c !== "" && help.has(c);
    },
    empathy(text) {
      const tokens = tokenise(text.slice(0, 2000));
      // "ik voel me niet eenzaam": a negation just before the phrase turns it around.
      const hit = empathy.match(tokens).find((h) => !tokens.slice(Math.max(0, h.start - 2), h.start).some((t) => negations.has(t)));
      return hit?.tag;
    },
  };
}
