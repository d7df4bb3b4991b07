import { crisisTier, type CrisisKind, type SafetyAssessment, type SafetyCheck } from "../core/ports.js";
import { expandConcepts, loadSafetyLexicons, withLanguages, type BroadNetLexicon, type PhraseList, type SafetyLexicons } from "./lexicons.js";
import { foldText, isBreak, tokenise } from "./normalise.js";
import { createPhraseMatcher, foldChatWords, type MatcherOptions, type PhraseHit, type PhraseMatcher } from "./phrase-matcher.js";
import { createSafetyReplies, loadSafetyReplies } from "./replies.js";
import { openSafetyClassifier, type ClassifierStoreOptions } from "./classifier-store.js";
import type { ClassifierVerdict, SafetyClassifier } from "./safety-classifier.js";
import { sameScript, scriptLanguage } from "./script-language.js";
import type { SituationVerdict } from "./situation-reader.js";

type NeedsPersonKind = NonNullable<SafetyAssessment["needsPerson"]>;
type SmalltalkKind = NonNullable<SafetyAssessment["smalltalk"]>;

/** Longer messages are judged on their beginning; the core already cuts input at 2,000 characters. */
const MAX_CHARS = 4000;
/** A question shorter than this gets no 112 on the classifier's word alone (the lists still decide). */
const SHORT_QUESTION_WORDS = 6;
/**
 * A message shorter than this gets no concern reply on the classifier's word alone: "ik ben 15" says an age,
 * not a feeling (the concern lists still read "ik ben eenzaam").
 */
const SHORT_CONCERN_WORDS = 4;
/** An opening (a greeting and who one is) is at most this many words. */
const OPENING_WORDS = 10;
/** A repair of the conversation ("dat zei ik toch al, Zeist") is short; a longer message says more. */
const REPAIR_MAX_WORDS = 10;
/** Words beside the repair that may stand for what was said again (a place: "in de bilt"). */
const REPAIR_REST_WORDS = 3;
/**
 * An emergency (112) whose words the classifier also reads as a suicidal signal at least this likely
 * ("he pensado en tirarme del balcón esta noche", "40 pillen geslikt"): the 112 reply also gives 113.
 */
const SUICIDE_BESIDE_ACUTE = 0.2;
/** Words before a topic word that may negate it ("geen zelfmoord", "niet aan zelfmoord"). */
const NEGATION_WINDOW = 2;
/** "niet meer", "no more": a negation that strengthens distress instead of denying it. */
const INTENSIFIERS = new Set(["meer", "more", "anymore"]);

const NEEDS_PERSON_ORDER: NeedsPersonKind[] = ["eviction", "rent", "money", "debts", "care", "person_requested"];
/** Acute danger first (112), then suicidal signals (113), then unsafe at home (Veilig Thuis). */
const CRISIS_ORDER: CrisisKind[] = ["danger", "suicide", "self_harm", "violence"];
/** The crisis kind a classifier tier stands for. */
const CLASSIFIER_KINDS: Record<"acute" | "suicide" | "unsafe_home", CrisisKind> = { acute: "danger", suicide: "suicide", unsafe_home: "violence" };

/** A {@link SafetyCheck} that can also say which lexicon phrases it found (for tests and lexicon upkeep). */
export interface ExplainingSafetyCheck extends SafetyCheck {
  reply: NonNullable<SafetyCheck["reply"]>;
  /** The lexicon patterns that counted, by lexicon, e.g. `{ crisis: ["ik|k wil|wou dood"] }`. */
  explain(text: string): Record<"crisis" | "concern" | "information" | "needsPerson", string[]>;
  /** What the statistical net alone says about a message (tier, language, class probabilities). */
  classify(text: string): ClassifierVerdict | undefined;
  /** What the situation reader alone says about a message (`situation-reader.ts`). */
  readSituation(text: string): SituationVerdict | undefined;
}

