import { describe, expect, it } from "vitest";
import { createExtractiveComposer } from "../../../src/answer/extractive-composer.js";
import type { ComposeRequest, Passage } from "../../../src/core/ports.js";

const passage = (over: Partial<Passage> & Pick<Passage, "id" | "text" | "source">): Passage => ({
  title: "De sociale basis: terug van weggeweest",
  publisher: "Movisie",
  year: 2018,
  url: "https://www.movisie.nl/startnotitie",
  kind: "knowledge",
  score: 1,
  ...over,
});

const thuisgekookt = passage({
  id: "bijlage#1",
  source: "bijlage",
  title: "Bijlage 1: de sociale basis",
  publisher: "Ministerie van Volksgezondheid, Welzijn en Sport (VWS)",
  year: undefined,
  url: undefined,
  section: "Praktijkvoorbeeld: Stichting Thuisgekookt",
  text:
    "Praktijkvoorbeeld: Stichting Thuisgekookt\nStichting Thuisgekookt koppelt vrijwillige thuiskoks aan buurtgenoten die vanwege een kwetsbaarheid niet meer in staat zijn voor zichzelf te koken. Het zorgvuldig koppelen draagt bij aan langer zelfstandig thuis wonen.",
  score: 0.9,
});
const definition = passage({
  id: "wijkaanpak#2",
  source: "wijkaanpak",
  title: "Ontwikkelingen in de wijkaanpak",
  section: "De sociale basis: waar hebben we het over?",
  text: "Wat is ‘de sociale basis’?\n“De sociale basis is (vooral) de wereld dichtbij huis, in al zijn schakeringen en rijkdom, waar je zonder verwijzing (indicatie) terecht kunt.”",
  score: 0.8,
});
const unrelated = passage({
  id: "startnotitie#9",
  source: "startnotitie",
  section: "Methoden",
  text: "Bij het verkennen van hoe de sociale basis versterkt kan worden, raken we aan begrippen als zelforganisatie en samenlevingsopbouw.",
  score: 0.5,
});
const listing = passage({
  id: "listing:zst-002#0",
  source: "listing:zst-002",
  kind: "listing",
  title: "Buurtrestaurant De Zilverspar",
  publisher: "Buurthuis De Zilverspar",
  year: undefined,
  url: "https://zilverspar.example",
  section: undefined,
  text: "Buurtrestaurant De Zilverspar. Elke woensdag voor een klein bedrag samen een warme maaltijd eten.",
  score: 0.7,
});

const request = (question: string, passages: Passage[], persona: ComposeRequest["persona"] = "resident"): ComposeRequest => ({
  question,
  standaloneQuestion: question,
  passages,
  persona,
  language: "nl",
  history: [],
});

describe("extractive composer", () => {
  const composer = createExtractiveComposer();

  it("quotes the most relevant sentence verbatim and cites only the passages it quotes", async () => {
    const answer = await composer.compose(request("wat doet stichting thuisgekookt?", [thuisgekookt, unrelated]));
    expect(answer.confident).toBe(true);
    expect(answer.text).toContain(
      "“Stichting Thuisgekookt koppelt vrijwillige thuiskoks aan buurtgenoten die vanwege een kwetsbaarheid niet meer in staat zijn voor zichzelf te koken.”",
    );
    expect(answer.text).toContain("Volgens VWS [1]");
    expect(answer.text).not.toContain("[2]");
    expect(answer.sources).toEqual([{ title: "Bijlage 1: de sociale basis", publisher: "Ministerie van Volksgezondheid, Welzijn en Sport (VWS)" }]);
  });

  it("answers 'wat is …' with the defining sentence, not the slide's question", async () => {
    const answer = await composer.compose(request("wat is de sociale basis?", [unrelated, definition]));
    expect(answer.confident).toBe(true);
    expect(answer.text).toContain("“De sociale basis is (vooral) de wereld dichtbij huis");
    expect(answer.text).not.toContain("Wat is ‘de sociale basis’?");
    const cited = [...answer.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(Math.max(...cited)).toBe(answer.sources.length);
  });

  it("is not confident when the passages do not cover the question, and says so in Dutch", async () => {
    const answer = await composer.compose(request("hoe verleng ik mijn paspoort?", [unrelated, thuisgekookt]));
    expect(answer).toEqual({ text: expect.stringContaining("niet zeker"), sources: [], confident: false });
    expect(answer.text).toContain("gokken");
    const none = await composer.compose(request("wat doet stichting thuisgekookt?", []));
    expect(none.confident).toBe(false);
  });

  it("gives professionals more: a list with the section of each quote", async () => {
    const answer = await composer.compose(request("Wat doet Stichting Thuisgekookt voor langer zelfstandig thuis wonen?", [thuisgekookt, unrelated], "professional"));
    expect(answer.confident).toBe(true);
    expect(answer.text.startsWith("Uit de bronnen:\n• Volgens VWS, Praktijkvoorbeeld: Stichting Thuisgekookt [1]:")).toBe(true);
    expect(answer.text).toContain("langer zelfstandig thuis wonen");
  });

  it("quotes a labelled list item whole, so its times stay with its place", async () => {
    const spreekuren = passage({
      id: "wijkteam#1",
      source: "wijkteam",
      title: "Het sociaal wijkteam in uw wijk",
      publisher: "Gemeente Nijmegen (fictief)",
      section: "Spreekuren",
      text: "Spreekuren\nWijkteam Dukenburg: Meijhorst 70. Inloop op maandag en donderdag van 9.00 tot 12.00 uur.\nWijkteam Oost: Berg en Dalseweg 80. Inloop op dinsdag van 13.00 tot 16.00 uur.",
    });
    const answer = await composer.compose(request("wanneer is de inloop van het wijkteam in Dukenburg?", [spreekuren]));
    expect(answer.confident).toBe(true);
    expect(answer.text).toContain("“Wijkteam Dukenburg: Meijhorst 70. Inloop op maandag en donderdag van 9.00 tot 12.00 uur.”");
  });

  it("can cite a listing by its name", async () => {
    const answer = await composer.compose(request("samen een warme maaltijd eten op woensdag", [listing]));
    expect(answer.confident).toBe(true);
    expect(answer.text).toContain("Over Buurtrestaurant De Zilverspar [1]");
    expect(answer.sources).toEqual([{ title: "Buurtrestaurant De Zilverspar", publisher: "Buurthuis De Zilverspar", url: "https://zilverspar.example" }]);
  });

  it("uses the index's understanding of the question when given (typos, lexicon)", async () => {
    const withIndex = createExtractiveComposer({
      questionWords: () => [{ surface: "thuiskokken", stem: "thuiskok", direct: ["thuiskok"], parts: [], related: [], weight: 2, unknown: false }],
    });
    const answer = await withIndex.compose(request("thuiskokken??", [thuisgekookt]));
    expect(answer.confident).toBe(true);
    expect(answer.text).toContain("vrijwillige thuiskoks");
  });
});
