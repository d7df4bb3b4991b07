/**
 * Conversation cues kept as data (`knowledge/conversation/cues.json`): a typed yes, no or "weet ik
 * niet" to the question the bot just asked, a bare request for help, and something heavy the person shares
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
  dontKnow: z.array(z.string().min(1)).default([]),
  filler: z.array(z.string().min(1)),
  help: z.array(z.string().min(1)),
  empathy: z.array(z.object({ id: z.string().min(1), phrases: z.array(z.string().min(1)).min(1) })),
  crisisAnswer: z
    .object({ yes: z.array(z.string().min(1)), no: z.array(z.string().min(1)), unsure: z.array(z.string().min(1)) })
    .optional(),
  youth: z
    .object({
      line: z.string().min(1),
      knownYoungLine: z.string().min(1).optional(),
      signs: z.array(z.string().min(1)),
      troubles: z.array(z.string().min(1)),
      // A parent writing about their child ("mijn zoon", "my daughter"): the young one is not the writer.
      parentWords: z.array(z.string().min(1)).default([]),
      parentLine: z.string().min(1).optional(),
    })
    .optional(),
});

/** "ik ben 13", "ben bijna 15", "14 jaar": an age a child or teenager states. */
const YOUNG_AGE = /\b(?:(?:ik ben|ben|ik word|word)\s+(?:al\s+|bijna\s+|net\s+|pas\s+)?(\d{1,2})(?!\s*(?:uur|euro|keer|min|minuten|dagen|weken|maanden))\b|(\d{1,2})\s*(?:jaar|jr)\b)/;

function statedYoungAge(folded: string): boolean {
  const m = YOUNG_AGE.exec(folded);
  const age = m ? Number(m[1] ?? m[2]) : Number.NaN;
  return age >= 8 && age <= 17;
}

/** A longer message is more than an answer to the question: it is read as a message of its own. */
const CRISIS_ANSWER_MAX_WORDS = 12;

const NEGATIONS = ["niet", "geen", "nooit", "not", "no", "never", "nie", "değil", "не", "لا"];

export function loadDialogueCues(knowledgeDir: string): DialogueCues {
  const raw = cuesFile.parse(JSON.parse(readFileSync(join(knowledgeDir, "conversation", "cues.json"), "utf8")));
  const filler = new Set(raw.filler.map(foldText));
  const whole = (phrases: string[]) => new Set(phrases.map(core));
  const yes = whole(raw.yes);
  const no = whole(raw.no);
  const dontKnow = whole(raw.dontKnow);
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

  const matcherOptions = { fuzzyMinLength: 7, twoTyposFrom: 12, maxGap: 2, wideGap: 6, blockers: NEGATIONS, notFuzzy: [] };
  const youthSigns: PhraseMatcher<string> = createPhraseMatcher((raw.youth?.signs ?? []).map((pattern) => ({ pattern, tag: "young" })), matcherOptions);
  const youthTroubles: PhraseMatcher<string> = createPhraseMatcher((raw.youth?.troubles ?? []).map((pattern) => ({ pattern, tag: "trouble" })), matcherOptions);
  const parentWords: PhraseMatcher<string> = createPhraseMatcher((raw.youth?.parentWords ?? []).map((pattern) => ({ pattern, tag: "parent" })), {
    ...matcherOptions,
    blockers: [],
  });

  // No negation blockers here: "nee, niet echt" is the answer itself.
  const crisisAnswers: PhraseMatcher<"yes" | "no" | "unsure"> = createPhraseMatcher(
    (["unsure", "yes", "no"] as const).flatMap((tag) => (raw.crisisAnswer?.[tag] ?? []).map((pattern) => ({ pattern, tag }))),
    { ...matcherOptions, blockers: [] },
  );

  return {
    crisisAnswer(text) {
      const tokens = tokenise(text.slice(0, 400));
      const words = tokens.filter((t) => !isBreak(t)).length;
      if (words === 0 || words > CRISIS_ANSWER_MAX_WORDS) return undefined;
      const tags = new Set(crisisAnswers.match(tokens).map((h) => h.tag));
      // "weet niet", then the safe side: a yes, also beside a no ("nee, soms wel").
      return tags.has("unsure") ? "unsure" : tags.has("yes") ? "yes" : tags.has("no") ? "no" : undefined;
    },
    youthLine(text, heavy) {
      if (!raw.youth) return undefined;
      const tokens = tokenise(text.slice(0, 2000));
      const statedYoung = statedYoungAge(tokens.join(" "));
      const young = statedYoung || youthSigns.match(tokens).length > 0;
      if (!young) return undefined;
      if (!(heavy || youthTroubles.match(tokens).length > 0)) return undefined;
      // A parent about their child: no age question to the writer, but the help for parents.
      if (parentWords.match(tokens).length > 0) return raw.youth.parentLine;
      // The resident said a young age: never ask what is known, and say "je".
      return statedYoung && raw.youth.knownYoungLine ? raw.youth.knownYoungLine : raw.youth.line;
    },
    answer(text) {
      const c = core(text);
      if (c === "") return undefined;
      if (yes.has(c)) return "yes";
      if (no.has(c)) return "no";
      return undefined;
    },
    isDontKnow(text) {
      const c = core(text);
      return c !== "" && dontKnow.has(c);
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
