/**
 * Conversation cues kept as data (`knowledge/conversation/cues.json`): a typed yes, no or "weet ik
 * niet" to the question the bot just asked, a bare request for help, and something heavy the person shares
 * while asking (so the answer can start with one line of empathy).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { AgeBand, CrisisFollowUp, DialogueCues } from "../core/ports.js";
import { createPhraseMatcher, type PhraseMatcher } from "../safety/phrase-matcher.js";
import { foldText, isBreak, tokenise } from "../safety/normalise.js";
import { chatSentences } from "../text/chat-sentences.js";

const cuesFile = z.object({
  yes: z.array(z.string().min(1)),
  no: z.array(z.string().min(1)),
  dontKnow: z.array(z.string().min(1)).default([]),
  filler: z.array(z.string().min(1)),
  help: z.array(z.string().min(1)),
  empathy: z.array(
    z.object({
      id: z.string().min(1),
      phrases: z.array(z.string().min(1)).min(1),
      /** The wegwijzer topic that speaks to it ("eenzaamheid"), for a message that tells it and asks nothing. */
      topic: z.string().min(1).optional(),
    }),
  ),
  /** Someone who cares for another ("ik zorg voor mijn man", "mantelzorger", "I care for my mum"), in any language. */
  carer: z.array(z.string().min(1)).default([]),
  crisisAnswer: z
    .object({
      yes: z.array(z.string().min(1)),
      no: z.array(z.string().min(1)),
      unsure: z.array(z.string().min(1)),
      /** How-often words: a yes only in a short answer or beside an `aboutIt` word. */
      often: z.array(z.string().min(1)).default([]),
      aboutIt: z.array(z.string().min(1)).default([]),
      /** Words about harming oneself: a "no" with one of them ("nee, ik zou mezelf niets aandoen") answers the question also later. */
      self: z.array(z.string().min(1)).default([]),
      /** Taking up an offer ("ja graag", "doe maar"): a yes to the offer, not to the question about death. */
      acceptOffer: z.array(z.string().min(1)).default([]),
      /** Words that end an answer's opening and start what else the person says ("nee, maar …"). */
      but: z.array(z.string().min(1)).default([]),
    })
    .optional(),
  /** "geen gevaar", "acil değil", "ما في خطر": the person says the alarm was not needed. */
  noDanger: z.array(z.string().min(1)).default([]),
  /**
   * "ik vraag alleen of …", "waarom begin je over zelfmoord?": the reply before misread the message. `complaint`
   * sentences are left out of what is answered, `lead` words are taken off it, `sorry` is said first (by language).
   */
  misread: z
    .object({ complaint: z.array(z.string().min(1)), lead: z.array(z.string().min(1)), sorry: z.record(z.string(), z.string().min(1)) })
    .optional(),
  crisisFollowUp: z
    .object({
      cannotCall: z.array(z.string().min(1)),
      whatHappens: z.array(z.string().min(1)),
      private: z.array(z.string().min(1)),
      thanks: z.array(z.string().min(1)),
    })
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
      /** Said to a known minor who gives their age right after a heavy-feelings or crisis reply (Dutch). */
      afterAge: z.string().min(1).optional(),
      /** As `afterAge`, right after the reply for someone unsafe at home: De Kindertelefoon, Veilig Thuis and 112. */
      afterAgeUnsafe: z.string().min(1).optional(),
      /** Who to talk to when no person is behind this channel, for a young person (Dutch): not the gemeente's number. */
      noHandoff: z.string().min(1).optional(),
      /** The question how to help, in "je", for a known minor (Dutch). */
      howToHelp: z.string().min(1).optional(),
    })
    .optional(),
  confidential: z
    .object({
      phrases: z.array(z.string().min(1)).min(1),
      replies: z.record(z.string(), z.object({ young: z.string().min(1), adult: z.string().min(1) })).refine((r) => "nl" in r, "needs nl"),
    })
    .optional(),
});

/**
 * "ik ben 13", "ben bijna 15", "I'm 16", "14 jaar", "ik ben 82": an age the person states of themselves.
 * Not a number of minutes, euros or times, and not "ik ben 10 jaar getrouwd" (how long something lasts).
 */
