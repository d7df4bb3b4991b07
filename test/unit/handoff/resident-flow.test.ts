import { afterEach, describe, expect, it } from "vitest";
import { slackError } from "../../support/platform-errors.js";
import { createHarness, RESIDENT, SATURDAY_20, type Harness } from "./handoff-harness.js";

let h: Harness;
afterEach(() => h?.db.close());

const WORKER = { id: "slack:U0WORKER1", firstName: "Sanne" };

async function askAndConsent(harness: Harness, question = "Ik heb schulden en weet niet wat ik moet doen") {
  await harness.say(question);
  const offer = await harness.service.offer(harness.inbound(question), "handoff");
  const consent = await harness.press("handoff_consent_yes");
  await harness.service.flush();
  const ticket = (await harness.service.tickets.active(RESIDENT.conversationId))!;
  return { offer, consent, ticket };
}

describe("handoff: consent", () => {
  it("/mens asks for consent first and shares nothing yet", async () => {
    h = createHarness();
    const reply = await h.say("/mens");
    expect(reply?.replies[0]?.text).toMatch(/Mag ik ons gesprek met de sociaal werker delen\?/);
    expect(reply?.replies[0]?.buttons?.map((b) => [b.id, b.label])).toEqual([
      ["handoff_consent_yes", "Ja, deel mijn gesprek"],
      ["handoff_consent_no", "Nee, liever niet"],
    ]);
    await h.service.flush();
    expect(await h.service.tickets.active(RESIDENT.conversationId)).toBeUndefined();
    expect(h.desk.calls).toEqual([]);
  });

  it("the core's 'Praat met een mens' button opens the same question", async () => {
    h = createHarness();
    const reply = await h.press("handoff_request");
    expect(reply?.replies[0]?.buttons?.[0]?.id).toBe("handoff_consent_yes");
  });

  it("without consent: the wijkteam's contact details and no ticket", async () => {
    h = createHarness();
    await h.say("/mens");
    const reply = await h.press("handoff_consent_no");
    expect(reply?.replies[0]?.text).toContain("Bel het wijkteam: 030-1234567.");
    expect(reply?.replies[0]?.text).not.toContain("112");
    await h.service.flush();
    expect(await h.service.tickets.active(RESIDENT.conversationId)).toBeUndefined();
    expect(h.desk.calls).toEqual([]);
  });

  it("a crisis without consent still shows the emergency numbers", async () => {
    h = createHarness();
    await h.say("ik wil niet meer leven");
    await h.service.offer(h.inbound("ik wil niet meer leven"), "crisis");
    const reply = await h.press("handoff_consent_no");
    expect(reply?.replies[0]?.text).toContain("112");
    expect(reply?.replies[0]?.text).toContain("0800-0113");
  });

  it("with consent: one ticket with a redacted summary, posted to the desk", async () => {
    h = createHarness();
    const { consent, ticket } = await askAndConsent(h, "Ik heb schulden, bel me op 06-12345678");
    expect(consent?.replies[0]?.text).toMatch(/U krijgt hier een bericht zodra iemand er is/);
    expect(consent?.replies[0]?.text).not.toMatch(/maandag|vandaag/);
    expect(ticket).toMatchObject({ status: "open", priority: "normal", channel: "telegram", userId: RESIDENT.userId });
    const post = h.desk.calls.find((c) => c.op === "post");
    expect(post?.summary).toContain('Vraag: "Ik heb schulden, bel me op [telefoon]"');
    expect(post?.summary).toContain("Kanaal: Telegram");
    expect(post?.summary).not.toContain("06-12345678");
  });

  it("a typed 'ja' right after the question counts as consent", async () => {
    h = createHarness();
    await h.say("/mens");
    const reply = await h.say("ja graag");
    expect(reply?.replies[0]?.text).toMatch(/Ik heb een sociaal werker gevraagd/);
    expect(await h.service.tickets.active(RESIDENT.conversationId)).toBeDefined();
  });

  it("a crisis makes an urgent ticket, with the emergency numbers in the reply", async () => {
    h = createHarness();
    await h.say("ik wil niet meer leven");
    await h.service.offer(h.inbound("ik wil niet meer leven"), "crisis");
    // Pressing "Praat met een mens" under the crisis text keeps it urgent.
    await h.press("handoff_request");
    const reply = await h.press("handoff_consent_yes");
    expect(reply?.replies[0]?.text).toContain("112");
    expect((await h.service.tickets.active(RESIDENT.conversationId))?.priority).toBe("urgent");
  });

  it("other channels than Telegram and Slack are left to the core", async () => {
    h = createHarness();
    expect(await h.service.intercept(h.inbound("/mens", { channel: "terminal", conversationId: "terminal:1" }))).toBeNull();
    expect(await h.service.offer(h.inbound("x", { channel: "terminal", conversationId: "terminal:1" }), "handoff")).toBeNull();
  });
});

