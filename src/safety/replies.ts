import { join } from "node:path";
import { z } from "zod";
import type { CrisisTier, SafetyReplies, SafetyTier } from "../core/ports.js";
import { readLexicon } from "./lexicons.js";

/**
 * The safety texts by tier and language, kept as data in `knowledge/safety/replies.json` so that they can be
 * reviewed (and translated) without reading code. Whatever the language, the Dutch numbers are in them: the
 * loader refuses a text that lacks its number, so a translation can never drop 112, 113 or Veilig Thuis.
 */

const lines = z.array(z.string().trim().min(1)).min(1);
const perCrisisTier = z.object({ acute: z.string().min(1), suicide: z.string().min(1), unsafe_home: z.string().min(1) });

const languageSchema = z.object({
  acute: lines,
  suicide: lines,
  unsafe_home: lines,
  concern: lines,
  /**
   * The offer that closes the heavy-feelings reply (before the offer of a person): `meet`, places to meet
   * people; `care`, rest and advice for someone who cares for another (respijtzorg, a mantelzorgconsulent).
   */
  concernOffers: z.object({ meet: z.string().min(1), care: z.string().min(1) }),
  /** The number line added to an information answer, by topic. */
  information: perCrisisTier,
  /** The short number line of another crisis found in the same message. */
  also: perCrisisTier,
  /**
   * Short follow-ups after a reply that asked "Denkt u erover om uzelf iets aan te doen?": the answer
   * yes, no or "weet niet"; `again` for a second heavy message soon after (the numbers, not the block),
   * `again2` (by tier, optional) said instead of `again` when `again` was the last reply.
   * After a crisis reply: `cannotCall` ("ik durf niet te bellen"), `whatHappens` ("wat moet ik dan zeggen?"),
   * `private` ("is dat gratis? weten ze wie ik ben?"), `thanks` ("ok dank je, ik bel").
   */
  followUp: z.object({
    yes: lines,
    no: lines,
    unsure: lines,
    again: z.object({ acute: lines, suicide: lines, unsafe_home: lines, concern: lines }),
    again2: z.object({ acute: lines, suicide: lines, unsafe_home: lines, concern: lines }).partial().default({}),
    cannotCall: lines,
    whatHappens: lines,
    private: lines,
    thanks: lines,
  }),
});

export const safetyRepliesSchema = z.object({
  /** Other codes that mean one of the languages below ("prs" Dari → "fa"). */
  aliases: z.record(z.string(), z.string()).default({}),
  languages: z.record(z.string().regex(/^[a-z]{2,3}$/), languageSchema).refine((l) => "nl" in l, "Dutch (nl) is required"),
  /** The same texts with "je" for a resident known to be under 18, by language (a language without them uses its own). */
  young: z.record(z.string().regex(/^[a-z]{2,3}$/), languageSchema).default({}),
});

export type SafetyRepliesData = z.infer<typeof safetyRepliesSchema>;

/** Numbers every text of a tier must carry, in any language. */
const REQUIRED: Record<Exclude<SafetyTier, "information">, RegExp[]> = {
  acute: [/112/],
  suicide: [/\b113\b/, /0800-0113/, /113\.nl/, /112/],
  unsafe_home: [/0800-2000/, /112/],
  concern: [/\b113\b/, /0900-0767|088-0767000/],
};
/** Numbers every follow-up must carry. */
const FOLLOW_UP_REQUIRED: Record<string, RegExp[]> = {
  yes: [/\b113\b/, /0800-0113/, /113\.nl/, /112/],
  no: [/\b113\b|0900-0767|088-0767000/],
  unsure: [/\b113\b/],
  "again.acute": [/112/],
  "again.suicide": [/\b113\b/, /0800-0113/, /112/],
  "again.unsafe_home": [/0800-2000/, /112/],
  "again.concern": [/\b113\b/, /0900-0767|088-0767000/],
  cannotCall: [/\b113\b/, /0800-0113/, /113\.nl/],
  whatHappens: [/\b113\b/, /0800-0113/],
  private: [/\b113\b/, /0800-0113/],
  thanks: [/\b113\b/, /0800-0113/, /112/],
};
/** Tiers whose last line offers a person ("Wilt u dat een sociaal werker …?"): left out when no person can be reached. */
const PERSON_LAST: ReadonlySet<string> = new Set(["suicide", "unsafe_home", "concern"]);
const INFO_REQUIRED: Record<CrisisTier, RegExp> = { acute: /112/, suicide: /0800-0113/, unsafe_home: /0800-2000/ };

