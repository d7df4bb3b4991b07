import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp, type App } from "../../../src/main.js";
import { residentSender } from "../../support/resident-sender.js";

/**
 * Follow-ups about listings through the whole app as `npm start` builds it (the Zeist example listings,
 * the wegwijzer, the index): a question about a listing just shown is answered from it, also when the
 * wegwijzer has an entry on the same topic, and a listing of the list before is found by its name.
 */
const TUESDAY_MORNING = new Date("2026-11-24T09:30:00Z");
let dataDir: string;
let app: App;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "wijkwijzer-follow-ups-"));
  app = await createApp(parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }), { logger: createLogger("silent"), now: () => TUESDAY_MORNING });
}, 60_000);

afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const send = residentSender(() => app.assistant, TUESDAY_MORNING);
const text = (r: { replies: Array<{ text: string }> }) => r.replies.map((m) => m.text).join("\n");

describe("follow-ups about the listings shown", () => {
  it("'hoe laat is de koffieochtend?' after a list of koffieochtenden is answered from that list", async () => {
    expect(text(await send("koffie", "is er een koffieochtend in 3701?"))).toMatch(/1\. Koffieochtend/);
    const when = await send("koffie", "hoe laat is de koffieochtend");
    expect(when.intent).toBe("listings");
    expect(text(when)).toMatch(/Wanneer: /);
  });

  it("'waar is die rouwgroep' after two lists finds the rouwgroep of the first", async () => {
    expect(text(await send("henk", "is er een rouwgroep in 3701?"))).toMatch(/Rouwgroep/);
    expect(text(await send("henk", "en een koffieochtend?"))).toMatch(/Koffieochtend/);
    const where = await send("henk", "waar is die rouwgroep");
    expect(where.intent).toBe("listings");
    expect(text(where)).toMatch(/Adres: .+Zeist/);
  });

  it("a question the listing's data does not answer: that it is not there and how to ask them, and the list stays", async () => {
    expect(text(await send("anna", "ik heb schulden, waar kan ik hulp krijgen in 3701?"))).toMatch(/Schuldhulp/);
    const bring = await send("anna", "wat moet ik meenemen?");
    expect(bring.intent).toBe("listings");
    expect(text(bring)).toMatch(/niet in mijn gegevens/);
    expect(text(bring)).toMatch(/Bel \d|mail /);
    expect(text(bring)).not.toMatch(/Movisie|Verwey/);
    // A question of its own is not about the listing.
    expect(text(await send("anna", "wat is de hoofdstad van peru?"))).not.toMatch(/niet in mijn gegevens/);
    const signUp = await send("anna", "moet ik me aanmelden?");
    expect(signUp.intent).toBe("listings");
    expect(text(signUp)).toMatch(/afspraak|aanmelden|binnenlopen/);
  });

  it("a listing of an earlier list named after other messages, a name in two words, a question after a story", async () => {
    expect(text(await send("truus", "is er een koffieochtend in 3701?"))).toMatch(/Koffieochtend/);
    // A name written in two words, the question in the last sentence.
    const cost = await send("truus", "ik heb niet veel geld. die koffie ochtend kost dat wat?");
    expect(cost.intent).toBe("listings");
    expect(text(cost)).toMatch(/Kosten|gratis|kosten/);
    await send("truus", "wat is mantelzorg?");
    const named = await send("truus", "en die koffieochtend, waar is dat?");
    expect(named.intent).toBe("listings");
    expect(text(named)).toMatch(/Adres: .+Zeist/);
  });

  it("a place told beside a loss is kept for the question that comes next", async () => {
    const told = await send("widower", "ik woon in Zeist en mijn man is in het voorjaar overleden");
    expect(told.intent).toBe("answer");
    const coffee = await send("widower", "waar kan ik koffie drinken met andere mensen?");
    expect(coffee.intent).toBe("listings");
    expect(text(coffee)).toMatch(/1\. .+\n[\s\S]*Zeist/);
    expect(text(coffee)).not.toMatch(/Waar zoekt u\?/);
  });
});