/** The chat-word fold of `chat-words.json` as a map of folded words. */
export function chatWordMap(chatWords: Record<string, string> | undefined): Map<string, string> {
  return new Map(Object.entries(chatWords ?? {}).map(([from, to]) => [foldText(from), foldText(to)]));
}

/**
 * Crisis, concern, needs-a-person, out-of-scope and small-talk detection from the lexicons in
 * `<knowledgeDir>/safety/`, with the safety replies of `replies.json`. Pure and fast: the lexicons are
 * read and compiled once, here; `assess` then does a few map lookups a word. Throws at creation when a
 * lexicon is invalid.
 */
export function createSafetyCheck(knowledgeDir: string, model: ClassifierStoreOptions = {}): ExplainingSafetyCheck {
  const lexicons = loadSafetyLexicons(knowledgeDir);
  // The trained classifier is read from `model.dir` when current; without a dir it is trained in memory.
  const classifier = openSafetyClassifier(knowledgeDir, chatWordMap(lexicons.chatWords), model);
  const replies = createSafetyReplies(loadSafetyReplies(knowledgeDir));
  return Object.assign(createSafetyCheckFromLexicons(lexicons, replies.reply, classifier), { followUp: replies.followUp });
}

/**
 * As {@link createSafetyCheck}, from lexicons (and replies) already in memory (tests, tools). Without a
 * `classifier` only the phrase lists decide.
 */
