import { PLACE_CHOICE_ACTION, type HelpTopic, type ListingRequest, type ListingResponse, type ListingSearch } from "../core/ports.js";
import type { GeoPoint } from "../core/types.js";
import type { Gazetteer, KnownPlace } from "./gazetteer.js";
import type { Geocoder } from "./geocoder.js";
import { haversineKm, type ListingIndex, type SearchHit, type SearchQuery } from "./listing-index.js";
import { nextOccurrence, upcomingDays } from "./occurrences.js";
import type { Category } from "./listing-model.js";
import type { ListingsVocabulary } from "./listings-vocabulary.js";
import { listingsTextsFor, NEAR_LIMIT_KM, type ListingsTexts } from "./listings-texts.js";
import { toLocal, type LocalNow } from "./local-calendar.js";
import { renderHit, renderResults, sourcesFor } from "./render-listings.js";
import { renderShownFollowUp } from "./render-follow-up.js";
import { pointedAt, readShownFollowUp, type FollowUpVocabulary, type ShownFollowUp } from "./shown-follow-up.js";
import { readTime, type TimeAsk } from "./time-words.js";
import { emptyQuestion, readMemory, restoreQuery, storeQuery, writeMemory, type SearchMemory } from "./search-memory.js";
import { isListingsQuestion, understandQuestion, type UnderstoodQuestion } from "./understand-question.js";
import { describeSearch, searchWithWidening } from "./widen-search.js";
import { normalise, tokens } from "./text-match.js";
import { chatSentences } from "../text/chat-sentences.js";

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
  /**
   * The place searched around: how the frame says it ("in de buurt van {where}") and what to call it
   * in "Ik heb geen activiteiten in {name}"; undefined for a shared location (said in the resident's language).
   */
  place?: { where: string; name: string };
  /** For a shared location: the gemeente it lies in, by name. */
  locationGemeente?: string;
  /** The CBS code and name of the gemeente it lies in, when known. */
  gemeentecode?: string;
  municipality?: string;
  /** A place from the text, for the core to remember. */
  remember?: string;
}

/**
 * The {@link ListingSearch} port: understands the message, finds where the person is (from the text,
 * a shared location, or the place remembered for the conversation), searches, widens when nothing
 * fits, and answers in plain Dutch. Returns null when the message is not about activities or places.
 */
