import type { CrisisKind, SafetyAssessment, SafetyCheck } from "../core/ports.js";
import { loadSafetyLexicons, type SafetyLexicons } from "./lexicons.js";
import { BREAK, foldText, tokenise } from "./normalise.js";
import { createPhraseMatcher, type MatcherOptions, type PhraseHit, type PhraseMatcher } from "./phrase-matcher.js";

type NeedsPersonKind = NonNullable<SafetyAssessment["needsPerson"]>;
type SmalltalkKind = NonNullable<SafetyAssessment["smalltalk"]>;

/** Longer messages are judged on their beginning; the core already cuts input at 2,000 characters. */
const MAX_CHARS = 4000;
/** Words before a topic word that may negate it ("geen zelfmoord", "niet aan zelfmoord"). */
const NEGATION_WINDOW = 2;
/** "niet meer", "no more": a negation that strengthens distress instead of denying it. */
const INTENSIFIERS = new Set(["meer", "more", "anymore"]);

const NEEDS_PERSON_ORDER: NeedsPersonKind[] = ["eviction", "money", "debts", "care", "person_requested"];

/** A {@link SafetyCheck} that can also say which lexicon phrases it found (for tests and lexicon upkeep). */
export interface ExplainingSafetyCheck extends SafetyCheck {
  /** The lexicon patterns that counted, by lexicon, e.g. `{ crisis: ["ik|k wil|wou dood"] }`. */
  explain(text: string): Record<"crisis" | "needsPerson", string[]>;
}

/**
 * Crisis, needs-a-person, out-of-scope and small-talk detection from the lexicons in
 * `<knowledgeDir>/safety/`. Pure and fast: the lexicons are read and compiled once, here;
 * `assess` then does a few map lookups a word. Throws at creation when a lexicon is invalid.
 */
export function createSafetyCheck(knowledgeDir: string): ExplainingSafetyCheck {
  return createSafetyCheckFromLexicons(loadSafetyLexicons(knowledgeDir));
}

/** As {@link createSafetyCheck}, from lexicons already in memory (tests, tools). */
export function createSafetyCheckFromLexicons(lexicons: SafetyLexicons): ExplainingSafetyCheck {
  const crisis = compileSituation(lexicons.crisis);
  const needsPerson = compileSituation(lexicons.needsPerson);
  const scope = compileScope(lexicons.scope);
  const smalltalk = compileSmalltalk(lexicons.smalltalk);

  const check: ExplainingSafetyCheck = {
    assess(fullText) {
      const text = fullText.length > MAX_CHARS ? fullText.slice(0, MAX_CHARS) : fullText;
      const tokens = tokenise(text);
      if (tokens.length === 0) return {};
      const result: SafetyAssessment = {};
      const crisisKinds = crisis.detect(tokens);
      if (crisisKinds.size > 0) result.crisis = pickCrisis(crisisKinds);
      const needs = needsPerson.detect(tokens);
      const need = NEEDS_PERSON_ORDER.find((kind) => needs.has(kind));
      if (need) result.needsPerson = need;
      if (scope.isOutOfScope(text, tokens)) result.outOfScope = true;
      const talk = smalltalk.detect(tokens);
      if (talk) result.smalltalk = talk;
      return result;
    },
    explain(text) {
      const tokens = tokenise(text.slice(0, MAX_CHARS));
      return { crisis: crisis.explain(tokens), needsPerson: needsPerson.explain(tokens) };
    },
  };
  // The first call pays for compiling Unicode regular expressions and normalisation tables: pay it at
  // start, not on the first resident's message.
  check.assess("Hallo! Ik zoek hulp in de buurt, bijvoorbeeld een koffieochtend.");
  return check;
}

/**
 * Several kinds of crisis in one message (thoughts of suicide AND violence at home) get the
 * `danger` text, which carries every emergency number.
 */
function pickCrisis(kinds: Set<CrisisKind>): CrisisKind {
  const lines = new Set([...kinds].map((k) => (k === "self_harm" ? "suicide" : k)));
  if (lines.size > 1) return "danger";
  return kinds.has("suicide") ? "suicide" : [...kinds][0]!;
}

interface SituationLexicon<K extends string> {
  matching: Omit<MatcherOptions, "blockers" | "notFuzzy">;
  topicsNeedPersonal: boolean;
  negations: string[];
  except: string[];
  notFuzzy: string[];
  spellings: Record<string, string[]>;
  context: { informational: string[]; professional: string[]; personal: string[] };
  kinds: Record<K, { phrases: string[]; topics: string[] }>;
}

interface Tag<K> {
  kind: K;
  topic: boolean;
}

