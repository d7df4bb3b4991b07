import { describe, expect, it } from "vitest";
import { createCallbackDataCodec } from "../../../src/channels/telegram/callback-data.js";
import { escapeHtml, renderForTelegram } from "../../../src/channels/telegram/render-html.js";
import { splitText, TELEGRAM_TEXT_LIMIT } from "../../../src/channels/telegram/split-text.js";

const codec = createCallbackDataCodec();

describe("renderForTelegram", () => {
  it("escapes everything user- or corpus-derived", () => {
    const [part] = renderForTelegram({ text: 'Tips & <b>trucs</b> "nu"' }, codec);
    expect(part!.html).toBe("Tips &amp; &lt;b&gt;trucs&lt;/b&gt; &quot;nu&quot;");
  });

  it("renders numbered sources as links with publisher and year, escaped", () => {
    const [part] = renderForTelegram(
      {
        text: "De sociale basis is dichtbij [1].",
        sources: [
          { title: "Buurt & <Wijk>", publisher: "Movisie", year: 2023, url: "https://example.org/a?b=1&c=2" },
          { title: "Zonder link", url: "javascript:alert(1)" },
        ],
      },
      codec,
    );
    expect(part!.html).toContain('[1] <a href="https://example.org/a?b=1&amp;c=2">Buurt &amp; &lt;Wijk&gt;</a> — Movisie, 2023');
    expect(part!.html).toContain("[2] Zonder link");
    expect(part!.html).not.toContain("javascript:");
    expect(part!.html).toContain("<b>Bronnen</b>");
  });

  it("splits long answers at paragraph boundaries, each part under 4096, buttons on the last", () => {
    const paragraph = "Dit is een zin over de buurt. ".repeat(40).trim(); // ~1200 chars
    const text = Array.from({ length: 8 }, (_, i) => `${i}: ${paragraph}`).join("\n\n");
    const parts = renderForTelegram({ text, buttons: [{ id: "handoff_request", label: "Praat met een mens" }] }, codec);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(part.html.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
      expect(part.html).toMatch(/^\d: /); // each part starts at a paragraph
    }
    expect(parts.at(-1)!.replyMarkup).toEqual({ inline_keyboard: [[{ text: "Praat met een mens", callback_data: "handoff_request" }]] });
    expect(parts.slice(0, -1).every((p) => !p.replyMarkup)).toBe(true);
  });

  it("keeps escaped text under the limit even when escaping makes it longer", () => {
    const parts = renderForTelegram({ text: "<&>".repeat(3000) }, codec);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.html.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(parts.map((p) => p.plain).join("")).toBe("<&>".repeat(3000));
  });

  it("puts short buttons on one row and long ones on their own row", () => {
    const [part] = renderForTelegram(
      {
        text: "Antwoord",
        buttons: [
          { id: "feedback_up", label: "👍", value: "42" },
          { id: "feedback_down", label: "👎", value: "42" },
          { id: "handoff_request", label: "Praat met een mens" },
        ],
      },
      codec,
    );
    expect(part!.replyMarkup).toEqual({
      inline_keyboard: [
        [
          { text: "👍", callback_data: "feedback_up:42" },
          { text: "👎", callback_data: "feedback_down:42" },
        ],
        [{ text: "Praat met een mens", callback_data: "handoff_request" }],
      ],
    });
  });

  it("offers a share-location reply keyboard, with an extra message when inline buttons are there too", () => {
    const [only] = renderForTelegram({ text: "Waar bent u?", requestLocation: true }, codec);
    expect(only!.replyMarkup).toMatchObject({ keyboard: [[{ text: "📍 Deel mijn locatie", request_location: true }]], one_time_keyboard: true });
    const both = renderForTelegram({ text: "Waar bent u?", requestLocation: true, buttons: [{ id: "handoff_request", label: "Praat met een mens" }] }, codec);
    expect(both).toHaveLength(2);
    expect(both[0]!.replyMarkup).toHaveProperty("inline_keyboard");
    expect(both[1]!.replyMarkup).toHaveProperty("keyboard");
  });

  it("sends nothing for an empty message", () => {
    expect(renderForTelegram({ text: "  " }, codec)).toEqual([]);
  });
});

describe("splitText", () => {
  it("prefers lines, then sentences, then words for an over-long paragraph", () => {
    const pieces = splitText("Eén zin hier. Twee zin daar. Drie zin ergens.", 20);
    expect(pieces).toEqual(["Eén zin hier.", "Twee zin daar.", "Drie zin ergens."]);
  });

  it("cuts a single huge word without breaking emoji", () => {
    const pieces = splitText("😀".repeat(10), 4);
    expect(pieces.join("")).toBe("😀".repeat(10));
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(4);
  });
});

describe("escapeHtml", () => {
  it("escapes the characters Telegram's HTML mode needs", () => {
    expect(escapeHtml(`<a href="x">&</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
  });
});