export function createListingsSearch(deps: ListingsSearchDeps): ListingSearch {
  return {
    setAside(memory) {
      // After a message that was not about the listings: what was shown stays findable by its name only.
      const kept = readMemory(memory);
      const earlier = earlierOf(kept);
      return earlier?.length ? writeMemory({ earlier }) : undefined;
    },
    async placeIn(text) {
      const { gazetteer } = await deps.snapshot();
      const mention = understandQuestion(text, { vocabulary: deps.vocabulary, gazetteer, now: toLocal(new Date(), deps.timeZone) }).place;
      if (!mention?.known || mention.alternatives) return undefined;
      return rememberAs(mention.place, mention.text, gazetteer);
    },
    async aboutShown(request) {
      const memory = readMemory(request.memory);
      if (!memory.shown?.length) return null;
      const { index } = await deps.snapshot();
      const shown = memory.shown.flatMap((id) => index.byId(id)?.listing ?? []);
      const listings = pointedAt(request.text, shown);
      if (listings.length === 0) return null;
      // About them, not a question of its own ("what is the capital of Peru?"): at most one word of its
      // own ("wat moet ik meenemen?"), or two beside a listing's name ("mag mijn hond mee naar het repaircafé?").
      const names = new Set(listings.flatMap((l) => tokens(l.name).filter((w) => w.length >= 4)));
      const words = tokens(request.text);
      const own = words.filter((w) => !deps.followUps.glue.has(w) && !names.has(w)).length;
      if (own > (words.some((w) => names.has(w)) ? 2 : 1)) return null;
      const reply = renderShownFollowUp({ listings, aspects: ["other"] }, toLocal(request.now, deps.timeZone), request.language, deps.followUps.listingWords);
      return { kind: "results", replies: [{ text: reply.text }], sources: reply.sources ?? [], memory: request.memory };
    },
    async respond(request) {
      const now = toLocal(request.now, deps.timeZone);
      const { index, gazetteer } = await deps.snapshot();
      const memory = readMemory(request.memory);
      const text = request.text.trim();

      // A shared location without words: the question that waited for a place, or "what is near me now".
      if (text === "") {
        if (!request.location) return null;
        const origin = locationOrigin(request.location, gazetteer);
        const q = memory.pending ? restoreQuery(memory.pending, now) : emptyQuestion();
        return answer(index, gazetteer, q, origin, request, now, { viaLocation: true }, memory.pending ? undefined : "nu");
      }

      // "waar is dat?", "de eerste": about what was just shown, answered from those listings.
      if (memory.shown?.length) {
        const shown = memory.shown.flatMap((id) => index.byId(id)?.listing ?? []);
        // The last list first; a listing of the list before it only when the message names it.
        const earlier = (memory.earlier ?? []).flatMap((id) => index.byId(id)?.listing ?? []);
        // A story first, the question last ("ik hoor slecht, dat zei ik al. kan het ook met de mail?").
        const last = lastSentence(text);
        // A listing named from the list before ("en die zilverspar?") wins over the last list unnamed.
        const read = (said: string) => {
          const onShown = readShownFollowUp(said, shown, deps.followUps);
          const namedEarlier = namedIn(readShownFollowUp(said, earlier, deps.followUps), said);
          return (onShown && namedIn(onShown, said)) ?? namedEarlier ?? onShown;
        };
        // The one sentence that asks ("Zijn ze echt gratis? We hebben weinig geld."), wherever it stands.
        const asking = askingSentenceOf(text);
        const followUp = read(text) ?? readEachSentence(text, read) ?? (last !== text ? read(last) : undefined) ?? (asking && asking !== last ? read(asking) : undefined);
        if (followUp) {
          const reply = renderShownFollowUp(followUp, now, request.language, deps.followUps.listingWords);
          // One of the list before, named: it is what "dat" means next ("waar is dat?").
          const ids = followUp.listings.map((l) => l.id);
          const fromEarlier = ids.every((id) => !memory.shown!.includes(id));
          const next = fromEarlier ? writeMemory({ ...memory, shown: ids, earlier: earlierOf(memory) }) : request.memory;
          return { kind: "results", replies: [{ text: reply.text }], sources: reply.sources ?? [], memory: next };
        }
      }

      let q = understandQuestion(text, { vocabulary: deps.vocabulary, gazetteer, now, placeAsked: memory.pending !== undefined });
      if (q.bare && memory.pending) {
        q = { ...restoreQuery(memory.pending, now), ...(q.place ? { place: q.place } : {}) };
      } else if (!isListingsQuestion(q)) {
        if (memory.last && isFollowUp(q)) q = restoreQuery(memory.last, now, q);
        else if (!q.bare) return null;
      }

      if (q.place?.known && q.place.alternatives) {
        // One short question, with a button per place; the answer comes back as a place name.
        const options = q.place.alternatives.map(describePlace);
        const pending = q.bare && memory.pending ? memory.pending : storeQuery(q);
        return {
          kind: "need_place",
          replies: [{ text: listingsTextsFor(request.language).whichPlace(options), buttons: options.map((o, i) => ({ id: `${PLACE_CHOICE_ACTION}_${i + 1}`, label: o, value: o })) }],
          sources: [],
          memory: writeMemory({ pending }),
        };
      }
      const origin = await findOrigin(q, request, memory, gazetteer);
      if (!origin || "unknown" in origin) {
        const example = gazetteer.examplePostcode();
        const ask =
          origin && "unknown" in origin
            ? listingsTextsFor(request.language).unknownPlace(origin.unknown, example)
            : request.persona === "professional"
              ? listingsTextsFor(request.language).askPlaceProfessional(example)
              : listingsTextsFor(request.language).askPlace(example);
        const pending = q.bare && memory.pending ? memory.pending : storeQuery(q);
        return { kind: "need_place", replies: [{ text: ask, requestLocation: true }], sources: [], memory: writeMemory({ pending }), seeking: q.seeking };
      }
      return answer(index, gazetteer, q, origin, request, now, { ...(origin.remember ? {} : { viaLocation: memory.viaLocation }), ...(memory.shown ? { shown: memory.shown } : {}), ...(memory.earlier ? { earlier: memory.earlier } : {}) });
    },

    async describeListings(request) {
      const now = toLocal(request.now, deps.timeZone);
      const { index, gazetteer } = await deps.snapshot();
      const items = request.ids.flatMap((id) => index.byId(id) ?? []);
      if (items.length === 0) return null;
      // Distances only from a place the conversation already knows (no geocoding here: the knowledge path stays fast).
      const known = request.place ? gazetteer.byName(request.place) ?? (/^\d{4}/.test(request.place) ? gazetteer.postcode(request.place.slice(0, 4)) : undefined) : undefined;
      const origin = request.location ?? (known ? { lat: known.lat, lon: known.lon } : undefined);
      const days = upcomingDays(now);
      const hits: SearchHit[] = items.map((item) => {
        const next = nextOccurrence(item.entries, now, undefined, days);
        return { item, score: 0, distanceKm: origin ? haversineKm(origin, { lat: item.listing.latitude, lon: item.listing.longitude }) : Number.NaN, ...(next ? { next } : {}) };
      });
      return { text: hits.map((h, i) => renderHit(h, i + 1, now, { ...(request.language ? { language: request.language } : {}) })).join("\n\n"), sources: sourcesFor(hits) };
    },

    async nearestHelp(request) {
      const now = toLocal(request.now, deps.timeZone);
      const { index, gazetteer } = await deps.snapshot();
      const q = understandQuestion(request.text, { vocabulary: deps.vocabulary, gazetteer, now });
      if (q.place?.known && q.place.alternatives) return null;
      const origin = await findOrigin(q, request, readMemory(request.memory), gazetteer);
      if (!origin || "unknown" in origin) return null;
      const outside = !gazetteer.covers(origin.gemeentecode);
      const help = HELP_FOR[request.topic];
      const hits = index.search({
        origin: origin.point,
        radiusKm: NEAR_LIMIT_KM,
        categories: help.categories,
        keywords: help.keywords,
        audiences: [],
        languages: [],
        preferredLanguages: q.preferredLanguages,
        accessible: false,
        now,
        limit: 4,
      });
      // Named for the need ("Schuldhulp-inloop" for debts) fits better than only mentioning it (a geldcafé); the
      // keywords are in order of need, so what meets the first need (food before the debts behind it) comes first.
      const named = (h: SearchHit) => {
        const name = normalise(h.item.listing.name);
        const at = help.keywords.findIndex((k) => name.includes(k));
        return at < 0 ? help.keywords.length : at;
      };
      hits.sort((a, b) => named(a) - named(b));
      hits.splice(request.persona === "resident" ? 1 : 2);
      const remember = origin.remember ? { place: origin.remember } : {};
      const t = listingsTextsFor(request.language);
      const rendered = hits.map((h, i) => renderHit(h, i + 1, now, { ...(request.language ? { language: request.language } : {}) }));
      if (outside) {
        // Not one of our gemeenten: say so by name, with that gemeente's own route (and help just across the border).
        const own = t.outsideGemeente(gemeenteName(origin, gazetteer));
        const text = hits.length
          ? [t.outsideNearby(nameOf(origin, t)), ...rendered, own].join("\n\n")
          : [t.outside(nameOf(origin, t)), t.coveredOnly(gazetteer.coveredNames()), own].filter(Boolean).join("\n");
        return { reply: { text }, sources: sourcesFor(hits), outside: true, ...remember };
      }
      if (hits.length === 0) return null;
      const text = [t.helpNearby(whereOf(origin, t)), ...rendered].join("\n\n");
      // What was shown, for a follow-up about it ("moet ik me aanmelden?", "wat moet ik meenemen?").
      const before = readMemory(request.memory);
      const memory = writeMemory({ ...before, shown: hits.map((h) => h.item.listing.id), earlier: earlierOf(before) });
      return { reply: { text }, sources: sourcesFor(hits), memory, ...remember };
    },
  };

  function locationOrigin(point: GeoPoint, gazetteer: Gazetteer): Origin {
    const gemeente = gazetteer.gemeenteAt(point);
    return { point, ...(gemeente ? { locationGemeente: gemeente.name, gemeentecode: gemeente.code } : {}) };
  }

  function pointOrigin(point: GeoPoint, name: string, gazetteer: Gazetteer, remember?: string): Origin {
    const code = gazetteer.gemeenteAt(point)?.code;
    return { point, place: { where: name, name }, ...(code ? { gemeentecode: code } : {}), ...(remember ? { remember } : {}) };
  }

  async function findOrigin(q: UnderstoodQuestion, request: ListingRequest, memory: SearchMemory, gazetteer: Gazetteer): Promise<Origin | { unknown: string } | undefined> {
    const mention = q.place;
    if (mention?.known) {
      const postcode = mention.place.kind === "postcode";
      // A full postcode is more precise at PDOK than the 4-digit area centre.
      const precise = mention.text.length > 4 && postcode ? await deps.geocoder.geocode(mention.text) : undefined;
      const point = precise ?? mention.place;
      const name = postcode ? mention.text : mention.place.name;
      const code = mention.place.gemeentecode ?? gazetteer.gemeenteAt(point)?.code;
      return {
        point: { lat: point.lat, lon: point.lon },
        place: { where: name, name: postcode && mention.place.municipality ? `${name} (${mention.place.municipality})` : name },
        ...(code ? { gemeentecode: code } : {}),
        ...(mention.place.municipality ? { municipality: mention.place.municipality } : {}),
        remember: rememberAs(mention.place, mention.text, gazetteer),
      };
    }
    if (mention && !mention.known) {
      const found = await deps.geocoder.geocode(mention.text);
      if (!found) return { unknown: mention.text };
      return pointOrigin({ lat: found.lat, lon: found.lon }, mention.text, gazetteer, mention.text);
    }
    if (request.location && (memory.viaLocation || !request.place)) return locationOrigin(request.location, gazetteer);
    if (request.place) {
      const found = await deps.geocoder.geocode(request.place);
      if (found) return pointOrigin({ lat: found.lat, lon: found.lon }, request.place, gazetteer);
    }
    if (request.location) return locationOrigin(request.location, gazetteer);
    return undefined;
  }

  function answer(
    index: ListingIndex,
    gazetteer: Gazetteer,
    q: UnderstoodQuestion,
    origin: Origin,
    request: ListingRequest,
    now: LocalNow,
    memory: SearchMemory,
    defaultTime?: "nu",
  ): ListingResponse {
    const { persona, language } = request;
    const t = listingsTextsFor(language);
    const time: TimeAsk | undefined = q.time ?? (defaultTime ? readTime(["nu"], [false], now).ask : undefined);
    const limit = persona === "resident" ? 3 : 5;
    const base: SearchQuery = {
      origin: origin.point,
      radiusKm: NEAR_LIMIT_KM,
      categories: q.categories,
      keywords: q.keywords,
      ...(q.focus ? { focus: q.focus } : {}),
      audiences: q.audiences,
      ...(q.circumstances ? { circumstances: q.circumstances } : {}),
      ...(q.notFor ? { notFor: q.notFor } : {}),
      ...(q.cost ? { cost: q.cost } : {}),
      languages: q.languages,
      preferredLanguages: q.preferredLanguages,
      accessible: q.accessible,
      ...(time ? { slots: time.slots } : {}),
      now,
      limit,
    };
    const remember = origin.remember ? { place: origin.remember } : {};
    if (!gazetteer.covers(origin.gemeentecode)) {
      // Outside the gemeenten the listings cover: say so by name, never far-away results as if near.
      const nearby = index.search({ ...base, radiusKm: NEAR_LIMIT_KM, slots: undefined });
      const text =
        nearby.length > 0
          ? [t.outsideNearby(nameOf(origin, t)), ...nearby.map((h, i) => renderHit(h, i + 1, now, { ...(language ? { language } : {}) }))].join("\n\n")
          : [t.outside(nameOf(origin, t)), t.coveredOnly(gazetteer.coveredNames()), t.outsideHelp(gemeenteName(origin, gazetteer))].filter(Boolean).join("\n");
      const shownNearby = writeMemory({ ...memory, last: storeQuery(q), shown: nearby.map((h) => h.item.listing.id), earlier: earlierOf(memory) });
      return { kind: "results", replies: [{ text }], sources: sourcesFor(nearby), memory: shownNearby, ...remember };
    }
    const { hits, relaxed } = searchWithWidening(index, base, q);
    const shownMemory = writeMemory({ ...memory, last: storeQuery(q), shown: hits.map((h) => h.item.listing.id), earlier: earlierOf(memory) });
    // For the coordinator's counts: a postcode counts as its 4-digit area, never more precise.
    const name = origin.place?.name;
    const area = name === undefined ? undefined : /^\d{4}/.test(name) ? name.slice(0, 4) : name;
    const asked = { categories: [...q.categories], ...(area ? { area } : {}), shown: hits.map((h) => ({ id: h.item.listing.id, name: h.item.listing.name })) };
    // The frame in the resident's language; place names and the gazetteer's own phrases stay Dutch for now.
    if (hits.length === 0) return { kind: "results", replies: [{ text: t.nothing }], sources: [], memory: shownMemory, asked, ...remember };
    const where = hits[0]!.distanceKm <= NEAR_LIMIT_KM || !origin.place ? whereOf(origin, t) : t.fromPlace(origin.place.name);
    const intro = describeSearch(q, relaxed, where, time, language);
    const replies = renderResults({ intro, hits, now, persona, showAccess: q.accessible, ...(language ? { language } : {}) });
    const sources = replies.flatMap((r) => r.sources ?? []);
    return { kind: "results", replies: replies.map(({ sources: _s, ...r }) => r), sources, memory: shownMemory, asked, ...remember };
  }
}

