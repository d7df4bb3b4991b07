import { boundedEditDistance } from "../text/edit-distance.js";
import { allowedTypos, normalise } from "./text-match.js";

export type PlaceKind = "postcode" | "gemeente" | "plaats" | "wijk" | "buurt";

/** A place the assistant can search around. */
export interface KnownPlace {
  /** What to call it in an answer: "3701", "Kerckebosch", "Vathorst". */
  name: string;
  kind: PlaceKind;
  /** Name of its gemeente ("Amersfoort"). */
  municipality?: string;
  /** CBS code of its gemeente ("GM0307"), when known. */
  gemeentecode?: string;
  lat: number;
  lon: number;
  /** Inhabitants (0 when unknown): which of two same-named places people mean more often. */
  inwoners?: number;
}

/** Which kind wins when one name is several kinds of place in one gemeente. */
export const KIND_RANK: Record<PlaceKind, number> = { gemeente: 0, plaats: 1, wijk: 2, buurt: 3, postcode: 4 };

/** A name in the text: the word span and every place with that name. */
export interface NameHit {
  start: number;
  end: number;
  key: string;
  places: KnownPlace[];
  /** Typos between the text and the name (0 = exact). */
  distance: number;
}

/**
 * Place names, normalised (lower case, no accents or punctuation), with the places that carry
 * each name. Exact lookups go word by word from the first word; typo lookups compare the joined
 * letters of 1–3 tokens against every name, prefiltered by length and by the set of letters
 * (an edit changes at most two letters of that set), so 20,000 names stay fast.
 */
export interface NameIndex {
  /** Every exact name match that starts at an unused token. */
  exact(tokens: string[], used: boolean[]): NameHit[];
  /** The nearest names within the typos allowed for a span of letters (all at the least distance), or undefined. */
  near(joined: string): { keys: string[]; distance: number } | undefined;
  places(key: string): KnownPlace[];
  /** Every name key, for indexes built on top (the sound index of names in other scripts). */
  keys(): readonly string[];
  readonly size: number;
}

/** `key`, when given, is `normalise(name)` already worked out. */
export function buildNameIndex(entries: Array<{ name: string; key?: string; place: KnownPlace }>): NameIndex {
  const byKey = new Map<string, KnownPlace[]>();
  for (const { name, key: given, place } of entries) {
    const key = given ?? normalise(name);
    if (key === "") continue;
    const list = byKey.get(key);
    if (list) list.push(place);
    else byKey.set(key, [place]);
  }
  // Compact per-name facts (typed arrays, no per-name arrays): 20,000 names stay a few MB.
  const keys = [...byKey.keys()];
  const wordCounts = Uint8Array.from(keys, (k) => Math.min(255, k.split(" ").length));
  const lengths = Uint8Array.from(keys, (k, i) => Math.min(255, k.length - wordCounts[i]! + 1));
  const masks = Int32Array.from(keys, letterMask);
  // Names ordered by length, with where each length starts: a typo search reads only lengths ± typos.
  const byLength = Int32Array.from(keys.keys()).sort((a, b) => lengths[a]! - lengths[b]!);
  const lengthStart = new Int32Array(257).fill(keys.length);
  for (let r = byLength.length - 1; r >= 0; r--) lengthStart[lengths[byLength[r]!]!] = r;
  for (let l = 255; l >= 0; l--) lengthStart[l] = Math.min(lengthStart[l]!, lengthStart[l + 1]!);
  const byFirstWord = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const space = key.indexOf(" ");
    const first = space < 0 ? key : key.slice(0, space);
    const list = byFirstWord.get(first);
    if (list) list.push(i);
    else byFirstWord.set(first, [i]);
  });
  const nearMemo = new Map<string, { keys: string[]; distance: number } | null>();

  return {
    size: keys.length,
    places: (key) => byKey.get(key) ?? [],
    keys: () => keys,
    exact(tokens, used) {
      const hits: NameHit[] = [];
      for (let start = 0; start < tokens.length; start++) {
        if (used[start]) continue;
        for (const i of byFirstWord.get(tokens[start]!) ?? []) {
          const n = wordCounts[i]!;
          if (start + n > tokens.length) continue;
          let ok = true;
          for (let k = 1; k < n && ok; k++) ok = !used[start + k];
          if (ok && (n === 1 || tokens.slice(start, start + n).join(" ") === keys[i])) hits.push({ start, end: start + n, key: keys[i]!, places: byKey.get(keys[i]!)!, distance: 0 });
        }
      }
      return hits;
    },
    near(span) {
      const known = nearMemo.get(span);
      if (known !== undefined) return known ?? undefined;
      const typos = allowedTypos(span.length);
      let best: { keys: string[]; distance: number } | undefined;
      if (typos > 0) {
        const mask = letterMask(span);
        const len = span.length;
        const from = lengthStart[Math.max(0, len - typos)]!;
        const to = lengthStart[Math.min(256, len + typos + 1)]!;
        for (let r = from; r < to; r++) {
          const i = byLength[r]!;
          if (popcount(masks[i]! ^ mask) > 2 * typos) continue;
          const joined = keys[i]!.replace(/ /g, "");
          const max = Math.min(typos, allowedTypos(joined.length));
          const d = boundedEditDistance(span, joined, max);
          // Every name at the least distance: "hatrt" is as near to Haart as to Hatert, and the caller knows which is covered.
          if (d <= max && (!best || d < best.distance)) best = { keys: [keys[i]!], distance: d };
          else if (d <= max && best && d === best.distance && !best.keys.includes(keys[i]!)) best.keys.push(keys[i]!);
          if (best?.distance === 0) break;
        }
      }
      if (nearMemo.size >= 10_000) nearMemo.clear();
      nearMemo.set(span, best ?? null);
      return best;
    },
  };
}

/** One bit per letter a–z that occurs in the word (digits and other letters share bit 26). */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    mask |= c >= 0 && c < 26 ? 1 << c : 1 << 26;
  }
  return mask;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
