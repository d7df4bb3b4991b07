import { afterEach, describe, expect, it } from "vitest";
import { createHandoffService } from "../../../src/handoff/handoff-service.js";
import { parseOfficeHours } from "../../../src/handoff/office-hours.js";
import { sqliteStoresOn } from "../../../src/store/sqlite/sqlite-stores.js";
import { slackError, telegramError } from "../../support/platform-errors.js";
import { createHarness, RESIDENT, type Harness } from "./handoff-harness.js";

let h: Harness;
afterEach(() => h?.db.close());

const WORKER = { id: "slack:U0WORKER1", firstName: "Sanne" };
const down = () => slackError("network");
const blocked = () => telegramError(403, "Forbidden: bot was blocked by the user");

async function openTicket(harness: Harness) {
  await harness.say("/mens");
  await harness.press("handoff_consent_yes");
  return (await harness.service.tickets.active(RESIDENT.conversationId))!;
}

describe("handoff: nobody is left waiting without knowing", () => {
  it("when the desk cannot be reached, the resident hears it once, and the ticket is posted after recovery", async () => {
    h = createHarness();
    h.desk.failNext(1000, down());
    const ticket = await openTicket(h);
    for (let i = 0; i < 8; i++) {
      await h.service.flush();
      h.clock.advanceMinutes(1);
    }
    const told = h.sender.textsTo(RESIDENT.conversationId);
    expect(told).toEqual(["Het lukt nu niet om een sociaal werker te bereiken. Ik blijf het proberen. Wilt u niet wachten? Bel het wijkteam: 030-1234567."]);
    h.desk.failNext(0, null);
    h.clock.advanceMinutes(5);
    await h.service.flush();
    expect(h.desk.calls.filter((c) => c.op === "post" && c.ticketId === ticket.id)).toHaveLength(1);
    expect(h.sender.textsTo(RESIDENT.conversationId)).toHaveLength(1);
  });

  it("when the resident cannot be reached (bot blocked), the worker is told in the thread", async () => {
    h = createHarness();
    const ticket = await openTicket(h);
    await h.service.flush();
    h.sender.failNext(10, blocked());
    await h.service.claim(ticket.id, WORKER);
    for (let i = 0; i < 4; i++) {
      await h.service.flush();
      h.clock.advanceMinutes(1);
    }
    expect(h.desk.threadTexts(ticket.id).at(-1)).toMatch(/kwam niet aan bij de bewoner \(telegram:403\)/);
  });

  it("when the resident's message is refused by the desk for good, the resident is told", async () => {
    h = createHarness();
    const ticket = await openTicket(h);
    await h.service.claim(ticket.id, WORKER);
    await h.service.flush();
    h.desk.failNext(3, slackError("platform", "msg_too_long"));
    await h.say("Een heel lang bericht");
    for (let i = 0; i < 4; i++) {
      await h.service.flush();
      h.clock.advanceMinutes(1);
    }
    expect(h.sender.textsTo(RESIDENT.conversationId).at(-1)).toMatch(/uw bericht kwam niet aan bij de sociaal werker/);
  });

  it("state survives a new service on the same database (restart)", async () => {
    h = createHarness();
    const ticket = await openTicket(h);
    await h.service.claim(ticket.id, WORKER);
    await h.service.stop();
    const reopened = sqliteStoresOn(h.db);
    const again = createHandoffService({
      store: reopened.conversations,
      tickets: reopened.tickets,
      outboxStore: reopened.outbox,
      sender: h.sender,
      primaryDesk: "slack",
      desks: { slack: h.desk },
      officeHours: parseOfficeHours("ma-vr 09:00-17:00", "Europe/Amsterdam"),
      now: () => new Date(h.clock.t),
      wijkteamContact: "x",
      retentionDays: 90,
    });
    expect(await again.tickets.active(RESIDENT.conversationId)).toMatchObject({ status: "claimed", workerName: "Sanne" });
    expect((await again.intercept(h.inbound("hallo?")))?.replies).toEqual([]);
    await again.flush();
    // What was queued before the restart (claim notice) and after (the relay) both arrive.
    expect(h.sender.textsTo(RESIDENT.conversationId)).toHaveLength(1);
    expect(h.desk.threadTexts(ticket.id)).toContain("Bewoner: hallo?");
  });

  it("two instances running upkeep on one database send one reminder, not two", async () => {
    h = createHarness({ deps: { remindMinutes: 15 } });
    const ticket = await openTicket(h);
    await h.service.flush();
    const reopened = sqliteStoresOn(h.db);
    const second = createHandoffService({
      store: reopened.conversations,
      tickets: reopened.tickets,
      outboxStore: reopened.outbox,
      sender: h.sender,
      primaryDesk: "slack",
      desks: { slack: h.desk },
      officeHours: parseOfficeHours("ma-vr 09:00-17:00", "Europe/Amsterdam"),
      now: () => new Date(h.clock.t),
      wijkteamContact: "x",
      retentionDays: 90,
      remindMinutes: 15,
    });
    h.clock.advanceMinutes(16);
    await Promise.all([h.service.flush(), second.flush()]);
    expect(h.desk.threadTexts(ticket.id).filter((t) => t.includes("Herinnering"))).toHaveLength(1);
    h.clock.advanceMinutes(16);
    await Promise.all([second.flush(), h.service.flush()]);
    expect(h.desk.threadTexts(ticket.id).filter((t) => t.includes("Herinnering"))).toHaveLength(2);
  });
});
