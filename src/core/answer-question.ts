import { ACTIONS } from "./actions.js";
import { personReachable } from "./person-reachable.js";
import type { AssistantDeps } from "./assistant.js";
import { searchForAnswer } from "./answer-passages.js";
import type { ComposeRequest, GuideAnswer } from "./ports.js";
import { catalog } from "./text-catalog.js";
import { textsFor } from "./texts.js";
import type { AssistantReply, InboundMessage } from "./types.js";

const HISTORY_TURNS = 6;

/**
 * Answers a knowledge question from the retrieval index: rewrite a follow-up into a standalone
 * question, retrieve, compose (extractive by default), and add feedback and person buttons.
 * When the composer is not confident the person is told so honestly: never a guess.
 *
 * With a resident guide (the wegwijzer): residents get its plain-language explanation first when
 * the question is about one of its topics; professionals get the sources first. Either way the
 * guide answers when the sources do not, and a question about what one gemeente decides gets the
 * honest route (gemeente, wijkteam) instead of a quote.
 * `previousQuestion` is the standalone question of the turn before; the returned `lastQuestion`
 * is this one's, for the caller to keep in the conversation state.
 */
export async function answerQuestion(
  inbound: InboundMessage,
  text: string,
  previousQuestion: string | undefined,
  deps: AssistantDeps,
): Promise<{ reply: AssistantReply; lastQuestion: string; localRoute?: true }> {
  const language = inbound.language ?? "nl";
  const rewritten = deps.rewriteQuestion ? await deps.rewriteQuestion(text, previousQuestion) : text;
  // The sources are Dutch: a question in another language is searched with its words in Dutch.
  const standalone = language !== "nl" && deps.toDutchQuery ? deps.toDutchQuery(rewritten, language) : rewritten;
  const guide = deps.guide?.answer(standalone) ?? null;
  // A question about what the gemeente decides is never answered with a quote; for residents the
  // explanation comes first unless the question joins the topic to other things. Without a topic,
  // the route comes first only when the question names the gemeente itself.
  const guideFirst =
    guide &&
    (guide.kind === "local_route" && guide.topical ? true : inbound.persona === "resident" && !guide.mixed);
  const k = inbound.persona === "professional" ? 8 : 5;
  // What the gemeente decides may be in the gemeente's own documents: then they answer, not the route.
  const own = guide?.kind === "local_route" ? await ownDocumentPassages(deps, standalone, k) : [];
  if (guide && guideFirst && own.length === 0) return guided(inbound, guide, standalone, deps);
  const passages =
    own.length > 0 ? own : deps.listings ? await searchForAnswer(deps.retriever, standalone, k) : await deps.retriever.search(standalone, { k });
  // Read only for a composer that uses it: the extractive composer never does.
  const history: ComposeRequest["history"] = deps.composer.usesHistory
    ? (await deps.store.recentMessages(inbound.conversationId, HISTORY_TURNS + 1))
        .slice(0, -1)
        .map((m) => ({ role: m.direction === "in" ? ("user" as const) : ("assistant" as const), text: m.text }))
    : [];
  const composed = await deps.composer.compose({
    question: text,
    standaloneQuestion: standalone,
    passages,
    persona: inbound.persona,
    language,
    history,
  });

  const texts = textsFor(language);
  const personButton = { id: ACTIONS.handoffRequest, label: texts.buttons.person };
  if (!composed.confident && guide) return guided(inbound, guide, standalone, deps);
  // A quote that names nothing of the topic the question names ("…sinds kort…, hoe vraag ik
  // huurtoeslag aan") answers the side words: the guide's explanation of the topic is the answer.
  if (guide?.topical && guide.named?.length && inbound.persona === "resident" && !namesAny(composed.text, guide.named)) {
    return guided(inbound, guide, standalone, deps);
  }
  if (!composed.confident) {
    const reply: AssistantReply = {
      intent: "answer",
      // The "not sure" text ends by asking whether they want a person: a typed "ja" presses the button.
      // The composer's own "not sure" is Dutch; a resident who wrote another language gets it in theirs.
      // Where no person can be reached, no question about one: how to reach the wijkteam instead.
      replies: [
        personReachable(deps.handoff, inbound)
          ? { text: (language === "nl" && composed.text) || texts.notSure, buttons: [{ ...personButton, answers: "yes" }] }
          : { text: texts.notSureAlone(deps.wijkteamContact), buttons: [{ ...personButton, answers: "yes" }] },
      ],
      sources: [],
      confident: false,
    };
    return { reply, lastQuestion: standalone };
  }
  // A listing the answer relies on is shown as a listing (day, time, place, map), not as a bare quote.
  const listingIds = [
    ...new Set(passages.filter((p) => p.kind === "listing" && composed.sources.some((s) => s.title === p.title && s.url === p.url)).map((p) => p.source.replace(/^listing:/, ""))),
  ];
  const describe = deps.listings?.describeListings;
  const listed = listingIds.length > 0 && describe ? await describe({ ...(await listingRequest(inbound, text, deps)), ids: listingIds }) : null;
  const onlyListings = listed && composed.sources.every((s) => passages.some((p) => p.kind === "listing" && p.title === s.title && p.url === s.url));
  const body = listed ? (onlyListings ? `${texts.listingsIntro}\n\n${listed.text}` : `${composed.text}\n\n${listed.text}`) : composed.text;
  const reply: AssistantReply = {
    intent: "answer",
    replies: [
      {
        // Quoted Dutch sources get one line in the resident's language that says so.
        text: (composed.language ?? "nl") !== language ? inDutch(language, body) : body,
        ...(onlyListings ? {} : { sources: composed.sources }),
        buttons: [
          { id: ACTIONS.feedbackUp, label: texts.buttons.up, value: inbound.id },
          { id: ACTIONS.feedbackDown, label: texts.buttons.down, value: inbound.id },
          personButton,
        ],
      },
    ],
    sources: composed.sources,
    confident: true,
    ...(onlyListings ? {} : { quoted: true }),
  };
  return { reply, lastQuestion: standalone };
}

