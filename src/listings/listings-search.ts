import type { ListingRequest, ListingResponse, ListingSearch } from "../core/ports.js";
import type { GeoPoint } from "../core/types.js";
import type { Gazetteer } from "./gazetteer.js";
import type { Geocoder } from "./geocoder.js";
import type { ListingIndex, SearchQuery } from "./listing-index.js";
import type { ListingsVocabulary } from "./listings-vocabulary.js";
import { listingsTextsFor } from "./listings-texts.js";
import { toLocal, type LocalNow } from "./local-calendar.js";
import { renderResults } from "./render-listings.js";
import { renderShownFollowUp } from "./render-follow-up.js";
import { readShownFollowUp, type FollowUpVocabulary } from "./shown-follow-up.js";
import { readTime, type TimeAsk } from "./time-words.js";
import { emptyQuestion, readMemory, restoreQuery, storeQuery, writeMemory, type SearchMemory } from "./search-memory.js";
import { isListingsQuestion, understandQuestion, type UnderstoodQuestion } from "./understand-question.js";
import { describeSearch, searchWithWidening } from "./widen-search.js";

/** The listings as they are now: one message is answered from one snapshot. */
export interface ListingsSnapshot {
  index: ListingIndex;
  gazetteer: Gazetteer;
}

export interface ListingsSearchDeps {
  snapshot: () => Promise<ListingsSnapshot>;
  vocabulary: ListingsVocabulary;
  followUps: FollowUpVocabulary;
  geocoder: Geocoder;
  timeZone: string;
}

interface Origin {
  point: GeoPoint;
  where: string;
  /** A place from the text, for the core to remember. */
  remember?: string;
}

const NEAR_RADIUS_KM = 15;

/**
 * The {@link ListingSearch} port: understands the message, finds where the person is (from the text,
 * a shared location, or the place remembered for the conversation), searches, widens when nothing
 * fits, and answers in plain Dutch. Returns null when the message is not about activities or places.
 */
