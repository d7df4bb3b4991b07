import { KIND_RANK, type KnownPlace, type NameHit } from "./place-names.js";

/** "in Vathorst", "bij De Bilt", "omgeving Leeuwarden", "ik woon in …", "wijk Liendert". */
const PLACE_WORDS = new Set(["in", "bij", "rond", "rondom", "nabij", "omgeving", "uit", "naar", "wijk", "buurt", "dorp", "gemeente", "plaats", "near", "around"]);
const ARTICLES = new Set(["de", "het", "t"]);
/** More same-named wijken or buurten in other gemeenten than this: the name alone says nothing ("Centrum"). */
const MAX_CHOICES = 3;

/** What the message says around a name, beyond the name itself. */
export interface PlaceEvidence {
  /** A place word before it ("in", "bij", "wijk"), an article in between allowed. */
  preposition: boolean;
  /** Written with a capital, not as the first word. */
  capital: boolean;
  /** The message is only the name. */
  bare: boolean;
  /** Only ordinary words of a question ("de buurt", "koffie", "de"): a place only when written as a name. */
  common: boolean;
  /** "gemeente" right before it ("gemeente Oosterhout"): the gemeente of that name is meant. */
  gemeente?: boolean;
}

/** How sure the words around a name make it a place: 2 (place word or alone), 1 (capital), 0. */
export function evidenceStrength(ev: PlaceEvidence): number {
  return ev.preposition || ev.bare ? 2 : ev.capital ? 1 : 0;
}

export function placeEvidence(tokens: string[], cased: string[] | undefined, hit: Pick<NameHit, "start" | "end">, skip: (t: string) => boolean): PlaceEvidence {
  let before = hit.start - 1;
  if (before >= 0 && ARTICLES.has(tokens[before]!)) before--;
  return {
    preposition: before >= 0 && PLACE_WORDS.has(tokens[before]!),
    capital: cased !== undefined && hit.start > 0 && /^\p{Lu}/u.test(cased[hit.start] ?? ""),
    bare: hit.start === 0 && hit.end === tokens.length,
    common: tokens.slice(hit.start, hit.end).every(skip),
    ...(before >= 0 && tokens[before] === "gemeente" ? { gemeente: true } : {}),
  };
}

export interface ChoiceInput {
  evidence: PlaceEvidence;
  /** Found with typos. */
  fuzzy: boolean;
  covered: (gemeentecode: string | undefined) => boolean;
  /** Letters in the name (without spaces). */
  joinedLength: number;
  /** With `fuzzy`: the typed letters and the name start alike (a slip on the first letter is rare). */
  sameStart: boolean;
  /** A gemeente or woonplaats named right after the name ("Hoogland in Amersfoort"). */
  qualifier: (from: number) => { codes: Set<string>; end: number } | undefined;
  /** Where the name ends in the tokens (for the qualifier). */
  hitEnd: number;
}

/**
 * Which of the places with one name the message means, or undefined when it is not a place here.
 * Places in covered gemeenten come first and need little evidence; a place elsewhere needs a
 * place word, a capital or a message of its own, and more so for a short name or a common word.
 * When the name stays ambiguous across gemeenten the caller asks, with at most three choices.
 */
export function chooseAmong(places: KnownPlace[], input: ChoiceInput): { place: KnownPlace; end?: number; alternatives?: KnownPlace[] } | undefined {
  if (places.length === 0) return undefined;
  const { evidence: ev, fuzzy, covered, joinedLength } = input;
  let candidates = places;
  let end: number | undefined;
  const q = input.qualifier(input.hitEnd);
  if (q) {
    const named = candidates.filter((p) => p.gemeentecode && q.codes.has(p.gemeentecode));
    if (named.length > 0) {
      candidates = named;
      end = q.end;
    }
  }
  if (ev.gemeente && candidates.some((p) => p.kind === "gemeente")) candidates = candidates.filter((p) => p.kind === "gemeente");
  const strong = ev.preposition || ev.bare || end !== undefined;
  // "in de buurt", "koffie": ordinary words need a capital, or nothing else in the message.
  if (ev.common && !ev.capital && !ev.bare && end === undefined) return undefined;
  const inCovered = candidates.filter((p) => covered(p.gemeentecode));
  if (inCovered.length > 0) {
    if (!fuzzy && joinedLength <= 4 && !strong && !ev.capital) return undefined;
    const here = pick(inCovered, true);
    const town = !fuzzy && end === undefined && here ? largerTownElsewhere(candidates, here.place, covered) : undefined;
    // "Oosterhout" is a buurt of Nijmegen and a gemeente in Brabant: ask, the covered place first.
    if (here && town) return { place: here.place, alternatives: [...(here.alternatives ?? [here.place]).slice(0, MAX_CHOICES - 1), town] };
    candidates = inCovered;
  } else if (fuzzy) {
    if (!ev.preposition || joinedLength < 6 || !input.sameStart) return undefined;
  } else {
    if (joinedLength <= 4 && !strong) return undefined;
    if (!strong && !ev.capital) return undefined;
  }
  const picked = pick(candidates, inCovered.length > 0);
  if (!picked) return undefined;
  return { ...picked, ...(end !== undefined ? { end } : {}) };
}

/**
 * A gemeente or woonplaats outside the covered gemeenten with the exact name of a covered wijk or
 * buurt, and more inhabitants than it: what many people mean by the name.
 */
function largerTownElsewhere(candidates: KnownPlace[], here: KnownPlace, covered: (code: string | undefined) => boolean): KnownPlace | undefined {
  if (KIND_RANK[here.kind] <= KIND_RANK.plaats) return undefined;
  const towns = candidates
    .filter((p) => !covered(p.gemeentecode) && KIND_RANK[p.kind] <= KIND_RANK.plaats && (p.inwoners ?? 0) > (here.inwoners ?? 0))
    .sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || (b.inwoners ?? 0) - (a.inwoners ?? 0));
  return towns[0];
}

function pick(candidates: KnownPlace[], covered: boolean): { place: KnownPlace; alternatives?: KnownPlace[] } | undefined {
  const better = (a: KnownPlace, b: KnownPlace) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || (b.inwoners ?? 0) - (a.inwoners ?? 0);
  const perGemeente = new Map<string, KnownPlace>();
  for (const p of candidates) {
    const key = p.gemeentecode ?? p.municipality ?? p.name;
    const had = perGemeente.get(key);
    if (!had || better(p, had) < 0) perGemeente.set(key, p);
  }
  const tops = [...perGemeente.values()].sort(better);
  if (tops.length === 1) return { place: tops[0]! };
  const towns = tops.filter((p) => KIND_RANK[p.kind] <= KIND_RANK.plaats);
  if (towns.length === 1) return { place: towns[0]! };
  // A gemeente of that name beats a village of that name elsewhere ("Hengelo").
  const gemeenten = towns.filter((p) => p.kind === "gemeente");
  if (gemeenten.length === 1) return { place: gemeenten[0]! };
  const options = towns.length > 0 ? towns : tops;
  if (options.length > MAX_CHOICES && !covered && towns.length === 0) return undefined;
  const alternatives = options.slice(0, MAX_CHOICES);
  return { place: alternatives[0]!, alternatives };
}