/**
 * Which listings help with a situation that needs a person; the keywords (stems) rank the closest fit first, in
 * order of need: no food is food first (voedselbank, a meal), then money help.
 */
const HELP_FOR: Record<HelpTopic, { categories: Category[]; keywords: string[] }> = {
  debts: { categories: ["geldzaken"], keywords: ["schul", "brief", "inloo"] },
  rent: { categories: ["geldzaken", "informatie-en-advies"], keywords: ["schul", "huur", "inloo"] },
  money: { categories: ["eten-en-koken", "geldzaken"], keywords: ["voeds", "voedse", "maaltij", "geldsp", "schul", "inloo"] },
  eviction: { categories: ["geldzaken", "informatie-en-advies"], keywords: ["schul", "huur", "wonin", "inloo"] },
  care: { categories: ["mantelzorg"], keywords: ["mante", "steun", "respi"] },
};

/** A follow-up about one listing whose name the message uses ("die rouwgroep"), else undefined. */
function namedIn(followUp: ShownFollowUp | undefined, text: string): ShownFollowUp | undefined {
  if (followUp?.listings.length !== 1) return undefined;
  const said = new Set(tokens(text));
  return tokens(followUp.listings[0]!.name).some((w) => w.length >= 4 && said.has(w)) ? followUp : undefined;
}