export function createSafetyCheckFromLexicons(
  lexicons: SafetyLexicons,
  reply: ExplainingSafetyCheck["reply"] = () => "",
  classifier?: SafetyClassifier,
): ExplainingSafetyCheck {
  const chatWords = chatWordMap(lexicons.chatWords);
  const crisis = compileSituation(lexicons.crisis, chatWords, { reportFirst: true });
  const concern = compileSituation(lexicons.concern, chatWords);
  const needsPerson = compileSituation(lexicons.needsPerson, chatWords);
  const scope = compileScope(lexicons.scope, chatWords);
  const smalltalk = compileSmalltalk(lexicons.smalltalk, chatWords);
  const broadNet = lexicons.broadNet ? compileBroadNet(lexicons.broadNet, lexicons, chatWords) : undefined;
  const read = (text: string) => foldChatWords(tokenise(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text), chatWords);

  const check: ExplainingSafetyCheck = {
    reply,
    assess(fullText) {
      const text = fullText.length > MAX_CHARS ? fullText.slice(0, MAX_CHARS) : fullText;
      const tokens = read(text);
      if (tokens.length === 0) return {};
      const result: SafetyAssessment = {};
      const talk = smalltalk.read(tokens);
      // The classifier's reading, once per message (the nets below and the 113 line beside 112 both use it).
      let judged: ClassifierVerdict | undefined;
      const judge = () => (judged ??= classifier?.judge(tokens));
      const found = crisis.detect(tokens);
      const kinds = CRISIS_ORDER.filter((kind) => found.kinds.has(kind));
      if (kinds.length > 0) {
        result.crisis = kinds[0]!;
        result.crisisKinds = kinds;
        result.language = found.language.get(kinds[0]!);
      } else if (found.information.size > 0) {
        const about = CRISIS_ORDER.filter((kind) => found.information.has(kind));
        result.information = [...new Set(about.map(crisisTier))];
        result.language = found.language.get(about[0]!);
      } else {
        const heavy = concern.detect(tokens);
        if (heavy.kinds.size > 0) {
          result.concern = true;
          result.language = heavy.language.get("concern");
        }
        // The second net: wordings no phrase was written for. Graduated: a sure signal gets its crisis tier,
        // a likely one the concern reply (warmth and a line with 113).
        // A message that is only small talk or a bare answer ("bardzo dziękuję pani", "weet ik niet") is no signal for a guess.
        // Nor a repair of the conversation ("ik heb toch net gezegd zeist"): its words are no feeling.
        let verdict = talk.chatOnly || talk.repair ? undefined : judge();
        // "ik heb nooit aan zelfdoding gedacht": what the lists read as denied, the classifier does not escalate.
        // An emergency only when it was a danger phrase that was denied ("de brand is geblust", "gisteren brand").
        const denied = verdict?.tier === "suicide" || verdict?.tier === "unsafe_home" || verdict?.tier === "acute" ? crisis.denied(tokens) : undefined;
        if (denied && (verdict?.tier === "acute" ? denied.has("danger") : denied.size > 0)) verdict = undefined;
        // "بقدر جيب بنتي الصغيرة؟" (can I bring my little daughter?): a short question is no emergency on the
        // classifier's word alone; one said in a few words is in words the lists know ("ademt hij nog?").
        const words = tokens.filter((t) => !isBreak(t)).length;
        if (verdict?.tier === "acute" && words < SHORT_QUESTION_WORDS && /[?؟]\s*$/.test(text)) verdict = undefined;
        // "is die hulp gratis": a short question is no question about emergencies on the classifier's word
        // alone either (the lists know "wat doe je bij een hartaanval?").
        if (verdict?.tier === "information" && verdict.topic === "acute" && words < SHORT_QUESTION_WORDS) verdict = { classification: verdict.classification };
        // "ik kom de trap niet meer op", "ik kan niet goed lezen": what the concern lists read as an ordinary use
        // of heavy words (an `except` phrase), the classifier does not raise to the concern reply.
        const excused = () => concern.excused(tokens) || crisis.excused(tokens);
        if (verdict?.tier === "concern" && !result.concern && excused()) verdict = undefined;
        if ((verdict?.tier === "concern" || verdict?.unsure) && words < SHORT_CONCERN_WORDS) verdict = { classification: verdict.classification };
        if (verdict?.tier === "concern") {
          if (!result.concern) result.concernGuessed = true;
          result.concern = true;
        } else if (verdict?.tier === "information") {
          // A question about these topics: the numbers of its topic, no alarm and no concern reply. A heavy
          // feeling the concern lists found (outside any question, as they read it) keeps the concern reply.
          if (!result.concern) result.information = [verdict.topic ?? "suicide"];
        } else if (verdict?.tier && !(result.concern && (verdict.tier === "unsafe_home" || verdict.tier === "acute"))) {
          // (A heavy feeling the concern lists found, "sinto-me muito sozinha", is not raised to violence or an
          // emergency on the classifier's word alone: only to the suicide tier.)
          const kind = CLASSIFIER_KINDS[verdict.tier];
          result.crisis = kind;
          result.crisisKinds = [kind];
          result.guessed = true;
          delete result.language;
          delete result.concern;
        }
        // The last net: a strong death or ending concept that nothing above placed still gets the concern
        // reply (warmth, De Luisterlijn, the direct question and 113).
        if (!result.crisis && !result.information && !result.concern && verdict?.tier === undefined && !talk.chatOnly && !talk.repair) {
          const lang = broadNet?.detect(tokens);
          if (lang) {
            result.concern = true;
            result.language = lang;
          }
        }
        // A weaker sign the nets are not sure of: the concern reply only if the message gets no real answer.
        // Only in a message about the writer or someone close: "welk mes snijdt uien het best" is no sign.
        const aboutSelf = () => scriptLanguage(text) !== undefined || (broadNet?.aboutSelf(text, tokens) ?? true);
        // Nor in an opening ("مرحبا انا امال من سوريا وصلت جديد"): that gets a greeting back. A longer message
        // that starts with a greeting says more ("Goedemiddag. Mijn man is overleden en ik zie niet in …").
        // One heavy sentence beside a question counts too, once the lists have read it on its own: "ze zegt
        // dat ze nog lang niet dood is" is a denial, not a sign.
        const heavySentence = () =>
          (classifier?.heavySentences(tokens) ?? []).some((s) => crisis.denied(s).size === 0 && !concern.excused(s) && !crisis.excused(s));
        const weakSign = () => verdict?.unsure === true || (verdict !== undefined && verdict.tier === undefined && heavySentence());
        const opening = talk.opensWithGreeting && words <= OPENING_WORDS;
        // The third net: a longer message read as one situation, by a model trained on whole messages as
        // residents write them (a farewell, an arrangement, a means, told in ordinary sentences). Not when the
        // lists read a denial or an ordinary use of heavy words, nor in small talk or a repair.
        // Read only when its reading can count: a guessed suicidal tier to check, or nothing placed yet.
        const needed = (result.guessed && result.crisis === "suicide") || (!result.crisis && !result.information);
        const read = needed && !talk.chatOnly && !talk.repair ? classifier?.situation?.read(tokens) : undefined;
        // A suicidal signal only the sentence classifier guessed, in a message the reader reads as a whole and
        // finds no signal in ("het is half 2, ik was en kleed mijn man, hij herkent me niet meer, ik ben op"):
        // the concern reply (warmth, De Luisterlijn, the direct question and 113), not the alarm.
        if (result.guessed && result.crisis === "suicide" && read?.read && read.tier === undefined) {
          delete result.crisis;
          delete result.crisisKinds;
          delete result.guessed;
          result.concern = true;
          result.concernGuessed = true;
        }
        const situation = !result.crisis && !result.information ? read?.tier : undefined;
        if (situation && crisis.denied(tokens).size === 0 && !excused()) {
          if (situation === "unanswered") {
            // The weaker sign, on the same terms as the classifier's below: not in an opening, only about the writer or someone close.
            if (!result.concern && !opening && aboutSelf()) result.concernIfUnanswered = true;
          } else if (situation === "concern") {
            if (!result.concern) result.concernGuessed = true;
            result.concern = true;
          } else {
            const kind = situation === "suicide" ? "suicide" : "violence";
            result.crisis = kind;
            result.crisisKinds = [kind];
            result.guessed = true;
            delete result.language;
            delete result.concern;
            delete result.concernGuessed;
          }
        }
        if (!result.crisis && !result.information && !result.concern && weakSign() && !opening && !excused() && aboutSelf()) {
          result.concernIfUnanswered = true;
        }
      }
      // An emergency that may be a suicide attempt or plan: 113 beside 112 (the lists or the classifier).
      if (result.crisis === "danger" && !result.crisisKinds?.some((kind) => crisisTier(kind) === "suicide")) {
        const likely = judge()?.classification.p("suicide") ?? 0;
        if (likely >= SUICIDE_BESIDE_ACUTE) result.crisisKinds = [...(result.crisisKinds ?? ["danger"]), "suicide"];
      }
      // A Latin-script name ("Veilig Thuis") in an Arabic message: the script says more than the phrase.
      const script = result.language !== undefined || result.crisis || result.concern || result.information ? scriptLanguage(text) : undefined;
      if (script && (result.language === undefined || !sameScript(result.language, script))) result.language = script;
      if (result.language === undefined) delete result.language;
      const needs = needsPerson.detect(tokens).kinds;
      const need = NEEDS_PERSON_ORDER.find((kind) => needs.has(kind));
      if (need) result.needsPerson = need;
      if (scope.isOutOfScope(text, tokens)) result.outOfScope = true;
      if (talk.kind) result.smalltalk = talk.kind;
      else if (talk.opensWithGreeting) result.greets = true;
      if (!talk.kind && talk.thanksBeside) result.thanksBeside = true;
      return result;
    },
    classify(text) {
      return classifier?.judge(read(text));
    },
    readSituation(text) {
      return classifier?.situation?.read(read(text));
    },
    explain(text) {
      const tokens = read(text);
      const hits = crisis.hits(tokens);
      return {
        crisis: hits.filter((h) => !h.information).map((h) => h.tag.source),
        information: hits.filter((h) => h.information).map((h) => h.tag.source),
        concern: concern.hits(tokens).map((h) => h.tag.source),
        needsPerson: needsPerson.hits(tokens).map((h) => h.tag.source),
      };
    },
  };
  // The first call pays for compiling Unicode regular expressions and normalisation tables: pay it at
  // start, not on the first resident's message.
  check.assess("Hallo! Ik zoek hulp in de buurt, bijvoorbeeld een koffieochtend.");
  return check;
}