/** Does the text use one of the words (whole words, ignoring case and accents)? */
function namesAny(text: string, words: string[]): boolean {
  const folded = ` ${text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, " ")} `;
  return words.some((w) => folded.includes(` ${w}`));
}

/** The guide's answer as this turn's result; a route to the gemeente is marked as one. */
function guided(inbound: InboundMessage, guide: GuideAnswer, standalone: string, deps: AssistantDeps) {
  const reply = guideReply(inbound, guide, deps.wijkteamContact, personReachable(deps.handoff, inbound));
  return guide.kind === "local_route" ? { reply, lastQuestion: standalone, localRoute: true as const } : { reply, lastQuestion: standalone };
}

/** How high the gemeente's own document must rank among all passages to answer a local question. */
const OWN_DOCUMENT_RANK = 3;

/**
 * The passages of the gemeente's own documents (`knowledge add`) for a question about what the
 * gemeente decides, when one of them ranks among the best; else none.
 */
async function ownDocumentPassages(deps: AssistantDeps, question: string, k: number) {
  const found = await deps.retriever.search(question, { k, kind: "knowledge" });
  if (!found.slice(0, OWN_DOCUMENT_RANK).some((p) => p.local)) return [];
  return found.filter((p) => p.local);
}

/**
 * The guide's answer as a reply: its text with the source beneath, feedback and a person. The
 * explanations are Dutch: a resident who wrote another language gets one line that says so.
 * Without a topic, a resident gets "not sure" in their own language, with what the gemeente
 * decides, how to reach it (the configured wijkteam contact) and the offer of a person; a route
 * for a known topic also ends with that offer.
 */
function guideReply(inbound: InboundMessage, guide: GuideAnswer, contact: string, reachable: boolean): AssistantReply {
  const texts = textsFor(inbound.language);
  const personButton = { id: ACTIONS.handoffRequest, label: texts.buttons.person };
  if (!guide.topical && inbound.persona === "resident") {
    // The text ends by asking whether they want a person: a typed "ja" presses the button.
    if (!reachable) return { intent: "answer", replies: [{ text: texts.notSureLocalAlone(contact), buttons: [{ ...personButton, answers: "yes" }] }], sources: [], confident: false };
    return { intent: "answer", replies: [{ text: texts.notSureLocal(contact), buttons: [{ ...personButton, answers: "yes" }] }], sources: [], confident: false };
  }
  // A route to the gemeente ends by offering a person, so a typed "ja" or "nee" answers it.
  const offersPerson = guide.kind === "local_route" && inbound.persona === "resident" && reachable;
  const person = offersPerson ? { ...personButton, answers: "yes" as const } : personButton;
  const buttons = guide.topical
    ? [
        { id: ACTIONS.feedbackUp, label: texts.buttons.up, value: inbound.id },
        { id: ACTIONS.feedbackDown, label: texts.buttons.down, value: inbound.id },
        person,
      ]
    : [person];
  const text = guide.topical ? inDutch(inbound.language, guide.text) : generalRoute(inbound.language);
  return {
    intent: "answer",
    replies: [{ text: offersPerson ? `${text}\n\n${catalog(inbound.language).firstSteps.question}` : text, ...(guide.sources.length ? { sources: guide.sources } : {}), buttons }],
    sources: guide.sources,
    // The general route to the gemeente is honest, but it is not an answer: it counts as unsure.
    confident: guide.topical,
  };
}

/** "Dat bepaalt uw gemeente …" and the way to the gemeente, in the resident's language (no Dutch content in it). */
function generalRoute(language: string | undefined): string {
  const t = catalog(language).wegwijzer;
  return `${t.generalLocal}\n\n${t.gemeenteRoute}`;
}

/** Dutch text for a resident who wrote another language: one line in theirs says it is Dutch. */
function inDutch(language: string | undefined, text: string): string {
  return language && language !== "nl" ? `${textsFor(language).dutchSources}\n\n${text}` : text;
}

/** Where the conversation is (a typed place or a shared location), for distances in listing blocks. */
async function listingRequest(inbound: InboundMessage, text: string, deps: AssistantDeps) {
  const state = await deps.store.getState(inbound.conversationId);
  return {
    text,
    language: inbound.language ?? "nl",
    persona: inbound.persona,
    now: deps.now(),
    ...(state.location ? { location: state.location } : {}),
    ...(state.place ? { place: state.place } : {}),
  };
}