const NOT_AN_AGE = "(?!\\s*(?:uur|euro|keer|min|minuten|dagen|weken|maanden|hours|minutes|days|weeks|months|times|procent|kilo|kg|km|cm|jan|januari|feb|februari|maart|april|apr|mei|juni|juli|aug|augustus|sep|sept|september|okt|oktober|nov|november|dec|december|january|february|march|may|june|july|august|october))";
const A_DURATION = "(?!\\s*(?:jaar|jr|years?)\\s+(?:getrouwd|samen|bezig|ziek|werkloos|mantelzorger|lid|weduwe|weduwnaar|gescheiden|in|aan|hier|daar|met|op|bij|niet|thuis|zonder|married|here|at|with|together))";
/**
 * A first name between "ik ben" and the age ("hoi ik ben lotte 16", "i am sam 15"): one word that is no
 * preposition, article or time word, so "ik ben om 16 uur thuis" and "ik ben met 16 mensen" say no age.
 */
const A_NAME = "(?:(?!(?:sinds|om|op|met|in|rond|tot|voor|na|vanaf|over|bij|de|het|een|nu|er|al|bijna|net|pas|almost|nearly|just|at|with|in|on|since|the|a|an|for|about|around|over|under|maar|nog|ook|dan|zo|heel|echt|wel|niet|geen|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|morgen|vandaag|gisteren|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today)\\s)[a-z\\u00e0-\\u00ff]{2,}\\s+)?";
const STATED_AGE = new RegExp(
  `\\b(?:(?:ik ben|ben|ik word|word|im|i am|iam)\\s+${A_NAME}(?:al\\s+|bijna\\s+|net\\s+|pas\\s+|almost\\s+|nearly\\s+|just\\s+)?(\\d{1,2})${NOT_AN_AGE}${A_DURATION}\\b|(\\d{1,2})${A_DURATION}\\s*(?:jaar|jr|years? old|yo)\\b)`,
);

/** Words before "14 jaar" that make it someone else's age ("mijn dochter is 14 jaar", "een jongen van 15 jaar"). */
const SOMEONE_ELSE = new Set(["zoon", "dochter", "kind", "kinderen", "kleinzoon", "kleindochter", "broer", "zus", "broertje", "zusje", "neef", "nicht", "vriend", "vriendin", "jongen", "meisje", "hij", "zij", "ze", "is", "van", "son", "daughter", "child", "kid", "brother", "sister", "he", "she", "boy", "girl", "of"]);

/** The age band of an age the person states of themselves: 8 to 17 "minor", 18 and up "adult"; the number is not kept. */
export function statedAgeBand(folded: string): AgeBand | undefined {
  const m = STATED_AGE.exec(folded);
  if (!m) return undefined;
  if (m[1] === undefined) {
    const before = folded.slice(0, m.index).split(/\s+/).filter(Boolean).slice(-3);
    if (before.some((w) => SOMEONE_ELSE.has(w))) return undefined;
  }
  const age = Number(m[1] ?? m[2]);
  return age >= 8 && age <= 17 ? "minor" : age >= 18 && age <= 99 ? "adult" : undefined;
}

/** A longer message is more than an answer to the question: it is read as a message of its own. */
const CRISIS_ANSWER_MAX_WORDS = 12;
/** The opening of a longer message that can be an answer on its own ("nee dat niet", "ja soms"). */
const ANSWER_LEAD_MAX_WORDS = 5;
/** What follows such an opening is a message of its own from this many words ("nee, maar waar is dat?"). */
const LEAD_REST_MIN_WORDS = 3;
/** A how-often word alone ("soms wel", "ja elke dag") answers the question; in a longer message it must say what of. */
const OFTEN_MAX_WORDS = 4;

