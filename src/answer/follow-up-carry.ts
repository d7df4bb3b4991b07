/**
 * Follow-up questions without a model: "en in het weekend?" after a question carries its topic over.
 * Used by the query rewriter, with or without LLM_PROVIDER.
 */
import { nld } from "stopword";

const MAX_FOLLOW_UP_WORDS = 8;
const MAX_TOPIC_WORDS = 6;

/** Openings that make a message lean on the previous one ("en voor kinderen?", "hoe laat is dat?"). */
const FOLLOW_UP_LEAD =
  /^(?:en|maar|ook|of|dus|and|also|but)\b|^(?:wat|hoe) als\b|^hoe laat(?: (?:is|begint|start|gaat|opent|sluit|stopt) (?:dat|het|die|deze)\b|\s*\??$)|^waar is (?:dat|het)\b|^wanneer is (?:dat|het)\b|^(?:is|kan|mag|kost) (?:dat|het|die)\b|^(?:wat|hoeveel) kost (?:dat|het)\b|^(?:what|how) about\b/u;
/** Words that point back to something said before. */
const POINTS_BACK = /\b(?:dat|die|dit|daar|daarvoor|daarbij|ervoor|erbij|zoiets|hetzelfde|that|it|there|those)\b/u;

/**
 * What one does about a topic, not a topic of its own: "wie moet ik dan bellen?", "moet ik me aanmelden?",
 * "kan ik zo binnenlopen?" lean on the topic before them.
 */
const ASPECT_WORDS = new Set(
  "bellen bel vraag vragen aanvragen aanvraag aanmelden aanmelding inschrijven afspraak binnenlopen langskomen heen terecht regelen krijgen betalen kosten kost doen beginnen starten wachten duren duurt helpen".split(" "),
);
/** A question word first: such a short question asks about something, and may lean on what came before. */
const QUESTION_START = /^(?:wie|waar|waarheen|hoe|wat|wanneer|moet|kan|kun|mag|hoelang|hoeveel)\b/u;

/** Words that carry no topic: Dutch stopwords plus question and filler words. */
const NO_TOPIC = new Set([
  ...nld,
  ..."waar wanneer welke welk hoeveel hoelang hoe laat kunt kun zoek zoeken weet vertel graag willen wilt gaan ga iets meer nog ook soms even alstublieft aub please er is zijn wordt worden heeft hebben doe doet kan mag dan wel zo and the for what where when how about is are can i you there that it of in to a an".split(" "),
]);

/** Question words that are no topic either. */
const NO_TOPIC_QUESTION = new Set(["wie", "moet", "mij", "me", "ik", "dan", "zo", "eerst", "eerste", "als", "zelf", "nu", "nou", "gewoon", "lang"]);

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
}

function contentWords(text: string): string[] {
  return words(text).filter((w) => w.length > 1 && !NO_TOPIC.has(w.toLowerCase()));
}

/** True when a message is a short follow-up that only makes sense with the previous question. */
export function isFollowUp(question: string): boolean {
  // "wat moet ik nou als eerste doen. ik heb geen puf om te bellen": the question opens the message.
  const first = question.split(/(?<=[.!?])\s+/)[0] ?? question;
  if (first !== question && first.split(/\s+/).length >= 3 && isFollowUp(first)) return true;
  const text = question.toLowerCase().trim();
  if (words(text).length > MAX_FOLLOW_UP_WORDS) return false;
  if (namesOwnReferent(text)) return false;
  if (FOLLOW_UP_LEAD.test(text)) return true;
  if (QUESTION_START.test(text) && contentWords(text).every((w) => ASPECT_WORDS.has(w.toLowerCase()) || NO_TOPIC_QUESTION.has(w.toLowerCase()))) return true;
  return POINTS_BACK.test(text) && contentWords(text).length <= 2;
}

/**
 * "mantelzorgmakelaar, wat doet die en kost dat wat?": the word that points back ("die", "dat") points at a
 * topic named earlier in the same message, so the message stands on its own.
 */
function namesOwnReferent(text: string): boolean {
  const all = words(text);
  const at = all.findIndex((w) => POINTS_BACK.test(w));
  // The topic comes before the question word that asks about it ("de voedselbank, waar is die?"); "hoe laat
  // begint dat?" names nothing of its own.
  const asking = all.findIndex((w) => /^(?:wat|waar|wanneer|hoe|wie|welke|hoeveel|kost|kosten|what|where|when|how)$/.test(w));
  if (at <= 0 || asking <= 0 || asking > at) return false;
  return all.slice(0, asking).some((w) => w.length > 1 && !NO_TOPIC.has(w) && !NO_TOPIC_QUESTION.has(w) && !ASPECT_WORDS.has(w) && !/^(?:en|maar|ook|of|dus|and|also|but)$/.test(w));
}

/**
 * The rewrite without a model: a follow-up gets the topic words (topic, place, time) of the
 * previous question added, e.g. "Waar kan ik sporten in Zeist?" + "en voor kinderen?" →
 * "sporten Zeist voor kinderen?". Anything else is returned unchanged.
 */
export function carryOver(question: string, previousQuestion: string | undefined): string {
  if (!previousQuestion || !isFollowUp(question)) return question;
  const swapped = swapOwner(question, previousQuestion);
  if (swapped) return swapped;
  const own = new Set(contentWords(question).map((w) => w.toLowerCase()));
  const topic: string[] = [];
  for (const word of contentWords(previousQuestion)) {
    const key = word.toLowerCase();
    if (!own.has(key) && !topic.some((t) => t.toLowerCase() === key)) topic.push(word);
  }
  if (topic.length === 0) return question;
  const rest = question.trim().replace(/^(?:en|maar|ook|dus|and|also|but)\s+/iu, "");
  return `${topic.slice(0, MAX_TOPIC_WORDS).join(" ")} ${rest}`;
}

/** "en die van vrijwilligers?" after "wat is de rol van de gemeente bij …": the same about someone else. */
const OTHER_OWNER = /^(?:en|maar|of)\s+(?:die|dat|de|het|hun|zijn|haar)?\s*van\s+(.+?)\s*\??$/iu;
const OWNER_IN_PREVIOUS = /\b(van)\s+(?:(?:de|het|een)\s+)?[\p{L}-]+/iu;

/**
 * "en die van X?": the previous question with X where its "van …" was ("wat is de rol van de
 * gemeente bij de sociale basis" → "wat is de rol van vrijwilligers bij de sociale basis").
 * Undefined when the follow-up or the previous question has no such part.
 */
function swapOwner(question: string, previousQuestion: string): string | undefined {
  const other = OTHER_OWNER.exec(question.trim())?.[1];
  if (!other || !OWNER_IN_PREVIOUS.test(previousQuestion)) return undefined;
  return previousQuestion.replace(OWNER_IN_PREVIOUS, (_whole, word: string) => `${word} ${other}`);
}