interface SituationLexicon<K extends string> {
  matching: Omit<MatcherOptions, "blockers" | "notFuzzy">;
  topicsNeedPersonal: boolean;
  negations: string[];
  except: PhraseList;
  concepts: Record<string, string[]>;
  notFuzzy: string[];
  spellings: Record<string, string[]>;
  soundAlike: string[];
  context: { informational: string[]; professional: string[]; personal: string[]; question: PhraseList };
  kinds: Record<K, { phrases: PhraseList; topics: PhraseList; informationOnly: PhraseList; methods?: PhraseList }>;
}

interface Tag<K> {
  kind: K;
  topic: boolean;
  lang: string;
  /** The phrase as written in the lexicon (before `@concept` expansion), for explanations. */
  source: string;
  informationOnly?: true;
  /** A method question: counts even inside an information question. */
  method?: true;
}

/** A phrase found, and whether it only counts as an information question about its topic. */
type CountedHit<K> = PhraseHit<Tag<K>> & { information: boolean };

/** Acute danger phrases always count: "wat moet ik doen, hij ademt niet" is an emergency, not a question. */
const NEVER_SOFTENED = new Set<string>(["danger"]);

/**
 * `reportFirst`: a situation told before the question ("de buurman slaat zijn vrouw, wat moet ik doen?") is a
 * report, not an information question (crisis lists). Heavy feelings with a concrete question in any order
 * are answered instead (concern lists keep the plain rule).
 */