/** A follow-up about the crisis numbers is a short message; a longer one is read as a message of its own. */
const CRISIS_FOLLOW_UP_MAX_WORDS = 20;
/** Thanks only in a message that says little else ("ok dank je, ik bel ze"). */
const THANKS_MAX_WORDS = 8;
/** The first of these found decides: a worry about calling outweighs a thanks beside it. */
const FOLLOW_UP_ORDER: CrisisFollowUp[] = ["cannotCall", "private", "whatHappens", "thanks"];

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
  /** Whether one of these phrases is in the message; `negations: false` where a "niet" is part of the cue itself. */
  const anyPhrase = (patterns: readonly string[] | undefined, { negations = true } = {}) => {
    const matcher = createPhraseMatcher((patterns ?? []).map((pattern) => ({ pattern, tag: "hit" })), negations ? matcherOptions : { ...matcherOptions, blockers: [] });
    return (tokens: string[]) => matcher.match(tokens).length > 0;
  };
  const youthSigns = anyPhrase(raw.youth?.signs);
  const youthTroubles = anyPhrase(raw.youth?.troubles);
  const parentWords = anyPhrase(raw.youth?.parentWords, { negations: false });

  const carer = anyPhrase(raw.carer);
  // No negation blockers: "zeg het niet tegen mijn ouders", "nikt nie może wiedzieć" are the request itself.
  const confidential = anyPhrase(raw.confidential?.phrases, { negations: false });
  const isYoung = (tokens: string[], band: AgeBand | undefined) => band === "minor" || (band !== "adult" && youthSigns(tokens));

  // No negation blockers here: "nee, niet echt" is the answer itself.
  const crisisAnswers: PhraseMatcher<"yes" | "no" | "unsure" | "often" | "aboutIt"> = createPhraseMatcher(
    (["unsure", "yes", "no", "often", "aboutIt"] as const).flatMap((tag) => (raw.crisisAnswer?.[tag] ?? []).map((pattern) => ({ pattern, tag }))),
    { ...matcherOptions, blockers: [] },
  );

  // No negation blockers: "ik durf niet te bellen" is the cue itself.
  const crisisFollowUps: PhraseMatcher<CrisisFollowUp> = createPhraseMatcher(
    FOLLOW_UP_ORDER.flatMap((tag) => (raw.crisisFollowUp?.[tag] ?? []).map((pattern) => ({ pattern, tag }))),
    { ...matcherOptions, blockers: [] },
  );

  const selfWords = anyPhrase(raw.crisisAnswer?.self, { negations: false });
  const noDanger = anyPhrase(raw.noDanger, { negations: false });
  const but = new Set((raw.crisisAnswer?.but ?? []).map(foldText));
  const acceptOffer = anyPhrase(raw.crisisAnswer?.acceptOffer, { negations: false });

  /** What the words say to "Denkt u erover …?": yes, no or unsure, or nothing. */
  function answerOf(tokens: string[], words: number): "yes" | "no" | "unsure" | undefined {
    const tags = new Set<string>(crisisAnswers.match(tokens).map((h) => h.tag));
    // "soms", "elke dag": an answer when that is about all the message says, or it says what of ("ik denk er
    // elke dag aan"); "thuis is er elke dag ruzie" is a message of its own.
    if (tags.has("often") && (words <= OFTEN_MAX_WORDS || tags.has("aboutIt"))) tags.add("yes");
    // "weet niet", then the safe side: a yes, also beside a no ("nee, soms wel").
    return tags.has("unsure") ? "unsure" : tags.has("yes") ? "yes" : tags.has("no") ? "no" : undefined;
  }

  return {
    crisisFollowUp(text) {
      const tokens = tokenise(text.slice(0, 400));
      const words = tokens.filter((t) => !isBreak(t)).length;
      if (words === 0 || words > CRISIS_FOLLOW_UP_MAX_WORDS) return undefined;
      const tags = new Set(crisisFollowUps.match(tokens).map((h) => h.tag));
      const found = FOLLOW_UP_ORDER.find((tag) => tags.has(tag));
      return found === "thanks" && words > THANKS_MAX_WORDS ? undefined : found;
    },
    misread(text) {
      if (!raw.misread) return undefined;
      const { complaint, lead } = raw.misread;
      // Sentences keep their question marks: what is left is answered as the question it is.
      const sentences = chatSentences(foldText(text.slice(0, 2000))).map((s) => ` ${s.replace(/\s+/g, " ")} `);
      const bare = (s: string) => ` ${s.replace(/[.,;:?!؟،]+/g, " ").replace(/\s+/g, " ").trim()} `;
      const has = (s: string, phrases: string[]) => phrases.some((p) => bare(s).includes(` ${foldText(p)} `));
      let found = false;
      let complained = false;
      const kept: string[] = [];
      for (const sentence of sentences) {
        if (has(sentence, complaint)) {
          found = complained = true;
          // "waarom zeg je dat, ik wil echt dood": only the clause that complains goes; the rest is heard.
          const clauses = sentence.split(/[,;]/).filter((c) => !has(c, complaint) && c.trim() !== "");
          if (clauses.length > 0) kept.push(clauses.join(",").trim());
          continue;
        }
        let rest = sentence.replace(/([.,;:?!؟،])/g, " $1 ");
        for (const p of lead) {
          const at = rest.indexOf(` ${foldText(p)} `);
          if (at >= 0) {
            found = true;
            rest = `${rest.slice(0, at)} ${rest.slice(at + foldText(p).length + 2)}`;
          }
        }
        const tidy = rest.replace(/\s+/g, " ").replace(/ ([.,;:?!؟،])/g, "$1").replace(/^[\s.,;:]+/, "");
        kept.push(tidy.replace(/^\s*(?:of|dat|naar|he|hè|nou|gewoon|alleen|about|if|whether)\s+/u, " ").trim());
      }
      if (!found) return undefined;
      return { rest: kept.filter(Boolean).join(" "), sorry: raw.misread.sorry, complaint: complained };
    },
    crisisAnswer(text) {
      // "kost het geld, ja of nee?" asks; it answers nothing.
      if (/\b(?:ja of nee|ja\/nee|yes or no|wel of niet)\b/i.test(text)) return undefined;
      const tokens = tokenise(text.slice(0, 400));
      const words = tokens.filter((t) => !isBreak(t)).length;
      if (words === 0 || words > CRISIS_ANSWER_MAX_WORDS) return undefined;
      return answerOf(tokens, words);
    },
    deniesSelfHarm(text) {
      const tokens = tokenise(text.slice(0, 400));
      return selfWords(tokens) && answerOf(tokens, tokens.filter((t) => !isBreak(t)).length) === "no";
    },
    saysNoDanger(text) {
      return noDanger(tokenise(text.slice(0, 400)));
    },
    acceptsOffer(text) {
      return acceptOffer(tokenise(text.slice(0, 400)));
    },
    crisisAnswerLead(text) {
      const tokens = tokenise(text.slice(0, 2000));
      // The opening ends at the first comma or full stop, or at a "but" word; it must be short.
      const end = tokens.findIndex((t, i) => i > 0 && (isBreak(t) || but.has(t)));
      // One word more when it opens with the answer itself ("nee zo bedoel ik het niet, …").
      const most = /^(?:nee|neen|ja|no|nope|nein|non|nie|hayir|hayır)$/.test(tokens[0] ?? "") ? ANSWER_LEAD_MAX_WORDS + 1 : ANSWER_LEAD_MAX_WORDS;
      if (end < 1 || end > most) return undefined;
      const lead = answerOf(tokens.slice(0, end), end);
      if (!lead) return undefined;
      let start = end;
      while (start < tokens.length && (isBreak(tokens[start]) || but.has(tokens[start]!))) start += 1;
      const rest = tokens.slice(start);
      // "nee, soms wel" is one answer: the message says more than that only in a few words of its own.
      if (rest.filter((t) => !isBreak(t)).length < LEAD_REST_MIN_WORDS) return undefined;
      // "nee, maar soms denk ik er wel aan": how often and what of, after the no, is a yes.
      const after = new Set<string>(crisisAnswers.match(rest).map((h) => h.tag));
      const answer = after.has("often") && after.has("aboutIt") ? "yes" : lead;
      return { answer, rest: rest.map((t) => (isBreak(t) ? "," : t)).join(" ").replace(/ ,/g, ",") };
    },
    soundsYoung(text) {
      const tokens = tokenise(text.slice(0, 2000));
      const band = statedAgeBand(tokens.join(" "));
      return band !== "adult" && youthSigns(tokens) && !parentWords(tokens);
    },
    youngText(kind) {
      return raw.youth?.[kind];
    },
    ageBand(text) {
      return statedAgeBand(tokenise(text.slice(0, 2000)).join(" "));
    },
    youthLine(text, heavy, known) {
      if (!raw.youth) return undefined;
      const tokens = tokenise(text.slice(0, 2000));
      const band = statedAgeBand(tokens.join(" ")) ?? known;
      // A known adult ("ik ben 82") never gets De Kindertelefoon; a known minor needs no other sign.
      if (!isYoung(tokens, band)) return undefined;
      if (!(heavy || youthTroubles(tokens))) return undefined;
      // A parent about their child: no age question to the writer, but the help for parents.
      if (band !== "minor" && parentWords(tokens)) return raw.youth.parentLine;
      // The resident said a young age (now or earlier): never ask what is known, and say "je".
      return band === "minor" && raw.youth.knownYoungLine ? raw.youth.knownYoungLine : raw.youth.line;
    },
    confidential(text, language, known) {
      if (!raw.confidential) return undefined;
      const tokens = tokenise(text.slice(0, 2000));
      if (!confidential(tokens)) return undefined;
      const band = statedAgeBand(tokens.join(" ")) ?? known;
      const replies = raw.confidential.replies[language ?? "nl"] ?? raw.confidential.replies.nl!;
      return isYoung(tokens, band) ? { young: true, text: replies.young } : { young: false, text: replies.adult };
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
    caresForSomeone(text) {
      return carer(tokenise(text.slice(0, 2000)));
    },
    empathyTopic(id) {
      return raw.empathy.find((e) => e.id === id)?.topic;
    },
  };
}
