import { describe, expect, it } from "vitest";
import { allText, createDialogueAssistant } from "../../support/dialogue-assistant.js";
import { inbound } from "../../support/fakes.js";

/**
 * A teenager: school words get "je" from the first reply, an age told right after a heavy reply gets
 * De Kindertelefoon (never a greeting), and "will they call my parents?" the confidential answer.
 */
const make = () => createDialogueAssistant();
const all = allText;

describe("a young resident", () => {
  it("school words in a heavy message: the reply says 'je', not 'u'", async () => {
    const reply = await make().handle(inbound("in mijn klas lachen ze me elke dag uit en ik voel me zo rot"));
    expect(reply.intent).toBe("concern");
    const safetyText = reply.replies.find((r) => r.text.includes("113"))?.text ?? "";
    expect(safetyText).toMatch(/\bje\b/);
    expect(safetyText).not.toMatch(/\bDenkt u\b/);
  });

  it("a parent about a child is still 'u'", async () => {
    const reply = await make().handle(inbound("mijn dochter wordt gepest op school en ik voel me zo machteloos en verdrietig"));
    expect(all(reply)).not.toMatch(/Denk je/);
  });

  it("an age right after the heavy reply gets De Kindertelefoon in 'je', not a greeting", async () => {
    const assistant = make();
    await assistant.handle(inbound("op school doet iedereen gemeen tegen me en thuis is er altijd ruzie"));
    const age = await assistant.handle(inbound("ik ben 13"));
    expect(all(age)).toContain("0800-0432");
    expect(all(age)).not.toMatch(/Hallo|\bu\b/);
  });

  it("'bellen jullie mijn ouders?' gets the confidential answer", async () => {
    for (const text of ["bellen jullie dan mijn ouders?", "gaat iemand mijn moeder inlichten als ik dit vertel", "will you tell my parents about this"]) {
      const reply = await make().handle(inbound(text, { conversationId: `terminal:${text.length}` }));
      expect(reply.intent, text).toBe("handoff");
      expect(all(reply), text).toMatch(/zonder (je|uw) naam|anoniem/);
    }
  });

  it("De Kindertelefoon is said once, not with every heavy message", async () => {
    const assistant = make();
    const first = await assistant.handle(inbound("op school pest iedereen me en ik voel me zo rot"));
    expect(all(first)).toContain("0800-0432");
    const second = await assistant.handle(inbound("thuis is er ook altijd ruzie en ik voel me echt kut"));
    expect(second.intent).toBe("concern");
    expect(all(second)).not.toContain("0800-0432");
  });
});
