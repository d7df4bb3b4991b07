import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./handoff-harness.js";

let h: Harness;
afterEach(() => h?.db.close());

/** Asks for a person and consents; returns the reply texts to the consent. */
async function askAndConsent(harness: Harness): Promise<string[]> {
  await harness.say("/mens");
  const reply = await harness.press("handoff_consent_yes");
  return (reply?.replies ?? []).map((r) => r.text);
}

describe("handoff: a limit on new tickets per resident per hour", () => {
  it("opens at most HANDOFF_TICKETS_PER_HOUR tickets an hour, then refuses kindly with the wijkteam's number", async () => {
    h = createHarness({ deps: { ticketsPerHour: 2 } });
    for (let i = 0; i < 2; i++) {
      expect((await askAndConsent(h)).join(" ")).toContain("Ik heb een sociaal werker gevraagd");
      await h.say("/stop");
    }
    const refused = await askAndConsent(h);
    expect(refused.join(" ")).toContain("al een paar keer om een sociaal werker gevraagd");
    expect(refused.join(" ")).toContain("030-1234567");
    expect(await h.service.tickets.active("telegram:701")).toBeUndefined();

    // Another resident is not affected.
    await h.say("/mens", { conversationId: "telegram:702", userId: "telegram:702" });
    const other = await h.say("", { conversationId: "telegram:702", userId: "telegram:702", action: { id: "handoff_consent_yes" } });
    expect(other?.replies[0]?.text).toContain("Ik heb een sociaal werker gevraagd");

    // An hour later the resident can ask again.
    h.clock.advanceMinutes(61);
    expect((await askAndConsent(h)).join(" ")).toContain("Ik heb een sociaal werker gevraagd");
  });
});
