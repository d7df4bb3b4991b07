import { describe, expect, it } from "vitest";
import { Bm25Index } from "../../../src/knowledge/bm25.js";
import { contentStems } from "../../../src/knowledge/dutch-text.js";
import { parseLexicon } from "../../../src/knowledge/lexicon.js";
import { createQueryAnalyzer } from "../../../src/knowledge/query-analyzer.js";
import { conceptTerm, DEFAULT_FEATURE_WEIGHTS, definedStems, documentTerms, type FeatureContext } from "../../../src/knowledge/text-features.js";
import { buildVocabulary } from "../../../src/knowledge/vocabulary.js";

const tf = (terms: Record<string, number>) => new Map(Object.entries(terms));
const clause = (terms: Record<string, number>) => new Map(Object.entries(terms));

describe("Bm25Index", () => {
  const index = new Bm25Index([tf({ koffie: 2, buurt: 1 }), tf({ buurt: 1, sport: 1 }), tf({ sport: 3 }), tf({ buurt: 1 })]);

  it("ranks documents with the rare matching term first", () => {
    const scores = index.score([clause({ koffie: 1 }), clause({ buurt: 1 })]);
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(scores[2]).toBe(0);
    expect(index.idf("koffie")).toBeGreaterThan(index.idf("buurt"));
  });

  it("counts only the best alternative of a clause, so one concept cannot pile up", () => {
    const both = index.score([clause({ koffie: 1, buurt: 1 })])[0]!;
    const koffieOnly = index.score([clause({ koffie: 1 })])[0]!;
    expect(both).toBeCloseTo(koffieOnly);
  });

  it("weights terms: an expansion word counts for less than a typed word", () => {
    const typed = index.score([clause({ sport: 1 })])[2]!;
    const expanded = index.score([clause({ sport: 0.4 })])[2]!;
    expect(expanded).toBeCloseTo(typed * 0.4);
  });

  it("accepts fractional term frequencies (heading words, compound parts)", () => {
    const small = new Bm25Index([tf({ wijk: 0.5 }), tf({ wijk: 2 })]);
    const scores = small.score([clause({ wijk: 1 })]);
    expect(scores[1]).toBeGreaterThan(scores[0]!);
    expect(scores[0]).toBeGreaterThan(0);
  });
});

