import { describe, expect, it } from "vitest";
import {
  decodeButtonValue,
  encodeButtonValue,
  escapeMrkdwn,
  mrkdwnLink,
  renderMessage,
  renderSource,
  splitText,
} from "../../../src/channels/slack/block-kit.js";

type AnyBlock = { type: string; text?: { text: string }; elements?: Array<{ text?: unknown; action_id?: string; value?: string }> };

describe("Block Kit rendering", () => {
  it("escapes &, < and > so user text cannot ping or link", () => {
    expect(escapeMrkdwn("a & b <!channel> <@U1> >")).toBe("a &amp; b &lt;!channel&gt; &lt;@U1&gt; &gt;");
  });

  it("links only http(s) URLs and keeps a | in the title from breaking the link", () => {
    expect(mrkdwnLink("https://movisie.nl/a?x=1&y=2", "Titel | deel 2")).toBe("<https://movisie.nl/a?x=1&amp;y=2|Titel ¦ deel 2>");
    expect(mrkdwnLink("javascript:alert(1)", "Titel")).toBe("Titel");
    expect(mrkdwnLink(undefined, "A <b>")).toBe("A &lt;b&gt;");
  });

  it("numbers sources with publisher and year", () => {
    expect(renderSource({ title: "Sociale basis", publisher: "Movisie", year: 2023, url: "https://movisie.nl/x" }, 0)).toBe(
      "[1] <https://movisie.nl/x|Sociale basis> · Movisie, 2023",
    );
    expect(renderSource({ title: "Zonder meer" }, 4)).toBe("[5] Zonder meer");
  });

  it("renders answer, sources and the three buttons with the conversation in their values", () => {
    const { text, blocks } = renderMessage(
      {
        text: "Antwoord [1]",
        sources: [{ title: "Bron", url: "https://example.org" }],
        buttons: [
          { id: "feedback_up", label: "👍", value: "m1" },
          { id: "feedback_down", label: "👎", value: "m1" },
          { id: "handoff_request", label: "Praat met een mens" },
        ],
      },
      { conversationId: "slack:C1:1.2" },
    );
    expect(text).toBe("Antwoord [1]");
    expect((blocks as AnyBlock[]).map((b) => b.type)).toEqual(["section", "context", "actions"]);
    const actions = (blocks as AnyBlock[])[2]!.elements!;
    expect(actions.map((e) => e.action_id)).toEqual(["feedback_up", "feedback_down", "ask_sociaal_werker"]);
    expect(decodeButtonValue(actions[0]!.value)).toEqual({ conversationId: "slack:C1:1.2", value: "m1" });
    expect(decodeButtonValue(actions[2]!.value)).toEqual({ conversationId: "slack:C1:1.2" });
  });

  it("prefixes other core buttons with core: and drops duplicate action ids", () => {
    const { blocks } = renderMessage(
      { text: "Wissen?", buttons: [{ id: "forget_confirm", label: "Ja" }, { id: "forget_confirm", label: "Ja" }, { id: "forget_cancel", label: "Nee" }] },
      { conversationId: "slack:D1" },
    );
    expect((blocks as AnyBlock[]).at(-1)!.elements!.map((e) => e.action_id)).toEqual(["core:forget_confirm", "core:forget_cancel"]);
  });

  it("splits long answers over sections and many sources over context blocks", () => {
    const long = Array.from({ length: 40 }, (_, i) => `Alinea ${i} ${"woord & ".repeat(30)}`).join("\n\n");
    const sources = Array.from({ length: 12 }, (_, i) => ({ title: `Bron ${i + 1}` }));
    const { blocks, text } = renderMessage({ text: long, sources }, { conversationId: "slack:D1" });
    const sections = (blocks as AnyBlock[]).filter((b) => b.type === "section");
    expect(sections.length).toBeGreaterThan(2);
    for (const s of sections) expect(s.text!.text.length).toBeLessThanOrEqual(3000);
    expect(sections.map((s) => s.text!.text).join("")).not.toMatch(/&(?!amp;|lt;|gt;)/);
    const contexts = (blocks as AnyBlock[]).filter((b) => b.type === "context");
    expect(contexts.map((c) => c.elements!.length)).toEqual([10, 3]);
    expect(text.length).toBeLessThanOrEqual(3000);
  });

  it("splitText never loses words", () => {
    const input = "een twee drie ".repeat(500).trim();
    const parts = splitText(input, 100);
    expect(parts.join(" ").split(" ")).toEqual(input.split(" "));
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(100);
  });

  it("adds the share button and a header for private answers", () => {
    const { blocks } = renderMessage({ text: "A" }, { conversationId: "slack:U1", shareRef: "t1:0", header: "*Uw vraag:* x" });
    expect((blocks as AnyBlock[])[0]).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: "*Uw vraag:* x" }] });
    expect((blocks as AnyBlock[]).at(-1)!.elements!.map((e) => e.action_id)).toEqual(["share_answer"]);
  });

  it("reads back only values it wrote", () => {
    expect(decodeButtonValue(encodeButtonValue({ conversationId: "slack:C1:1.2", value: "x" }))).toEqual({ conversationId: "slack:C1:1.2", value: "x" });
    expect(decodeButtonValue("ticket-42")).toBeNull();
    expect(decodeButtonValue('{"c":"telegram:1"}')).toBeNull();
    expect(decodeButtonValue(undefined)).toBeNull();
  });
});