function compileSituation<K extends string>(lexicon: SituationLexicon<K>, chatWords: ReadonlyMap<string, string>, { reportFirst = false } = {}) {
  const options: MatcherOptions = {
    ...lexicon.matching,
    chatWords,
    blockers: lexicon.negations,
    notFuzzy: lexicon.notFuzzy,
    spellings: lexicon.spellings,
    soundAlike: lexicon.soundAlike,
  };
  const expand = (pattern: string) => expandConcepts(pattern, lexicon.concepts);
  const kinds = Object.entries(lexicon.kinds) as Array<[K, SituationLexicon<K>["kinds"][K]]>;
  const entries = kinds.flatMap(([kind, { phrases, topics, informationOnly, methods = [] }]) => [
    ...withLanguages(methods).map(({ pattern, lang }) => ({
      pattern: expand(pattern),
      tag: { kind, topic: false, lang, source: pattern, method: true as const },
    })),
    ...withLanguages(phrases).map(({ pattern, lang }) => ({ pattern: expand(pattern), tag: { kind, topic: false, lang, source: pattern } })),
    ...withLanguages(topics).map(({ pattern, lang }) => ({ pattern: expand(pattern), tag: { kind, topic: true, lang, source: pattern } })),
    ...withLanguages(informationOnly).map(({ pattern, lang }) => ({
      pattern: expand(pattern),
      tag: { kind, topic: true, lang, source: pattern, informationOnly: true as const },
    })),
  ]);
  const matcher: PhraseMatcher<Tag<K>> = createPhraseMatcher(entries, options);
  const context = createPhraseMatcher(
    [
      ...lexicon.context.informational.map((pattern) => ({ pattern, tag: "informational" as const })),
      ...lexicon.context.professional.map((pattern) => ({ pattern, tag: "professional" as const })),
      ...lexicon.context.personal.map((pattern) => ({ pattern, tag: "personal" as const })),
    ],
    { ...options, fuzzyMinLength: Math.max(options.fuzzyMinLength, 7), maxGap: 0 },
  );
  const questions = createPhraseMatcher(
    withLanguages(lexicon.context.question).map(({ pattern }) => ({ pattern: expand(pattern), tag: "question" as const })),
    { ...options, fuzzyMinLength: Math.max(options.fuzzyMinLength, 7) },
  );
  const negations = new Set(lexicon.negations.map((w) => chatWords.get(foldText(w)) ?? foldText(w)));
  // Exceptions (idioms such as "doodmoe", "niet suïcidaal") tolerate typos in their words, but not run together
  // ("doodgraag" would swallow "dood gaan"), and without filler words in between.
  const exceptions = createPhraseMatcher(
    withLanguages(lexicon.except).map(({ pattern }) => ({ pattern: expand(pattern), tag: "except" })),
    { ...options, joinedTypos: false, maxGap: 0, soundAlike: [] },
  );

  function negatedBefore(tokens: readonly string[], start: number): boolean {
    for (let i = start - 1; i >= Math.max(0, start - NEGATION_WINDOW); i--) {
      const token = tokens[i]!;
      if (isBreak(token)) return false;
      if (negations.has(token) && !INTENSIFIERS.has(tokens[i + 1] ?? "")) return true;
    }
    return false;
  }

  return {
    /** Kinds found (and those only asked about), with the language of the longest phrase of each kind. */
    detect(tokens: readonly string[]) {
      const kinds = new Set<K>();
      const information = new Set<K>();
      const language = new Map<K, string>();
      const longest = new Map<K, number>();
      const counted = countingHits(tokens);
      // "doet verdrinken pijn? er is diep water vlakbij": a danger word inside a method question is the method
      // asked about, not an emergency happening now; a danger phrase outside it still counts.
      const methods = counted.filter((h) => h.tag.method);
      const hits = methods.length === 0 ? counted : counted.filter((h) => h.tag.kind !== "danger" || !methods.some((m) => m.start <= h.start && h.end <= m.end));
      // A message that raises a real crisis is not an information question, whatever else it asks.
      const alarm = hits.some((h) => !h.information);
      for (const hit of hits) {
        if (alarm && hit.information) continue;
        (hit.information ? information : kinds).add(hit.tag.kind);
        const length = hit.end - hit.start;
        const best = longest.get(hit.tag.kind) ?? -1;
        // Ties go to Dutch: "suicide" is a Dutch word too.
        if (length > best || (length === best && hit.tag.lang === "nl")) {
          longest.set(hit.tag.kind, length);
          language.set(hit.tag.kind, hit.tag.lang);
        }
      }
      return { kinds, information, language };
    },
    hits: countingHits,
    /**
     * The kinds of the phrases and topics of these lists that were found but denied: cancelled by an
     * `except` phrase ("niet suïcidaal", an idiom) or negated ("nooit aan zelfmoord"). The lists read
     * negation; the classifier, a bag of features, does not.
     */
    denied(tokens: readonly string[]): Set<K> {
      const kinds = new Set<K>();
      const hits = matcher.match(tokens);
      if (hits.length === 0) return kinds;
      const cancelled = exceptions.match(tokens);
      for (const hit of hits) {
        if (cancelled.some((c) => c.start < hit.end && hit.start < c.end) || (hit.tag.topic && negatedBefore(tokens, hit.start))) kinds.add(hit.tag.kind);
      }
      return kinds;
    },
    /** Whether an `except` phrase (an idiom, an ordinary use of heavy words) is anywhere in the message. */
    excused(tokens: readonly string[]): boolean {
      return exceptions.match(tokens).length > 0;
    },
  };

  function countingHits(tokens: readonly string[]): CountedHit<K>[] {
    const hits = matcher.match(tokens);
    if (hits.length === 0) return [];
    const cancelled = exceptions.match(tokens);
    let frame: Set<string> | undefined;
    let opening: PhraseHit<"question">[] | undefined;
    const counted: CountedHit<K>[] = [];
    for (const hit of hits) {
      if (cancelled.some((c) => c.start < hit.end && hit.start < c.end)) continue;
      opening ??= informationQuestion(tokens);
      const asking = opening.length > 0;
      if (!hit.tag.topic) {
        // "wat is nog het nut van doorgaan": the question words are part of the signal, not a question about it.
        const inside = opening.some((q) => q.start < hit.end && hit.start < q.end);
        // "de buurman slaat zijn vrouw, wat moet ik doen?": a situation told first and then a question for
        // advice is a report, not a question about a topic ("wat kun je doen als iemand …" asks first).
        const before = !reportFirst || opening.some((q) => q.start < hit.start);
        counted.push({ ...hit, information: asking && before && !inside && !hit.tag.method && !NEVER_SOFTENED.has(hit.tag.kind) });
        continue;
      }
      if (negatedBefore(tokens, hit.start)) continue;
      frame ??= new Set(context.match(tokens).map((h) => h.tag));
      // A topic in a question, a professional's case or a policy text is asked about: the numbers, no alarm.
      const about =
        asking ||
        hit.tag.informationOnly === true ||
        frame.has("professional") ||
        (!frame.has("personal") && (frame.has("informational") || lexicon.topicsNeedPersonal));
      counted.push({ ...hit, information: about });
    }
    return counted;
  }

  /** The question openings of an information question (none: not one), with no first-person word outside them. */
  function informationQuestion(tokens: readonly string[]): PhraseHit<"question">[] {
    const opened = questions.match(tokens);
    if (opened.length === 0) return opened;
    const personal = context.match(tokens).filter((h) => h.tag === "personal");
    return personal.some((p) => !opened.some((q) => q.start <= p.start && p.end <= q.end)) ? [] : opened;
  }
}