describe("query analysis", () => {
  const texts = [
    "Eenzaamheid onder ouderen neemt toe. Ontmoeting in het buurthuis helpt.",
    "Vrijwilligers koken voor buurtgenoten.",
    "Armoede en bestaansonzekerheid geven permanente stress.",
    "De buurt en het contact tussen bewoners.",
  ];
  const lexicon = parseLexicon(
    JSON.stringify({
      version: 1,
      groups: [
        { concept: "eenzaamheid", everyday: ["eenzaam", "alleen", "niemand om mee te praten"], policy: ["eenzaamheid", "ontmoeting"] },
        { concept: "armoede", everyday: ["geldzorgen", "weinig geld"], policy: ["armoede", "bestaansonzekerheid"] },
      ],
    }),
  );
  const context: FeatureContext = { vocabulary: buildVocabulary(texts), lexicon, weights: DEFAULT_FEATURE_WEIGHTS };
  const analyze = createQueryAnalyzer(context);
  const weightOf = (query: string, term: string) => analyze(query).terms.get(term) ?? 0;

  it("expands everyday words with the lexicon's policy words, weighted below typed words", () => {
    const [armoede] = contentStems("armoede");
    expect(weightOf("ik heb geldzorgen", armoede!)).toBeGreaterThan(0);
    expect(weightOf("ik heb geldzorgen", armoede!)).toBeLessThan(1);
    expect(weightOf("armoede", armoede!)).toBe(1);
    expect(analyze("ik heb weinig geld").terms.has(conceptTerm("armoede"))).toBe(true);
  });

  it("corrects typos to corpus words and splits unknown compounds", () => {
    const [vrijwilliger] = contentStems("vrijwilliger");
    expect(weightOf("vrijwiliger worden", vrijwilliger!)).toBeGreaterThan(0.5);
    const parts = contentStems("buurt contact");
    for (const part of parts) expect(weightOf("buurtcontact", part)).toBeGreaterThan(0);
  });

  it("reads a particle verb as its verb, never as a typo of another word", () => {
    const [koken] = contentStems("koken");
    expect(analyze("meekoken").contentWords[0]).toMatchObject({ stem: koken, unknown: false });
    // "uitgeven" is two edits from "uiteen", but it is "uit" + "geven": unknown here, not "uiteen".
    const texts2 = ["De meningen lopen uiteen.", "Een uitnodiging voor vrijwilligers."];
    const analyze2 = createQueryAnalyzer({ vocabulary: buildVocabulary(texts2), lexicon, weights: DEFAULT_FEATURE_WEIGHTS });
    expect(analyze2("geld uitgeven").contentWords[1]).toMatchObject({ surface: "uitgeven", unknown: true });
    expect(analyze2("geld uitgeven").terms.has(contentStems("uiteen")[0]!)).toBe(false);
    // A typo that keeps the particle is still corrected.
    expect(analyze2("uitnodigng").terms.has(contentStems("uitnodiging")[0]!)).toBe(true);
  });

  it("keeps the lexicon's own stopwords in a term, so 'geen werk' does not fire on 'werk'", () => {
    const kept = parseLexicon(
      JSON.stringify({
        version: 1,
        keep: ["geen", "zelf"],
        groups: [
          { concept: "werkloos", everyday: ["geen werk"], policy: ["armoede"] },
          { concept: "eigen regie", everyday: ["zelf doen"], policy: ["bewoners"] },
        ],
      }),
    );
    const analyzeKept = createQueryAnalyzer({ vocabulary: buildVocabulary(texts), lexicon: kept, weights: DEFAULT_FEATURE_WEIGHTS });
    expect(analyzeKept("ik heb geen werk").terms.has(conceptTerm("werkloos"))).toBe(true);
    expect(analyzeKept("werk in de buurt").terms.has(conceptTerm("werkloos"))).toBe(false);
    expect(analyzeKept("kunnen we het zelf doen").terms.has(conceptTerm("eigen regie"))).toBe(true);
    expect(analyzeKept("wat doen jullie").terms.has(conceptTerm("eigen regie"))).toBe(false);
  });

  it("drops a typo of a stopword instead of searching for it", () => {
    expect(analyze("wat is dat eigelijk").contentWords).toEqual([]);
  });

  it("reports content words with what counts as finding them", () => {
    const words = analyze("ik voel me zo eenzaam");
    const eenzaam = words.contentWords.find((w) => w.surface === "eenzaam")!;
    expect(eenzaam.related).toEqual(expect.arrayContaining(contentStems("ontmoeting")));
    expect(words.contentWords.find((w) => w.surface === "kabinetje")).toBeUndefined();
    expect(analyze("kabinetje").contentWords[0]).toMatchObject({ unknown: true });
  });

  it("tags chunks with the concepts of the policy words they contain", () => {
    const terms = documentTerms("Armoede in de wijk.", "Bestaanszekerheid", context);
    expect(terms.has(conceptTerm("armoede"))).toBe(true);
    // Everyday words in running text ("alleen" = only) do not tag a chunk.
    expect(documentTerms("Niet alleen de buurt.", undefined, context).has(conceptTerm("eenzaamheid"))).toBe(false);
  });

  it("recognises definitions, not predicates", () => {
    expect(definedStems("De sociale basis is (vooral) de wereld dichtbij huis")).toEqual(contentStems("sociale basis"));
    expect(definedStems("Wat is ‘de sociale basis’?")).toEqual(contentStems("sociale basis"));
    expect(definedStems("De sociale basis is belangrijk voor de kwaliteit")).toEqual([]);
  });
});
