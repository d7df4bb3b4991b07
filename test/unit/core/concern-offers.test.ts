import { describe, expect, it } from "vitest";
import { allText, createDialogueAssistant } from "../../support/dialogue-assistant.js";
import { inbound } from "../../support/fakes.js";

/**
 * The heavy-feelings reply closes with an offer that fits: places to meet people for someone lonely,
 * rest and advice for someone who cares for another. Once the resident says no to the offer, it is not
 * made again. Its question about death is what a "nee" next answers, also when practical steps follow.
 */
const make = (now?: () => Date) => createDialogueAssistant(now);
const all = allText;

describe("the offer in the heavy-feelings reply", () => {
  it("someone lonely hears of places to meet people", async () => {
    const reply = await make().handle(inbound("sinds de verhuizing voel ik me zo alleen, niemand belt"));
    expect(reply.intent).toBe("concern");
    expect(all(reply)).toMatch(/ontmoeten/);
    expect(all(reply)).not.toMatch(/respijtzorg/);
  });

  it("a carer hears of rest and advice for carers, not a coffee morning", async () => {
    for (const text of ["ik verzorg mijn vader elke dag en ik voel me zo leeg en alleen", "I look after my mum every day and I feel so empty and alone"]) {
      const reply = await make().handle(inbound(text, { conversationId: `terminal:${text.length}` }));
      expect(reply.intent, text).toBe("concern");
      expect(all(reply), text).toMatch(/respijtzorg/);
      expect(all(reply), text).not.toMatch(/koffie|coffee/i);
    }
  });

  it("a no to the offer: a later heavy-feelings reply makes no offer", async () => {
    let at = new Date("2025-03-04T09:00:00Z").getTime();
    const assistant = make(() => new Date((at += 1000)));
    const first = await assistant.handle(inbound("ik voel me zo alleen, niemand komt ooit langs"));
    expect(all(first)).toMatch(/ontmoeten/);
    await assistant.handle(inbound("nee dank je"));
    // Hours later, heavy words again: the whole reply, without the offer that was declined.
    at += 3 * 60 * 60_000;
    const later = await assistant.handle(inbound("ik voel me nog steeds zo alleen, het is zo stil in huis"));
    expect(later.intent).toBe("concern");
    expect(all(later)).toContain("De Luisterlijn");
    expect(all(later)).not.toMatch(/ontmoeten|koffieochtend/);
  });
});