/** The broad net of `broad-net.json`, read with crisis.json's matching, negations and spellings. */
export function compileBroadNet(lexicon: BroadNetLexicon, lists: SafetyLexicons, chatWords: ReadonlyMap<string, string>) {
  const crisis = lists.crisis;
  const options: MatcherOptions = {
    ...crisis.matching,
    chatWords,
    blockers: crisis.negations,
    notFuzzy: crisis.notFuzzy,
    spellings: crisis.spellings,
    soundAlike: crisis.soundAlike,
  };
  const expand = (pattern: string) => expandConcepts(pattern, lexicon.concepts);
  const signals = createPhraseMatcher(
    withLanguages(lexicon.signals).map(({ pattern, lang }) => ({ pattern: expand(pattern), tag: lang })),
    options,
  );
  const practical = createPhraseMatcher(
    withLanguages(lexicon.practical).map(({ pattern }) => ({ pattern: expand(pattern), tag: "practical" })),
    options,
  );
  const idioms = [
    ...withLanguages(crisis.except).map(({ pattern }) => expandConcepts(pattern, crisis.concepts)),
    ...withLanguages(lists.concern.except).map(({ pattern }) => expandConcepts(pattern, lists.concern.concepts)),
    ...withLanguages(lexicon.except).map(({ pattern }) => expand(pattern)),
  ];
  const exceptions = createPhraseMatcher(
    idioms.map((pattern) => ({ pattern, tag: "except" })),
    { ...options, joinedTypos: false, maxGap: 0, soundAlike: [] },
  );
  const negations = new Set(crisis.negations.map((w) => chatWords.get(foldText(w)) ?? foldText(w)));
  const self = new Set(withLanguages(lexicon.self).map(({ pattern }) => chatWords.get(foldText(pattern)) ?? foldText(pattern)));
  const selfLetters = [...lexicon.selfLetters];
  /** "ik ga niet dood", "never die": a negation just before the concept denies it ("niet meer" does not). */
  const negated = (tokens: readonly string[], start: number) => {
    for (let i = start - 1; i >= Math.max(0, start - NEGATION_WINDOW); i--) {
      if (isBreak(tokens[i]!)) return false;
      if (negations.has(tokens[i]!) && !INTENSIFIERS.has(tokens[i + 1] ?? "")) return true;
    }
    return false;
  };
  return {
    /** Does the message speak of the writer or someone close (always true without `self` words)? */
    aboutSelf(text: string, tokens: readonly string[]): boolean {
      return self.size === 0 || tokens.some((t) => self.has(t)) || selfLetters.some((c) => text.includes(c));
    },
    /** The language of the first death or ending concept that counts, or undefined. */
    detect(tokens: readonly string[]): string | undefined {
      const hits = signals.match(tokens);
      if (hits.length === 0 || practical.match(tokens).length > 0) return undefined;
      const cancelled = exceptions.match(tokens);
      const hit = hits.find((h) => !cancelled.some((c) => c.start < h.end && h.start < c.end) && !negated(tokens, h.start));
      return hit?.tag;
    },
  };
}