describe("handoff: office hours", () => {
  it("outside office hours the resident hears once when a person will answer", async () => {
    h = createHarness({ start: SATURDAY_20 });
    const { consent } = await askAndConsent(h);
    const text = consent!.replies.map((r) => r.text).join("\n");
    expect(text).toContain("Op dit moment is er niemand. Een sociaal werker leest uw vraag maandag om 09:00.");
    // Later messages while waiting: the bot answers them (null = core answers), without the notice.
    for (const later of ["waar is een buurthuis?", "en op zondag?"]) {
      expect(await h.say(later)).toBeNull();
    }
    await h.service.flush();
    const toResident = h.sender.textsTo(RESIDENT.conversationId).join("\n");
    expect(toResident).not.toContain("maandag om 09:00");
    // Asking again does not repeat the time either.
    expect((await h.say("/mens"))?.replies[0]?.text).toMatch(/U staat al op de lijst/);
  });

  it("unclaimed tickets are reminded after HANDOFF_REMIND_MINUTES, urgent ones after 5, only while open", async () => {
    h = createHarness({ deps: { remindMinutes: 15 } });
    const { ticket } = await askAndConsent(h);
    h.clock.advanceMinutes(10);
    await h.service.flush();
    expect(h.desk.threadTexts(ticket.id).filter((t) => t.includes("Herinnering"))).toHaveLength(0);
    h.clock.advanceMinutes(6);
    await h.service.flush();
    expect(h.desk.threadTexts(ticket.id).filter((t) => t.includes("Herinnering"))).toEqual([
      "⏰ Herinnering: hulpvraag #1 wacht al 16 minuten op een sociaal werker.",
    ]);
    h.clock.advanceMinutes(15);
    await h.service.flush();
    expect(h.desk.threadTexts(ticket.id).filter((t) => t.includes("Herinnering"))).toHaveLength(2);
    expect(h.desk.calls.filter((c) => c.op === "thread" && c.message.kind === "reminder")).toHaveLength(2);
  });

  it("an urgent ticket is reminded after 5 minutes; none at night, one at opening", async () => {
    h = createHarness({ start: SATURDAY_20 });
    await h.say("ik wil niet meer leven");
    await h.service.offer(h.inbound("ik wil niet meer leven"), "crisis");
    await h.press("handoff_consent_yes");
    const ticket = (await h.service.tickets.active(RESIDENT.conversationId))!;
    h.clock.advanceMinutes(60);
    await h.service.flush();
    expect(h.desk.threadTexts(ticket.id)).toEqual([]);
    // Monday 09:01 local: the office opens, the waiting ticket is announced again.
    h.clock.t = Date.parse("2026-11-30T08:01:00Z");
    await h.service.flush();
    expect(h.desk.threadTexts(ticket.id)).toHaveLength(1);
    h.clock.advanceMinutes(5);
    await h.service.flush();
    expect(h.desk.threadTexts(ticket.id)).toHaveLength(2);
  });
});

