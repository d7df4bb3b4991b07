/**
 * "Answer only what answers": a passage is quoted only when it addresses the question's topic, not
 * a side word of it; abbreviations residents use are understood when the texts spell them out.
 */
import { describe, expect, it } from "vitest";
import { createExtractiveComposer } from "../../../src/answer/extractive-composer.js";
import type { ComposeRequest, Passage } from "../../../src/core/ports.js";
import type { QueryWord } from "../../../src/knowledge/query-analyzer.js";
import { stemWord } from "../../../src/knowledge/dutch-text.js";
import { findAcronyms } from "../../../src/knowledge/text-features.js";

const passage = (id: string, text: string, title = "Bijlage 1: de sociale basis"): Passage => ({ id, source: id, title, text, kind: "knowledge", score: 1 });
const word = (stem: string, weight = 2, extra: Partial<QueryWord> = {}): QueryWord => ({ surface: stem, stem, direct: [stem], parts: [], related: [], weight, unknown: false, ...extra });
/** A question word as the index has it: its real stem. */
const written = (surface: string, weight: number): QueryWord => word(stemWord(surface), weight, { surface });
const request = (question: string, passages: Passage[]): ComposeRequest => ({ question, standaloneQuestion: question, passages, persona: "professional", language: "nl", history: [] });

const garages = passage("wijk#1", "Wijk-economische infrastructuur: plinten, garages en een veilig plein als broedplaatsen.");
const zwemmen = passage("listing#1", "Zwemmen in warm water met extra begeleiding voor mensen met een beperking.", "Aangepast zwemmen");

describe("answer only what answers", () => {
  it("does not answer 'Wat is Veilig Thuis?' with a text that has only 'veilig' in it", async () => {
    const composer = createExtractiveComposer({ questionWords: () => [word("veilig"), word("thuis")] });
    expect((await composer.compose(request("Wat is Veilig Thuis?", [garages]))).confident).toBe(false);
    const veiligThuis = passage("vt#1", "Veilig Thuis is het advies- en meldpunt voor huiselijk geweld en kindermishandeling.");
    const answer = await composer.compose(request("Wat is Veilig Thuis?", [garages, veiligThuis]));
    expect(answer.confident).toBe(true);
    expect(answer.text).toContain("meldpunt");
    expect(answer.text).not.toContain("garages");
  });

  it("does not answer a short question with a passage that has only one rare side word of it", async () => {
    const composer = createExtractiveComposer({ questionWords: () => [word("ouder", 1.5), word("extra", 4), word("kwetsbar", 2.3)] });
    expect((await composer.compose(request("Waarom zijn ouderen extra kwetsbaar?", [zwemmen]))).confident).toBe(false);
  });

  it("does not count a word that frames the question or names the source as its topic", async () => {
    const ideaal = passage("start#3", "Binnen de sociale basis zijn drie ideaaltypen te onderscheiden: het functionele, het relationele en het normatieve.");
    const words = [word("ideaaltyp", 1.9), word("onderscheidt", 1, { minor: true }), word("startnotitie", 1.2, { minor: true })];
    const composer = createExtractiveComposer({ questionWords: () => words });
    const answer = await composer.compose(request("Welke ideaaltypen onderscheidt de startnotitie?", [ideaal]));
    expect(answer.confident).toBe(true);
  });

  it("adds a further quote only when it carries one of the question's key words itself", async () => {
    const words = [written("dementie", 4), written("moeder", 3.5), written("jaren", 3.5), written("zorg", 1)];
    const composer = createExtractiveComposer({ questionWords: () => words });
    const first = { ...passage("mz#1", "Zorg voor een moeder met dementie is zwaar."), score: 1 };
    const second = {
      ...passage("mz#2", "Bij dementie helpt een vaste dagstructuur voor de hele dag. De laatste jaren is de zorg in Nederland veel veranderd."),
      score: 0.95,
    };
    const answer = await composer.compose(request("ik zorg al jaren voor mijn moeder met dementie", [first, second]));
    expect(answer.confident).toBe(true);
    expect(answer.text).toContain("moeder met dementie");
    expect(answer.text).not.toContain("De laatste jaren");
  });

  it("finds abbreviations the texts spell out, and only those", () => {
    const found = findAcronyms(
      ["Voorzieningen zoals buurthuizen, het Centrum Jeugd & Gezin, bibliotheken.", "Het Centrum voor Jeugd en Gezin helpt ouders.", "De Sociale Basis is belangrijk."],
      (w) => w === "sb",
    );
    expect(found.get("cjg")).toEqual(["centrum", "jeugd", "gezin"]);
    expect(found.has("sb")).toBe(false); // a word of the texts is not an abbreviation
    expect(found.has("cvjeg")).toBe(false); // linking words give no letter
  });
});