/** The last sentence of a message (the whole message when it is one). */
function lastSentence(text: string): string {
  const parts = text.split(/[.!?؟]+\s+/).map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 ? parts[parts.length - 1]! : text;
}

/** "Hoogland (Amersfoort)", or "Bergen (NH.)" for a gemeente. */
function describePlace(p: KnownPlace): string {
  // "gemeente Oosterhout" beside "Oosterhout (Nijmegen)": read again, it finds the gemeente.
  if (p.kind === "gemeente") return `gemeente ${p.name}`;
  return !p.municipality || p.municipality === p.name ? p.name : `${p.name} (${p.municipality})`;
}

/**
 * The name to remember for a place the message named: a postcode as it was typed ("3705", "3705 AB"); a name alone
 * when it finds this place again, else with its gemeente ("Bloemenbuurt (Leeuwarden)").
 */
function rememberAs(place: KnownPlace, typed: string, gazetteer: Gazetteer): string {
  if (place.kind === "postcode") return typed;
  const alone = gazetteer.byName(place.name);
  return alone && alone.gemeentecode === place.gemeentecode && !(alone.kind !== place.kind && alone.name !== place.name) ? place.name : describePlace(place);
}

function gemeenteName(origin: Origin, gazetteer: Gazetteer): string | undefined {
  return origin.municipality ?? gazetteer.gemeenteAt(origin.point)?.name;
}