/** Reads and validates `<knowledgeDir>/safety/replies.json`. */
export function loadSafetyReplies(knowledgeDir: string): SafetyRepliesData {
  const path = join(knowledgeDir, "safety", "replies.json");
  const data = readLexicon(path, safetyRepliesSchema);
  // The young texts carry the same numbers as the others.
  const all = [...Object.entries(data.languages), ...Object.entries(data.young).map(([l, t]) => [`${l}-young`, t] as const)];
  for (const [lang, texts] of all) {
    /** Throws unless `lines` carry every number of `patterns`; `where` is the field, below `languages.<lang>`. */
    const requireNumbers = (where: string, lines: string[], patterns: RegExp[]) => {
      const missing = patterns.find((p) => !p.test(lines.join("\n")));
      if (missing) throw new Error(`Safety replies ${path} is invalid at "languages.${lang}.${where}": it must contain ${missing.source.replace(/\\b|\\/g, "")}`);
    };
    for (const [tier, patterns] of Object.entries(REQUIRED) as Array<[keyof typeof REQUIRED, RegExp[]]>) {
      // Without its last line (the offer of a person) the text must still carry its numbers.
      requireNumbers(tier, PERSON_LAST.has(tier) ? texts[tier].slice(0, -1) : texts[tier], patterns);
    }
    for (const [key, patterns] of Object.entries(FOLLOW_UP_REQUIRED)) {
      const [kind, tier] = key.split(".") as [keyof typeof texts.followUp, keyof typeof texts.followUp.again | undefined];
      requireNumbers(`followUp.${key}`, tier ? texts.followUp.again[tier] : (texts.followUp[kind] as string[]), patterns);
      // A second wording, where there is one, carries the numbers of the first.
      const second = tier ? texts.followUp.again2[tier] : undefined;
      if (second) requireNumbers(`followUp.again2.${tier}`, second, patterns);
    }
    for (const tier of Object.keys(INFO_REQUIRED) as CrisisTier[]) {
      for (const part of ["information", "also"] as const) {
        if (!INFO_REQUIRED[tier].test(texts[part][tier])) {
          throw new Error(`Safety replies ${path} is invalid at "languages.${lang}.${part}.${tier}": it must contain ${INFO_REQUIRED[tier].source}`);
        }
      }
    }
  }
  return data;
}

const CRISIS_TIERS: CrisisTier[] = ["acute", "suicide", "unsafe_home"];

/** The texts as a {@link SafetyReplies}: `reply(tier, language, also)`. */
export function createSafetyReplies(data: SafetyRepliesData): SafetyReplies {
  /** `nl` or, for a resident known to be under 18, `nl-young` (the texts of `young`, where the language has them). */
  function texts(language: string) {
    const [first, register] = language.toLowerCase().split(/[-_]/);
    const code = data.aliases[first ?? "nl"] ?? first ?? "nl";
    if (register === "young" && data.young[code]) return data.young[code]!;
    return data.languages[code] ?? data.languages.nl!;
  }
  return {
    reply(tier, language, also = [], options = {}) {
      const t = texts(language);
      if (tier === "information") {
        const topics = CRISIS_TIERS.filter((c) => also.includes(c));
        return (topics.length > 0 ? topics : ["acute" as const]).map((c) => t.information[c]).join("\n\n");
      }
      const extra = CRISIS_TIERS.filter((c) => c !== tier && also.includes(c)).map((c) => t.also[c]);
      // No person to reach: the closing "Wilt u dat een sociaal werker …?" is left out (the contact follows).
      const lines = PERSON_LAST.has(tier) ? t[tier].slice(0, -1) : t[tier];
      if (options.part === "opening") return lines[0]!;
      if (options.part === "talk") return lines.slice(1).join("\n\n");
      const person = PERSON_LAST.has(tier) && options.person !== false ? t[tier].slice(-1) : [];
      // The heavy-feelings reply offers something that fits before the person: places to meet people by default.
      const offer = tier === "concern" && options.offer !== "none" ? [t.concernOffers[options.offer ?? "meet"]] : [];
      const body = [...lines, ...offer, ...person];
      // The first line carries the deciding number; the other crises' numbers follow it, before the rest.
      return [body[0]!, ...extra, ...body.slice(1)].join("\n\n");
    },
    followUp(kind, language, tier = "suicide") {
      const f = texts(language).followUp;
      // No second wording for this tier: the first one (the caller then says something else).
      // (`again2` falls back to `again`; the caller compares them.)
      const lines = kind === "again" ? f.again[tier] : kind === "again2" ? (f.again2[tier] ?? f.again[tier]) : f[kind];
      return lines.join("\n\n");
    },
    languages: () => Object.keys(data.languages),
  };
}
