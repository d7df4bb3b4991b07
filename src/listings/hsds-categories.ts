import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { AUDIENCES, CATEGORIES, type Audience, type Category } from "./listing-model.js";
import type { ListingsVocabulary } from "./listings-vocabulary.js";
import { normalise, tokens } from "./text-match.js";

export const TAXONOMY_MAP_FILE = "hsds-taxonomy-map.json";

const entries = z.array(z.string().min(1));
const mapSchema = z.object({
  version: z.number().optional(),
  note: z.string().optional(),
  groups: z.array(
    z.object({
      taxonomy: z.string(),
      categories: z.partialRecord(z.enum(CATEGORIES), entries),
      audiences: z.partialRecord(z.enum(AUDIENCES), entries).optional(),
    }),
  ),
});
export type TaxonomyMapData = z.infer<typeof mapSchema>;

/** A taxonomy term as a feed attaches it to a service. */
export interface TermRef {
  code?: string;
  name?: string;
}

/**
 * Turns what an HSDS feed says about a service into our categories and audiences: its taxonomy
 * terms through the mapping table (data, `knowledge/hsds-taxonomy-map.json`), and where no term maps,
 * the words of its name and description through the listings vocabulary (the same words residents' questions are read with).
 */
export interface ListingClassifier {
  fromTerms(terms: readonly TermRef[]): { categories: Category[]; audiences: Audience[] };
  /** Categories named in the text, best first (at most two): the name counts more than the description. */
  fromText(name: string, description: string): Category[];
}

/** Loads the mapping table from the knowledge folder; a malformed table stops with the path and the problem. */
export function loadTaxonomyMap(knowledgeDir: string): TaxonomyMapData {
  const path = join(knowledgeDir, TAXONOMY_MAP_FILE);
  const parsed = mapSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

export function createListingClassifier(map: TaxonomyMapData, vocabulary: Pick<ListingsVocabulary, "categories">): ListingClassifier {
  const exact = new Map<string, { categories: Set<Category>; audiences: Set<Audience> }>();
  const prefixes: Array<{ prefix: string; category: Category }> = [];
  const slot = (key: string) => {
    let s = exact.get(key);
    if (!s) exact.set(key, (s = { categories: new Set(), audiences: new Set() }));
    return s;
  };
  for (const group of map.groups) {
    for (const [category, list] of Object.entries(group.categories) as Array<[Category, string[]]>) {
      for (const entry of list) {
        if (entry.endsWith("*")) prefixes.push({ prefix: entry.slice(0, -1), category });
        else slot(normalise(entry)).categories.add(category);
      }
    }
    for (const [audience, list] of Object.entries(group.audiences ?? {}) as Array<[Audience, string[]]>) {
      for (const entry of list) slot(normalise(entry)).audiences.add(audience);
    }
  }

  return {
    fromTerms(terms) {
      const categories = new Set<Category>();
      const audiences = new Set<Audience>();
      for (const term of terms) {
        for (const value of [term.code, term.name]) {
          if (!value) continue;
          const hit = exact.get(normalise(value));
          hit?.categories.forEach((c) => categories.add(c));
          hit?.audiences.forEach((a) => audiences.add(a));
        }
        const code = term.code?.trim();
        if (code) for (const p of prefixes) if (code.startsWith(p.prefix) && /^([-.A-Z]|$)/.test(code.slice(p.prefix.length))) categories.add(p.category);
      }
      return { categories: [...categories], audiences: [...audiences] };
    },
    fromText(name, description) {
      const score = new Map<Category, number>();
      const count = (text: string, weight: number) => {
        const words = tokens(text);
        for (const m of vocabulary.categories.match(words, words.map(() => false))) {
          score.set(m.label as Category, (score.get(m.label as Category) ?? 0) + weight);
        }
      };
      count(name, 3);
      count(description, 1);
      // Only the strongest: a word in passing ("met vrijwilligers") does not make a second category.
      const best = Math.max(0, ...score.values());
      return [...score.entries()]
        .filter(([, n]) => n === best)
        .slice(0, 2)
        .map(([c]) => c);
    },
  };
}

/** The classifier for a knowledge folder: its mapping table (none = no mapped terms) and its listings vocabulary. */
export function loadListingClassifier(knowledgeDir: string, vocabulary: Pick<ListingsVocabulary, "categories">): ListingClassifier {
  const map = existsSync(join(knowledgeDir, TAXONOMY_MAP_FILE)) ? loadTaxonomyMap(knowledgeDir) : { groups: [] };
  return createListingClassifier(map, vocabulary);
}