export function createListingsSearch(deps: ListingsSearchDeps): ListingSearch {
  return {
    async respond(request) {
      const now = toLocal(request.now, deps.timeZone);
      const listingsTexts = listingsTextsFor(request.language);
      const { index, gazetteer } = await deps.snapshot();
      const memory = readMemory(request.memory);
      const text = request.text.trim();

      // A shared location without words: the question that waited for a place, or "what is near me now".
      if (text === "") {
        if (!request.location) return null;
        const origin: Origin = { point: request.location, where: listingsTexts.nearLocation };
        const q = memory.pending ? restoreQuery(memory.pending, now) : emptyQuestion();
        return answer(index, q, origin, request, now, { viaLocation: true }, memory.pending ? undefined : "nu");
      }

      // "waar is dat?", "de eerste": about what was just shown, answered from those listings.
      if (memory.shown?.length) {
        const shown = memory.shown.flatMap((id) => index.byId(id)?.listing ?? []);
        const followUp = readShownFollowUp(text, shown, deps.followUps);
        if (followUp) {
          const reply = renderShownFollowUp(followUp, now);
          return { kind: "results", replies: [{ text: reply.text }], sources: reply.sources ?? [], memory: request.memory };
        }
      }

      let q = understandQuestion(text, { vocabulary: deps.vocabulary, gazetteer, now });
      if (q.bare && memory.pending) {
        q = { ...restoreQuery(memory.pending, now), ...(q.place ? { place: q.place } : {}) };
      } else if (!isListingsQuestion(q)) {
        if (memory.last && isFollowUp(q)) q = restoreQuery(memory.last, now, q);
        else if (!q.bare) return null;
      }

      const origin = await findOrigin(q, request, memory);
      if (!origin || "unknown" in origin) {
        const example = gazetteer.examplePostcode();
        const ask =
          origin && "unknown" in origin
            ? listingsTexts.unknownPlace(origin.unknown, example)
            : request.persona === "professional"
              ? listingsTexts.askPlaceProfessional(example)
              : listingsTexts.askPlace(example);
        const pending = q.bare && memory.pending ? memory.pending : storeQuery(q);
        return { kind: "need_place", replies: [{ text: ask, requestLocation: true }], sources: [], memory: writeMemory({ pending }) };
      }
      return answer(index, q, origin, request, now, { ...(origin.remember ? {} : { viaLocation: memory.viaLocation }) });
    },
  };

  async function findOrigin(q: UnderstoodQuestion, request: ListingRequest, memory: SearchMemory): Promise<Origin | { unknown: string } | undefined> {
    const mention = q.place;
    const listingsTexts = listingsTextsFor(request.language);
    if (mention?.known) {
      // A full postcode is more precise at PDOK than the 4-digit area centre.
      const precise = mention.text.length > 4 && mention.place.kind === "postcode" ? await deps.geocoder.geocode(mention.text) : undefined;
      const point = precise ?? mention.place;
      return { point: { lat: point.lat, lon: point.lon }, where: listingsTexts.nearPlace(mention.place.kind === "postcode" ? mention.text : mention.place.name), remember: mention.text.length > 4 && mention.place.kind === "postcode" ? mention.text : mention.place.name };
    }
    if (mention && !mention.known) {
      const found = await deps.geocoder.geocode(mention.text);
      if (!found) return { unknown: mention.text };
      return { point: { lat: found.lat, lon: found.lon }, where: listingsTexts.nearPlace(mention.text), remember: mention.text };
    }
    if (request.location && (memory.viaLocation || !request.place)) return { point: request.location, where: listingsTexts.nearLocation };
    if (request.place) {
      const found = await deps.geocoder.geocode(request.place);
      if (found) return { point: { lat: found.lat, lon: found.lon }, where: listingsTexts.nearPlace(request.place) };
    }
    if (request.location) return { point: request.location, where: listingsTexts.nearLocation };
    return undefined;
  }

  function answer(
    index: ListingIndex,
    q: UnderstoodQuestion,
    origin: Origin,
    request: ListingRequest,
    now: LocalNow,
    memory: SearchMemory,
    defaultTime?: "nu",
  ): ListingResponse {
    const { persona, language } = request;
    const time: TimeAsk | undefined = q.time ?? (defaultTime ? readTime(["nu"], [false], now).ask : undefined);
    const limit = persona === "resident" ? 3 : 5;
    const base: SearchQuery = {
      origin: origin.point,
      radiusKm: NEAR_RADIUS_KM,
      categories: q.categories,
      keywords: q.keywords,
      audiences: q.audiences,
      ...(q.cost ? { cost: q.cost } : {}),
      languages: q.languages,
      preferredLanguages: q.preferredLanguages,
      accessible: q.accessible,
      ...(time ? { slots: time.slots } : {}),
      now,
      limit,
    };
    const { hits, relaxed } = searchWithWidening(index, base, q);
    const nextMemory = writeMemory({ ...memory, last: storeQuery(q), shown: hits.map((h) => h.item.listing.id) });
    const remember = origin.remember ? { place: origin.remember } : {};
    if (hits.length === 0) return { kind: "results", replies: [{ text: listingsTextsFor(language).nothing }], sources: [], memory: nextMemory, ...remember };
    const intro = describeSearch(q, relaxed, origin.where, time, language);
    const replies = renderResults({ intro, hits, now, persona, showAccess: q.accessible, ...(language ? { language } : {}) });
    const sources = replies.flatMap((r) => r.sources ?? []);
    return { kind: "results", replies: replies.map(({ sources: _s, ...r }) => r), sources, memory: nextMemory, ...remember };
  }
}

function isFollowUp(q: UnderstoodQuestion): boolean {
  if (q.knowledge || q.categories.length > 0 || q.leftover > 0) return false;
  return q.time !== undefined || q.cost !== undefined || q.languages.length > 0 || q.audiences.length > 0 || q.accessible || q.place !== undefined;
}
