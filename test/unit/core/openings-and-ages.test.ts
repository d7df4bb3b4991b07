import { describe, expect, it } from "vitest";
import { allText, createDialogueAssistant, safety } from "../../support/dialogue-assistant.js";
import { inbound } from "../../support/fakes.js";

/**
 * What residents type first: an opening with their name and story, an age, a question whether their
 * parents will know. Each gets a kind question back or the confidential answer, never the concern reply
 * with its question about death.
 */
const make = () => createDialogueAssistant();
const all = allText;

describe("openings and ages", () => {
  it("an opening with a greeting and a story gets a greeting and the question how to help", async () => {
    for (const text of ["hallo ik ben henk en ik woon sinds kort hier", "goedemorgen, mijn naam is fatima en ik kom uit eritrea", "مرحبا انا سلمى من العراق وصلت من شهر"]) {
      const reply = await make().handle(inbound(text, { conversationId: `terminal:${text.length}` }));
      expect(reply.intent, text).toBe("smalltalk");
      expect(all(reply), text).not.toContain("113");
    }
  });

  it("an opening with a greeting and a signal still gets the signal's reply", async () => {
    const reply = await make().handle(inbound("hallo, ik wil eigenlijk niet meer leven"));
    expect(reply.intent).toBe("crisis");
    expect(all(reply)).toContain("113");
  });

  it("an age alone is kept and answered with the question how to help; an age with a signal is the signal", async () => {
    const assistant = make();
    const age = await assistant.handle(inbound("ik ben 14"));
    expect(age.intent).toBe("smalltalk");
    expect(all(age)).not.toContain("113");
    const signal = await make().handle(inbound("ik ben 16 en ik wil dood", { conversationId: "terminal:other" }));
    expect(signal.intent).toBe("crisis");
  });

  it("never the same greeting twice in a row: 'hoi' then 'ik ben 15'", async () => {
    const assistant = make();
    const first = await assistant.handle(inbound("hoi"));
    const second = await assistant.handle(inbound("ik ben 15"));
    expect(first.intent).toBe("smalltalk");
    expect(second.intent).toBe("smalltalk");
    expect(all(second)).not.toBe(all(first));
  });

  it("a short age statement reaches no concern reply through the classifier", () => {
    for (const text of ["ik ben 15", "ben 81 jaar", "i am 13"]) expect(safety.assess(text).concern, text).toBeUndefined();
  });

  it("'will my parents find out' is a confidentiality question", async () => {
    const assistant = make();
    await assistant.handle(inbound("ik ben 15"));
    for (const text of ["komen mijn ouders hier achter?", "kan mijn moeder dit lezen", "will my parents find out about this"]) {
      const reply = await assistant.handle(inbound(text));
      expect(reply.intent, text).toBe("handoff");
      expect(all(reply), text).toMatch(/zonder je naam|without|Kindertelefoon/i);
    }
  });

  it("a resident known to be under 18 hears the safety texts with 'je', an adult with 'u'", async () => {
    const young = make();
    await young.handle(inbound("ik ben 15"));
    const minor = all(await young.handle(inbound("ik wil soms gewoon dood")));
    expect(minor).toContain("Denk je erover om jezelf iets aan te doen?");
    expect(minor).not.toContain("Denkt u");
    const adult = all(await make().handle(inbound("ik wil soms gewoon dood", { conversationId: "terminal:adult" })));
    expect(adult).toContain("Denkt u erover om uzelf iets aan te doen?");
  });

  it("an age after a first name counts ('hoi ik ben lotte 16'); a time, a date or a number of people does not", async () => {
    // Found by a helper playing a girl of 16: her age after her name was missed, and the crisis reply said "u".
    const lotte = make();
    await lotte.handle(inbound("hoii ik ben lotte 16, is er een sportclub in zeist?", { conversationId: "terminal:lotte" }));
    const reply = all(await lotte.handle(inbound("ik wil soms gewoon dood", { conversationId: "terminal:lotte" })));
    expect(reply).toContain("Denk je erover om jezelf iets aan te doen?");
    for (const [i, text] of ["ik ben om 16 uur thuis", "ik ben met 16 mensen", "ik ben zondag 12 december jarig"].entries()) {
      const id = `terminal:not-an-age-${i}`;
      const other = make();
      await other.handle(inbound(text, { conversationId: id }));
      const said = all(await other.handle(inbound("ik wil soms gewoon dood", { conversationId: id })));
      expect(said, text).toMatch(/\bu\b/);
      expect(said, text).not.toMatch(/\b(?:je|jij|jezelf)\b/);
    }
  });
});