describe("handoff: while a person has the chat", () => {
  it("relays both ways, keeps the bot silent, and gives the bot back after close and rating", async () => {
    h = createHarness();
    const { ticket } = await askAndConsent(h);
    expect((await h.service.claim(ticket.id, WORKER)).ok).toBe(true);
    await h.service.flush();
    expect(h.sender.textsTo(RESIDENT.conversationId)).toEqual([
      "Sanne, een sociaal werker, is nu bij u. Dit is een mens, geen computer. U kunt hier gewoon typen. Uw berichten gaan naar Sanne.",
    ]);
    expect(h.desk.calls.filter((c) => c.op === "update").at(-1)).toMatchObject({ status: "claimed", worker: "Sanne" });

    const silent = await h.say("Dank u. Ik heb een brief van de deurwaarder.");
    expect(silent?.replies).toEqual([]);
    expect((await h.service.workerMessage({ desk: "slack", thread: ticket.deskThread ?? "1700000000.000001", worker: WORKER, text: "Kunt u morgen langskomen?" })).result).toBe(
      "relayed",
    );
    await h.service.flush();
    expect(h.desk.threadTexts(ticket.id)).toContain("Bewoner: Dank u. Ik heb een brief van de deurwaarder.");
    expect(h.sender.textsTo(RESIDENT.conversationId).at(-1)).toBe("Sanne: Kunt u morgen langskomen?");

    expect((await h.service.close(ticket.id, WORKER)).ok).toBe(true);
    await h.service.flush();
    const closing = h.sender.sent.at(-1)!.message;
    expect(closing.text).toMatch(/Sanne heeft het gesprek afgesloten/);
    expect(closing.buttons?.map((b) => b.value)).toEqual(["1:1", "1:2", "1:3", "1:4", "1:5"]);

    const thanks = await h.press("handoff_rate", "1:4");
    expect(thanks?.replies[0]?.text).toBe("Dank u wel voor uw cijfer!");
    expect((await h.service.tickets.get(ticket.id))?.rating).toBe(4);
    // The bot answers again.
    expect(await h.say("waar kan ik koffie drinken?")).toBeNull();
  });

  it("only the worker who claimed talks to the resident; a second claim is refused", async () => {
    h = createHarness();
    const { ticket } = await askAndConsent(h);
    const thread = (await h.service.tickets.get(ticket.id))!.deskThread!;
    expect((await h.service.workerMessage({ desk: "slack", thread, worker: WORKER, text: "te vroeg" })).result).toBe("not_claimed");
    await h.service.claim(ticket.id, WORKER);
    const second = await h.service.claim(ticket.id, { id: "slack:U0WORKER2", firstName: "Ahmed" });
    expect(second).toMatchObject({ ok: false, reason: "taken" });
    expect((await h.service.workerMessage({ desk: "slack", thread, worker: { id: "slack:U0WORKER2", firstName: "Ahmed" }, text: "intern" })).result).toBe(
      "not_claimer",
    );
    await h.service.flush();
    expect(h.sender.textsTo(RESIDENT.conversationId).join("\n")).not.toMatch(/te vroeg|intern/);
  });

  it("a redelivered worker message is relayed once", async () => {
    h = createHarness();
    const { ticket } = await askAndConsent(h);
    await h.service.claim(ticket.id, WORKER);
    const thread = (await h.service.tickets.get(ticket.id))!.deskThread!;
    const message = { desk: "slack" as const, thread, worker: WORKER, text: "Hallo", deliveryKey: "slack:handoff:C1:1.1" };
    expect((await h.service.workerMessage(message)).result).toBe("relayed");
    expect((await h.service.workerMessage(message)).result).toBe("duplicate");
    await h.service.flush();
    expect(h.sender.textsTo(RESIDENT.conversationId).filter((t) => t === "Sanne: Hallo")).toHaveLength(1);
  });

  it("a photo while claimed: the worker hears of it, the resident is asked to type", async () => {
    h = createHarness();
    const { ticket } = await askAndConsent(h);
    await h.service.claim(ticket.id, WORKER);
    const reply = await h.say("", { unsupported: "photo" });
    expect(reply?.replies[0]?.text).toMatch(/alleen tekst doorsturen naar Sanne/);
    await h.service.flush();
    expect(h.desk.threadTexts(ticket.id).at(-1)).toMatch(/stuurde een foto/);
  });

  it("/stop cancels a waiting request and tells the desk", async () => {
    h = createHarness();
    const { ticket } = await askAndConsent(h);
    const reply = await h.say("/stop");
    expect(reply?.replies[0]?.text).toMatch(/ingetrokken/);
    await h.service.flush();
    expect(await h.service.tickets.get(ticket.id)).toMatchObject({ status: "closed", closeReason: "resident_stopped" });
    expect(h.desk.threadTexts(ticket.id)).toContain("De bewoner heeft het gesprek beëindigd (/stop).");
    expect(h.desk.calls.filter((c) => c.op === "update").at(-1)).toMatchObject({ status: "closed" });
    expect((await h.say("/stop"))?.replies[0]?.text).toMatch(/geen vraag/);
  });

  it("crisis words while claimed still get the emergency numbers, and the worker is warned", async () => {
    h = createHarness({ deps: { safety: { assess: (text) => (/niet meer leven/.test(text) ? { crisis: "suicide" } : {}) } } });
    const { ticket } = await askAndConsent(h);
    await h.service.claim(ticket.id, WORKER);
    expect((await h.say("gewoon een vraag"))?.replies).toEqual([]);
    const reply = await h.say("ik wil niet meer leven");
    expect(reply?.intent).toBe("crisis");
    expect(reply?.replies[0]?.text).toMatch(/doorgestuurd naar Sanne.*112.*0800-0113/s);
    await h.service.flush();
    expect(h.desk.threadTexts(ticket.id).slice(-2)).toEqual([
      "Bewoner: ik wil niet meer leven",
      "⚠️ Let op: dit bericht lijkt op een crisis. De bewoner kreeg de noodnummers (112 en 113) te zien.",
    ]);
    expect((await h.service.tickets.get(ticket.id))?.priority).toBe("urgent");
  });

  it("a crisis while waiting raises the ticket to urgent", async () => {
    h = createHarness();
    const { ticket } = await askAndConsent(h);
    const offer = await h.service.offer(h.inbound("ik wil dood"), "crisis");
    expect(offer?.text).toMatch(/U staat al op de lijst/);
    await h.service.flush();
    expect((await h.service.tickets.get(ticket.id))?.priority).toBe("urgent");
    expect(h.desk.calls.filter((c) => c.op === "update").at(-1)).toMatchObject({ priority: "urgent" });
  });
});

