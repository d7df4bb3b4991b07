/**
 * Finds a place name written in another script in a message's tokens, by its sound (see
 * `script-names.ts`). A consonant skeleton says less than a spelled name, so the evidence needed
 * grows with how little it says: a town or gemeente where the listings are counts on its own (also
 * with a prefix, "بزايست"); a wijk there, or a town elsewhere, needs a preposition ("في", "у", "ኣብ")
 * right before the word as written (or, for a town, the name alone as the answer to "Waar zoekt u?") and a
 * skeleton of at least {@link LONG_SKELETON} letters, so
 * "في البيت" ("in the house") is not read as the village Putte. In scripts that write every vowel
 * the letters must be close as well ("тигринья" is not Uithoorn).
 */
import type { PlaceMatch } from "./gazetteer.js";
import type { PlaceEvidence } from "./place-choice.js";
import type { NameHit } from "./place-names.js";
import type { ForeignKey, ScriptNames } from "./script-names.js";
import { boundedEditDistance } from "../text/edit-distance.js";

/** Skeleton letters a place outside the covered gemeenten needs ("mrsfrt" for Amersfoort, "trHt" for Utrecht). */
const LONG_SKELETON = 4;

export interface OtherScriptDeps {
  names: ScriptNames;
  /** Consonant skeleton → name keys of the gazetteer. */
  soundIndex: Map<string, string[]>;
  /** The gazetteer's own choice among the places of a name, with the evidence given. */
  resolve: (hit: NameHit, evidence: PlaceEvidence) => (PlaceMatch & { strength: number }) | undefined;
  covered: (gemeentecode: string | undefined) => boolean;
  /** The assistant asked where: a town's name as the whole answer counts as much as a preposition before it. */
  placeAsked?: boolean;
}

type Scored = PlaceMatch & { strength: number };

export function findInOtherScript(tokens: string[], used: boolean[], skip: (t: string) => boolean, deps: OtherScriptDeps): Scored | undefined {
  const { names } = deps;
  const words = tokens.filter((t) => !names.isPreposition(t)).length;
  let best: Scored | undefined;
  let bestScore = -Infinity;
  tokens.forEach((token, i) => {
    if (used[i] || skip(token) || /\d/.test(token)) return;
    const preposition = i > 0 && names.isPreposition(tokens[i - 1]!);
    for (const foreign of names.foreignKeys(token)) {
      const { sound } = foreign;
      const evidence: PlaceEvidence = { preposition: preposition && !foreign.prefixed, capital: false, bare: words === 1, common: false };
      if (sound.length < names.minLength && !evidence.preposition) continue;
      for (const key of deps.soundIndex.get(sound) ?? []) {
        const distance = letterDistance(foreign, names.shape(key));
        if (distance === undefined) continue;
        const match = deps.resolve({ start: i, end: i + 1, key, places: [], distance: 0 }, evidence);
        if (!match || !enough(match, foreign, evidence, deps)) continue;
        // The gazetteer's strength first, then the name whose letters are closest ("اوتريخت": Utrecht, not Tricht), then the bigger place.
        const score = match.strength * 1000 - distance * 10 + Math.min(9, (match.place.inwoners ?? 0) / 10_000);
        if (score > bestScore) {
          best = match;
          bestScore = score;
        }
      }
    }
  });
  return best;
}

function enough(match: Scored, foreign: ForeignKey, evidence: PlaceEvidence, deps: OtherScriptDeps): boolean {
  const town = match.place.kind === "gemeente" || match.place.kind === "plaats";
  const covered = !match.alternatives && deps.covered(match.place.gemeentecode);
  if (covered && town) return true;
  const answersWhere = deps.placeAsked === true && evidence.bare && town;
  return (evidence.preposition || answersWhere) && foreign.sound.length >= LONG_SKELETON && (town || covered);
}

/**
 * How far the sounds are from the name's (both as {@link ForeignKey.shape}); undefined when a script
 * that writes every vowel is too far ("зейсті" is close to "zeist", "тигринья" is not "uithoorn").
 */
function letterDistance(foreign: ForeignKey, name: string): number | undefined {
  if (!foreign.vowels) return boundedEditDistance(foreign.shape, name, name.length + foreign.shape.length);
  const max = Math.max(1, Math.floor(name.length / 3));
  const d = boundedEditDistance(foreign.shape, name, max);
  return d <= max ? d : undefined;
}