function compileSituation<K extends string>(lexicon: SituationLexicon<K>) {
  const options: MatcherOptions = {
    ...lexicon.matching,
    blockers: lexicon.negations,
    notFuzzy: lexicon.notFuzzy,
    spellings: lexicon.spellings,
  };
  const entries = (Object.entries(lexicon.kinds) as Array<[K, { phrases: string[]; topics: string[] }]>).flatMap(
    ([kind, { phrases, topics }]) => [
      ...phrases.map((pattern) => ({ pattern, tag: { kind, topic: false } })),
      ...topics.map((pattern) => ({ pattern, tag: { kind, topic: true } })),
    ],
  );
  const matcher: PhraseMatcher<Tag<K>> = createPhraseMatcher(entries, options);
  const context = createPhraseMatcher(
    [
      ...lexicon.context.informational.map((pattern) => ({ pattern, tag: "informational" as const })),
      ...lexicon.context.professional.map((pattern) => ({ pattern, tag: "professional" as const })),
      ...lexicon.context.personal.map((pattern) => ({ pattern, tag: "personal" as const })),
    ],
    { ...options, fuzzyMinLength: Math.max(options.fuzzyMinLength, 7), maxGap: 0 },
  );
  const negations = new Set(lexicon.negations.map(foldText));
  const exceptions = createPhraseMatcher(
    lexicon.except.map((pattern) => ({ pattern, tag: "except" })),
    options,
  );

  function negatedBefore(tokens: readonly string[], start: number): boolean {
    for (let i = start - 1; i >= Math.max(0, start - NEGATION_WINDOW); i--) {
      const token = tokens[i]!;
      if (token === BREAK) return false;
      if (negations.has(token) && !INTENSIFIERS.has(tokens[i + 1] ?? "")) return true;
    }
    return false;
  }

  return {
    /** Kinds found; topic words count only outside a policy, research or professional frame. */
    detect(tokens: readonly string[]): Set<K> {
      return new Set(countingHits(tokens).map((hit) => hit.tag.kind));
    },
    explain(tokens: readonly string[]): string[] {
      return countingHits(tokens).map((hit) => hit.pattern);
    },
  };

  function countingHits(tokens: readonly string[]): PhraseHit<Tag<K>>[] {
    const hits = matcher.match(tokens);
    if (hits.length === 0) return hits;
    const cancelled = exceptions.match(tokens);
    let frame: Set<string> | undefined;
    return hits.filter((hit) => {
      if (cancelled.some((c) => c.start < hit.end && hit.start < c.end)) return false;
      if (!hit.tag.topic) return true;
      frame ??= new Set(context.match(tokens).map((h) => h.tag));
      if (frame.has("professional")) return false;
      if (!frame.has("personal") && (frame.has("informational") || lexicon.topicsNeedPersonal)) return false;
      return !negatedBefore(tokens, hit.start);
    });
  }
}

function compileScope(lexicon: SafetyLexicons["scope"]) {
  const options: MatcherOptions = { ...lexicon.matching, blockers: [], notFuzzy: lexicon.notFuzzy };
  const offTopic = createPhraseMatcher(
    Object.entries(lexicon.offTopic).flatMap(([subject, list]) => list.map((pattern) => ({ pattern, tag: subject }))),
    options,
  );
  const inScope = createPhraseMatcher(
    lexicon.inScope.map((pattern) => ({ pattern, tag: "in_scope" })),
    options,
  );
  const patterns = lexicon.offTopicPatterns.map((source) => new RegExp(source, "iu"));
  return {
    /** Clearly off-topic: an off-topic subject and not a single word that ties it to the sociale basis. */
    isOutOfScope(text: string, tokens: readonly string[]): boolean {
      const lower = text.toLowerCase().trim();
      const off = offTopic.match(tokens).length > 0 || patterns.some((p) => p.test(lower));
      return off && inScope.match(tokens).length === 0;
    },
  };
}

function compileSmalltalk(lexicon: SafetyLexicons["smalltalk"]) {
  const options: MatcherOptions = { ...lexicon.matching, blockers: [], notFuzzy: lexicon.notFuzzy };
  const matcher = createPhraseMatcher<SmalltalkKind | "filler">(
    [
      ...(Object.entries(lexicon.kinds) as Array<[SmalltalkKind, string[]]>).flatMap(([kind, list]) =>
        list.map((pattern) => ({ pattern, tag: kind })),
      ),
      ...lexicon.filler.map((pattern) => ({ pattern, tag: "filler" as const })),
    ],
    { ...options, maxGap: 0, wideGap: 0 },
  );
  return {
    /** Small talk only when the message is nothing else: every word is part of a greeting, thanks … */
    detect(tokens: readonly string[]): SmalltalkKind | undefined {
      const hits: PhraseHit<SmalltalkKind | "filler">[] = matcher.match(tokens);
      const covered = new Array<boolean>(tokens.length).fill(false);
      for (const hit of hits) for (let i = hit.start; i < hit.end; i++) covered[i] = true;
      if (tokens.some((token, i) => token !== BREAK && !covered[i])) return undefined;
      const kinds = new Set(hits.map((h) => h.tag));
      return lexicon.priority.find((kind) => kinds.has(kind));
    },
  };
}