describe("handoff: the note for the worker", () => {
  it("a summariser (an LLM) writes the body under the same header; the plain note stays when it fails", async () => {
    h = createHarness({ deps: { summarise: async (transcript) => `Notitie over ${transcript.length} berichten. Bel 06-99999999.` } });
    const { ticket } = await askAndConsent(h, "Ik heb schulden");
    const posted = h.desk.calls.find((c) => c.op === "post")!;
    expect(posted.summary).toMatch(/^Vraag: "Ik heb schulden"\nOnderwerp: .+\nKanaal: Telegram\nNotitie over \d+ berichten\. Bel \[telefoon\]\.$/);
    expect(await h.service.tickets.summaryKind(ticket.id)).toBe("llm");
    h.db.close();

    h = createHarness({ deps: { summarise: async () => Promise.reject(new Error("timeout")) } });
    await askAndConsent(h, "Ik heb schulden");
    expect(h.desk.calls.find((c) => c.op === "post")!.summary).toContain("Laatste berichten:\n- Bewoner: Ik heb schulden");
  });
});

describe("handoff: privacy", () => {
  it("/vergeet erases the tickets' content and undelivered relays, and tells the desk without content", async () => {
    h = createHarness();
    const { ticket } = await askAndConsent(h, "Mijn IBAN is NL91ABNA0417164300 en ik heb schulden");
    await h.service.claim(ticket.id, WORKER);
    await h.service.flush();
    h.desk.failNext(100, slackError("network"));
    await h.say("Dit is geheim: mijn buurman heet Jan");
    await h.service.flush();
    expect(await h.press("forget_confirm")).toBeNull();
    h.desk.failNext(0, null);
    h.clock.advanceMinutes(10);
    await h.service.flush();
    const stored = (await h.service.tickets.get(ticket.id))!;
    expect(stored).toMatchObject({ status: "closed", closeReason: "forgotten", summary: "", userId: "" });
    expect(h.desk.threadTexts(ticket.id).join("\n")).not.toContain("geheim");
    expect(h.desk.threadTexts(ticket.id)).toContain("De bewoner heeft gevraagd alles te wissen. Het gesprek is gesloten.");
    expect(h.desk.calls.filter((c) => c.op === "update").at(-1)).toMatchObject({ status: "closed", summary: "" });
    const rows = h.db.prepare("SELECT payload_json FROM handoff_outbox").all() as Array<{ payload_json: string }>;
    expect(rows.map((r) => r.payload_json).join("\n")).not.toMatch(/geheim|schulden/);
  });

  it("/vergeet also erases relays already delivered, both ways", async () => {
    h = createHarness();
    const { ticket } = await askAndConsent(h, "Ik heb schulden");
    await h.service.claim(ticket.id, WORKER);
    await h.service.workerMessage({ desk: "slack", thread: (await h.service.tickets.get(ticket.id))!.deskThread!, worker: WORKER, text: "Bel mij op 06-22223333" });
    await h.say("Mijn adres is Dorpsstraat 12");
    await h.service.flush();
    expect(h.sender.textsTo(RESIDENT.conversationId).join("\n")).toContain("06-22223333");
    const before = h.db.prepare("SELECT payload_json FROM handoff_outbox WHERE status = 'delivered'").all() as Array<{ payload_json: string }>;
    expect(before.map((r) => r.payload_json).join("\n")).toMatch(/06-22223333/);
    expect(await h.press("forget_confirm")).toBeNull();
    await h.service.flush();
    const rows = h.db.prepare("SELECT payload_json FROM handoff_outbox").all() as Array<{ payload_json: string }>;
    expect(rows.map((r) => r.payload_json).join("\n")).not.toMatch(/06-22223333|Dorpsstraat|schulden/);
  });

  it("the retention purge erases old tickets' content and old relayed messages", async () => {
    h = createHarness();
    const { ticket } = await askAndConsent(h);
    await h.service.claim(ticket.id, WORKER);
    await h.service.workerMessage({ desk: "slack", thread: (await h.service.tickets.get(ticket.id))!.deskThread!, worker: WORKER, text: "Mijn nummer is 06-11111111" });
    await h.service.close(ticket.id, WORKER);
    await h.service.flush();
    h.clock.advanceMinutes(91 * 24 * 60);
    await h.service.flush();
    expect((await h.service.tickets.get(ticket.id))?.summary).toBe("");
    const rows = h.db.prepare("SELECT COUNT(*) AS n FROM handoff_outbox").get() as { n: number };
    expect(rows.n).toBe(0);
    // The worker's words were recorded as conversation messages: the store's own purge covers them.
    expect(await h.store.purgeOlderThan(new Date(h.clock.t - 90 * 86_400_000))).toBeGreaterThan(0);
    expect((await h.store.recentMessages(RESIDENT.conversationId, 50)).map((m) => m.text).join("\n")).not.toContain("06-11111111");
  });
});