/**
 * "de eerste. moet je daar opgeven. en is dat ver?": several short sentences that are each about the listings
 * shown read as one follow-up: the listing pointed at in one of them, the aspects of all. Undefined when
 * any sentence is a question of its own.
 */
function readEachSentence(text: string, read: (said: string) => ShownFollowUp | undefined): ShownFollowUp | undefined {
  const sentences = chatSentences(text).flatMap((s) => s.split(/\n+/).map((line) => line.trim()).filter(Boolean));
  if (sentences.length < 2) return undefined;
  const reads = sentences.map(read);
  if (reads.some((r) => r === undefined)) return undefined;
  const all = reads as ShownFollowUp[];
  const narrowest = all.reduce((a, b) => (b.listings.length < a.listings.length ? b : a));
  const aspects = [...new Set(all.flatMap((r) => r.aspects))];
  return { listings: narrowest.listings, aspects };
}

/** Listings shown in this conversation before the last list, newest first: a name can point back at them ("dat geheugencafé van daarnet"). */
const EARLIER_KEPT = 12;
function earlierOf(memory: SearchMemory): string[] | undefined {
  const ids = [...new Set([...(memory.shown ?? []), ...(memory.earlier ?? [])])].slice(0, EARLIER_KEPT);
  return ids.length > 0 ? ids : undefined;
}

/** The only sentence of several that ends with a question mark, else undefined. */
function askingSentenceOf(text: string): string | undefined {
  const sentences = chatSentences(text);
  const asking = sentences.filter((s) => /[?؟]\s*$/.test(s));
  return sentences.length > 1 && asking.length === 1 ? asking[0] : undefined;
}

function isFollowUp(q: UnderstoodQuestion): boolean {
  if (q.knowledge || q.categories.length > 0 || q.leftover > 0) return false;
  return q.time !== undefined || q.cost !== undefined || q.languages.length > 0 || q.audiences.length > 0 || q.accessible || q.place !== undefined;
}

/** "in de buurt van Zeist", "near your location": the frame's words for where the search is, in the resident's language. */
function whereOf(origin: Origin, t: ListingsTexts): string {
  return origin.place ? t.nearPlace(origin.place.where) : t.nearLocation;
}

/** What to call the place in "Ik heb geen activiteiten in …": the place, the gemeente of a shared location, or "uw buurt". */
function nameOf(origin: Origin, t: ListingsTexts): string {
  return origin.place?.name ?? (origin.locationGemeente ? t.theGemeente(origin.locationGemeente) : t.yourArea);
}