function compileScope(lexicon: SafetyLexicons["scope"], chatWords: ReadonlyMap<string, string>) {
  const options: MatcherOptions = { ...lexicon.matching, blockers: [], notFuzzy: lexicon.notFuzzy, chatWords };
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

function compileSmalltalk(lexicon: SafetyLexicons["smalltalk"], chatWords: ReadonlyMap<string, string>) {
  const options: MatcherOptions = { ...lexicon.matching, blockers: [], notFuzzy: lexicon.notFuzzy, chatWords };
  const matcher = createPhraseMatcher<SmalltalkKind | "filler" | "answer">(
    [
      ...(Object.entries(lexicon.kinds) as Array<[SmalltalkKind, string[]]>).flatMap(([kind, list]) =>
        list.map((pattern) => ({ pattern, tag: kind })),
      ),
      ...lexicon.filler.map((pattern) => ({ pattern, tag: "filler" as const })),
      ...lexicon.answers.map((pattern) => ({ pattern, tag: "answer" as const })),
    ],
    { ...options, maxGap: 0, wideGap: 0 },
  );
  // Repairs are read within a sentence: "heb ik toch net al gezegd" has words between the phrase's.
  const repairs = createPhraseMatcher(
    lexicon.repair.map((pattern) => ({ pattern, tag: "repair" as const })),
    { ...options, maxGap: 1, wideGap: 3 },
  );
  /** Whether every word of the message is part of a hit of these tags. */
  const coveredBy = (tokens: readonly string[], hits: PhraseHit<SmalltalkKind | "filler" | "answer">[]) => {
    const covered = new Array<boolean>(tokens.length).fill(false);
    for (const hit of hits) for (let i = hit.start; i < hit.end; i++) covered[i] = true;
    return !tokens.some((token, i) => !isBreak(token) && !covered[i]);
  };
  return {
    /**
     * One reading of the message: `kind`, small talk only when the message is nothing else (every word is
     * part of a greeting, thanks …); `chatOnly`, only small talk or a bare answer ("geen idee", "nee dank
     * je"): nothing for a guess to read.
     */
    read(tokens: readonly string[]): { kind: SmalltalkKind | undefined; chatOnly: boolean; opensWithGreeting: boolean; thanksBeside: boolean; repair: boolean } {
      const all = matcher.match(tokens);
      const hits = all.filter((h) => h.tag !== "answer");
      const kinds = new Set(hits.map((h) => h.tag));
      const kind = coveredBy(tokens, hits) ? lexicon.priority.find((k) => kinds.has(k)) : undefined;
      const opensWithGreeting = hits.some((h) => h.tag === "greeting" && h.start === 0);
      const words = tokens.filter((t) => !isBreak(t)).length;
      let last = tokens.length;
      while (last > 0 && isBreak(tokens[last - 1]!)) last -= 1;
      // Thanks that opens the message or closes it after something else was said.
      const thanksBeside = hits.some((h) => h.tag === "thanks" && (h.start === 0 || h.end === last));
      // A repair and little else (a place name): "ik zeg toch dat ik niet meer wil leven" says more.
      const repairHits = words <= REPAIR_MAX_WORDS ? repairs.match(tokens) : [];
      const covered = new Array<boolean>(tokens.length).fill(false);
      for (const hit of [...repairHits, ...all.filter((h) => h.tag === "filler" || h.tag === "answer")]) for (let i = hit.start; i < hit.end; i++) covered[i] = true;
      const rest = tokens.filter((t, i) => !isBreak(t) && !covered[i]).length;
      const repair = repairHits.length > 0 && rest <= REPAIR_REST_WORDS;
      return { kind, chatOnly: words > 0 && coveredBy(tokens, all), opensWithGreeting, thanksBeside, repair };
    },
  };
}
