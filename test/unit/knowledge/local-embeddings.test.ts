import { describe, expect, it } from "vitest";
import { EMPTY_LEXICON } from "../../../src/knowledge/lexicon.js";
import { fitLocalEmbeddings, hashFeature, LocalEmbeddings } from "../../../src/knowledge/local-embeddings.js";
import { DEFAULT_FEATURE_WEIGHTS, type FeatureContext } from "../../../src/knowledge/text-features.js";
import { buildVocabulary } from "../../../src/knowledge/vocabulary.js";

const texts = [
  "Vrijwilligers koken voor buurtgenoten die niet meer zelf kunnen koken.",
  "De buurtsportcoach organiseert wekelijks wandelen voor ouderen.",
  "Mantelzorgers krijgen steun van de gemeente.",
  "Het buurthuis is een ontmoetingsplek voor iedereen.",
];
const context: FeatureContext = { vocabulary: buildVocabulary(texts), lexicon: EMPTY_LEXICON, weights: DEFAULT_FEATURE_WEIGHTS };
const make = () => new LocalEmbeddings(fitLocalEmbeddings(texts, context, { dimensions: 512 }), context);
const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

describe("LocalEmbeddings", () => {
  it("is deterministic: same text, same vector, also from a new instance and after a JSON round trip", async () => {
    const state = fitLocalEmbeddings(texts, context, { dimensions: 512 });
    const a = await new LocalEmbeddings(state, context).embedQuery("wandelen met ouderen");
    const b = await new LocalEmbeddings(JSON.parse(JSON.stringify(state)), context).embedQuery("wandelen met ouderen");
    expect(a).toEqual(b);
    expect(hashFeature("koffie")).toBe(hashFeature("koffie"));
  });

  it("returns L2-normalised vectors of the configured size, also for empty text", async () => {
    const embeddings = make();
    const vectors = await embeddings.embedDocuments([...texts, ""]);
    for (const vector of vectors) {
      expect(vector).toHaveLength(512);
      expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 6);
    }
  });

  it("puts a question closest to the text about the same thing, even with a typo", async () => {
    const embeddings = make();
    const documents = await embeddings.embedDocuments(texts);
    const closest = async (query: string) => {
      const q = await embeddings.embedQuery(query);
      const scores = documents.map((d) => dot(d, q));
      return scores.indexOf(Math.max(...scores));
    };
    expect(await closest("wie kookt er voor mijn buurman")).toBe(0);
    expect(await closest("wandelen voor oudere mensen")).toBe(1);
    expect(await closest("mantelzorgr steun")).toBe(2);
  });
});
