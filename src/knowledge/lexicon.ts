/**
 * The everyday ↔ policy lexicon (`knowledge/lexicon/synonyms.json`): residents say "eenzaam",
 * "geldzorgen", "mijn vader van 70"; the sources say "eenzaamheid", "bestaanszekerheid", "ouderen".
 * A query that contains any term of a group is expanded with the group's policy words; a source text
 * is tagged with the concepts whose policy words it contains, so both sides meet on the concept.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { tokenize, type Token } from "./dutch-text.js";

const lexiconFile = z.object({
  version: z.union([z.number(), z.string()]),
  note: z.string().optional(),
  keep: z.array(z.string()).optional(),
  groups: z.array(
    z.object({
      concept: z.string().min(1),
      everyday: z.array(z.string()),
      policy: z.array(z.string()),
    }),
  ),
});

export interface LexiconGroup {
  concept: string;
  /** Stem sequences of the everyday terms: what residents type. */
  everydayPatterns: string[][];
  /** Stem sequences of the policy terms: the sources' own words. */
  policyPatterns: string[][];
}

/** A term's stems and its group, filed under the term's first stem for fast matching. */
interface IndexedPattern {
  group: number;
  stems: string[];
  policy: boolean;
}

export interface Lexicon {
  groups: LexiconGroup[];
  /** Every term, filed under its first stem. */
  byFirstStem: ReadonlyMap<string, IndexedPattern[]>;
  /** Every content stem the lexicon knows (for typo correction of everyday words). */
  stems: ReadonlySet<string>;
  /** Every folded word the lexicon knows. */
  words: ReadonlySet<string>;
  /**
   * Stopwords that still count inside a lexicon term ("geen geld", "niet veilig", "zelf doen"):
   * without them the term would fire on "geld", "veilig" or nothing at all.
   */
  keep: ReadonlySet<string>;
}

export const EMPTY_LEXICON: Lexicon = { groups: [], byFirstStem: new Map(), stems: new Set(), words: new Set(), keep: new Set() };

/** The stems of tokens that lexicon terms are matched on: content words and the lexicon's kept stopwords. */
export function lexiconStems(tokens: readonly Token[], lexicon: Lexicon): string[] {
  return tokens.filter((t) => !t.stop || lexicon.keep.has(t.surface)).map((t) => t.stem);
}

/** Parses lexicon JSON text; throws a clear error naming the problem. */
export function parseLexicon(jsonText: string): Lexicon {
  const parsed = lexiconFile.safeParse(JSON.parse(jsonText));
  if (!parsed.success) throw new Error(`lexicon: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const stems = new Set<string>();
  const words = new Set<string>();
  const keep = new Set((parsed.data.keep ?? []).flatMap((word) => tokenize(word).map((t) => t.surface)));
  const groups = parsed.data.groups.map((group) => {
    const toPatterns = (terms: string[]) =>
      terms.flatMap((term) => {
        // Matching uses content stems (and kept stopwords) only, so "ik voel me alleen" also matches "voel me vaak alleen".
        const content = tokenize(term).filter((t) => !t.stop || keep.has(t.surface));
        for (const t of content) {
          if (t.stop) continue;
          stems.add(t.stem);
          words.add(t.surface);
        }
        return content.length ? [content.map((t) => t.stem)] : [];
      });
    return { concept: group.concept, everydayPatterns: toPatterns(group.everyday), policyPatterns: toPatterns(group.policy) };
  });
  const byFirstStem = new Map<string, IndexedPattern[]>();
  const file = (group: number, stems: string[], policy: boolean) => {
    const list = byFirstStem.get(stems[0]!);
    if (list) list.push({ group, stems, policy });
    else byFirstStem.set(stems[0]!, [{ group, stems, policy }]);
  };
  groups.forEach((group, index) => {
    for (const pattern of group.everydayPatterns) file(index, pattern, false);
    for (const pattern of group.policyPatterns) file(index, pattern, true);
  });
  return { groups, byFirstStem, stems, words, keep };
}

/** Loads the lexicon file; a missing file gives an empty lexicon (retrieval still works). */
export function loadLexicon(path: string): { lexicon: Lexicon; text: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { lexicon: EMPTY_LEXICON, text: "" };
  }
  return { lexicon: parseLexicon(text), text };
}

/**
 * Indexes of the groups whose terms occur (for documents: only the policy terms, since everyday
 * words like "alleen" mean other things in running text) in a sequence of content stems. A multi-word term
 * matches when its stems occur in order within a short window (other words may sit between).
 */
export function matchGroups(lexicon: Lexicon, stems: readonly string[], side: "query" | "document"): number[] {
  const positions = new Map<string, number[]>();
  stems.forEach((stem, i) => {
    const list = positions.get(stem);
    if (list) list.push(i);
    else positions.set(stem, [i]);
  });
  const matched = new Set<number>();
  for (const first of positions.keys()) {
    for (const pattern of lexicon.byFirstStem.get(first) ?? []) {
      if (matched.has(pattern.group) || (side === "document" && !pattern.policy)) continue;
      if (occursInOrder(pattern.stems, positions)) matched.add(pattern.group);
    }
  }
  return [...matched].sort((a, b) => a - b);
}

const WINDOW = 4;

function occursInOrder(pattern: readonly string[], positions: Map<string, number[]>): boolean {
  const starts = positions.get(pattern[0]!);
  if (!starts) return false;
  return starts.some((start) => {
    let at = start;
    for (const stem of pattern.slice(1)) {
      const next = positions.get(stem)?.find((p) => p > at && p <= at + WINDOW);
      if (next === undefined) return false;
      at = next;
    }
    return true;
  });
}
