import { describe, expect, it } from "vitest";
import { loadGazetteer } from "../../../src/listings/gazetteer.js";
import type { Listing } from "../../../src/listings/listing-model.js";
import { normalise } from "../../../src/listings/text-match.js";
import { KNOWLEDGE_DIR } from "./helpers.js";

/** One fictional listing in Amersfoort: the covered gemeente is Amersfoort, everything else is outside. */
const amersfoort = { id: "x", name: "Koffie", latitude: 52.16235, longitude: 5.35349, postcode: "3812 AB", city: "Amersfoort" } as unknown as Listing;
const gazetteer = loadGazetteer(KNOWLEDGE_DIR, [amersfoort]);
const ORDINARY = new Set(["is", "er", "iets", "in", "de", "het", "koffie", "wat", "leuk", "ik", "woon", "voor", "mijn", "een", "buurt", "best", "en"]);

function find(text: string) {
  const cased = normalise(text, true).split(" ");
  const tokens = cased.map((t) => t.toLowerCase());
  return gazetteer.find(tokens, tokens.map(() => false), (t) => ORDINARY.has(t), cased);
}

describe("the national gazetteer", () => {
  it("knows postcode areas, gemeenten, woonplaatsen, wijken and buurten anywhere, with their gemeente", () => {
    expect(gazetteer.postcode("1012")).toMatchObject({ gemeentecode: "GM0363", municipality: "Amsterdam" });
    expect(gazetteer.postcode("9051")).toMatchObject({ municipality: "Leeuwarden" });
    expect(find("ik woon in Maastricht")?.place).toMatchObject({ kind: "gemeente", name: "Maastricht" });
    expect(find("iets in Lemmer")?.place).toMatchObject({ kind: "plaats", municipality: "De Fryske Marren" });
    expect(find("iets in Wittevrouwen")?.place).toMatchObject({ municipality: "Utrecht" });
    expect(find("koffie in de Zangvogelbuurt")?.place).toMatchObject({ kind: "buurt", municipality: "Amersfoort" });
    // CBS writes "Wijk 13 Assendorp": residents say "Assendorp".
    expect(find("koffie in Assendorp")?.place).toMatchObject({ kind: "wijk", name: "Assendorp", municipality: "Zwolle" });
  });

  it("joins buurten and wijken that share a first name part into one area", () => {
    const vathorst = find("iets in Vathorst")!.place;
    expect(vathorst).toMatchObject({ name: "Vathorst", kind: "wijk", municipality: "Amersfoort" });
    // Between the Vathorst wijken (De Velden 52.197/5.413, De Laak 52.204/5.425, Centrum 52.196/5.426).
    expect(vathorst.lat).toBeGreaterThan(52.19);
    expect(vathorst.lat).toBeLessThan(52.21);
    expect(vathorst.lon).toBeGreaterThan(5.40);
    expect(vathorst.lon).toBeLessThan(5.43);
  });

  it("reads typos in covered places, but not a near-miss of a far-away name without a place word", () => {
    expect(find("koffie soesterkwatier")?.place.name).toBe("Soesterkwartier");
    expect(find("koffie in vathrost")?.place.name).toBe("Vathorst");
    expect(find("koffie maastrict")).toBeUndefined();
    expect(find("koffie in maastrict")?.place.name).toBe("Maastricht");
  });

  it("needs a place word, a capital or a message of its own for short names and ordinary words", () => {
    expect(find("best leuk")).toBeUndefined();
    expect(find("koffie best leuk in Soesterkwartier")?.place.name).toBe("Soesterkwartier");
    expect(find("iets in Best")?.place).toMatchObject({ kind: "gemeente", name: "Best" });
    expect(find("wat goor")).toBeUndefined();
    expect(find("Goor")?.place.name).toBe("Goor");
    expect(find("iets voor mijn buurt")).toBeUndefined();
  });

  it("offers a choice for a name in several gemeenten, and takes the one the text names", () => {
    const bergen = find("is er iets in Bergen")!;
    expect(bergen.alternatives?.map((p) => p.name)).toEqual(expect.arrayContaining(["Bergen (NH.)", "Bergen (L.)"]));
    expect(find("is er iets in Bergen (L.)")?.alternatives).toBeUndefined();
    // A covered place wins without a question.
    expect(find("iets in het Centrum")?.place).toMatchObject({ municipality: "Amersfoort" });
  });

  it("says which gemeenten the listings cover, and which gemeente a point lies in", () => {
    expect(gazetteer.coveredNames()).toEqual(["Amersfoort"]);
    expect(gazetteer.covers("GM0307")).toBe(true);
    expect(gazetteer.covers("GM0935")).toBe(false);
    expect(gazetteer.gemeenteAt({ lat: 50.851, lon: 5.69 })).toEqual({ code: "GM0935", name: "Maastricht" });
    expect(gazetteer.gemeenteAt({ lat: 48.85, lon: 2.35 })).toBeUndefined();
  });
});

describe("the national gazetteer for Nijmegen and Zwolle", () => {
  // One fictional listing in each (test/fixtures/listings/towns): both gemeenten are covered.
  const listings = [
    { id: "n", name: "Koffie", latitude: 51.8397, longitude: 5.8437, postcode: "6542 AB", city: "Nijmegen" },
    { id: "z", name: "Koffie", latitude: 52.5169, longitude: 6.1097, postcode: "8022 AA", city: "Zwolle" },
  ] as unknown as Listing[];
  const towns = loadGazetteer(KNOWLEDGE_DIR, listings);
  const findIn = (text: string) => {
    const cased = normalise(text, true).split(" ");
    const tokens = cased.map((t) => t.toLowerCase());
    return towns.find(tokens, tokens.map(() => false), (t) => ORDINARY.has(t), cased);
  };

  it("puts a wijk where its residents live, not in the middle of its farmland", () => {
    // "Wijk 40 Berkum" has its outline centre near Hessenpoort (52.539, 6.169); its people live in the buurt Berkum (52.524, 6.137).
    const berkum = findIn("iets in Berkum")!.place;
    expect(berkum).toMatchObject({ municipality: "Zwolle" });
    expect(Math.abs(berkum.lat - 52.524)).toBeLessThan(0.005);
    expect(Math.abs(berkum.lon - 6.137)).toBeLessThan(0.01);
  });

  it("asks about a covered buurt that shares its name with a larger gemeente elsewhere, and 'gemeente …' answers it", () => {
    const oosterhout = findIn("is er iets in Oosterhout")!;
    expect(oosterhout.alternatives?.map((p) => `${p.kind} ${p.municipality}`)).toEqual(["buurt Nijmegen", "gemeente Oosterhout"]);
    expect(findIn("is er iets in gemeente Oosterhout")).toMatchObject({ place: { kind: "gemeente", name: "Oosterhout" } });
    expect(findIn("is er iets in gemeente Oosterhout")?.alternatives).toBeUndefined();
    // A covered buurt with no larger namesake is taken at once.
    expect(findIn("koffie in Wolfskuil")?.alternatives).toBeUndefined();
    expect(findIn("samen eten in Lent")?.place).toMatchObject({ municipality: "Nijmegen" });
  });

  it("reads a typo as the covered place when a place elsewhere is just as near ('Hatrt': Hatert, not Haart)", () => {
    expect(findIn("koffie drinken in Hatrt")?.place).toMatchObject({ name: "Hatert", municipality: "Nijmegen" });
    expect(findIn("klusjes in huis in Schele")?.place).toMatchObject({ name: "Schelle", municipality: "Zwolle" });
  });
});
