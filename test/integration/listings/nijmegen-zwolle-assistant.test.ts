import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import type { AssistantReply } from "../../../src/core/types.js";
import { addDocuments } from "../../../src/knowledge/add-documents.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp, type App } from "../../../src/main.js";
import { residentSender } from "../../support/resident-sender.js";

/**
 * A gemeente that follows the README's "Use it in your gemeente": its own listings (a CSV for
 * Nijmegen and for Zwolle, an HSDS 3.0 feed for Nijmegen, all fictional) in LISTINGS_DIR and its
 * own page about the wijkteam added with `knowledge add`. The whole app: real SQLite, real index.
 */
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const TOWNS = join(ROOT, "test/fixtures/listings/towns");
const TUESDAY_MORNING = new Date("2026-11-24T09:30:00Z");
const CONTACT = "Sociaal wijkteam Nijmegen (fictief): bel 024 000 0000.";

let dir: string;
let app: App;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "wijkwijzer-nijmegen-zwolle-"));
  const knowledge = join(dir, "knowledge");
  cpSync(join(ROOT, "knowledge"), knowledge, { recursive: true });
  const added = await addDocuments(knowledge, [join(TOWNS, "wijkteam-nijmegen.md")], { publisher: "Gemeente Nijmegen (fictief)" });
  expect(added.problems).toEqual([]);
  const listings = join(dir, "activiteiten");
  mkdirSync(listings);
  for (const file of ["nijmegen-fictief.csv", "nijmegen-sociale-kaart.json", "zwolle-fictief.csv"]) copyFileSync(join(TOWNS, file), join(listings, file));
  const config = parseConfig({ DATA_DIR: join(dir, "data"), KNOWLEDGE_DIR: knowledge, LISTINGS_DIR: listings, LOG_LEVEL: "silent", EMBEDDINGS: "local", WIJKTEAM_CONTACT: CONTACT });
  app = await createApp(config, { logger: createLogger("silent"), now: () => TUESDAY_MORNING });
}, 120_000);

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const send = residentSender(() => app.assistant, TUESDAY_MORNING);

const all = (r: AssistantReply) => r.replies.map((m) => m.text).join("\n");

describe("a gemeente's own listings and documents (Nijmegen, Zwolle)", () => {
  it("answers when the wijkteam's inloop is from the gemeente's own page, not with 'the gemeente decides'", async () => {
    const r = await send("own-doc", "wanneer is de inloop van het wijkteam in Dukenburg?");
    expect(all(r)).toContain("Wijkteam Dukenburg: Meijhorst 70. Inloop op maandag en donderdag van 9.00 tot 12.00 uur.");
    expect(r.sources.map((s) => s.title)).toContain("Het sociaal wijkteam in uw wijk (fictief voorbeeld)");
    expect(all(r)).not.toContain("Dat weet ik niet voor uw gemeente");
    // What the page does not say still gets the honest route.
    const bijdrage = await send("own-doc-2", "hoeveel is de eigen bijdrage voor de wmo?");
    expect(all(bijdrage)).toContain("Dat verschilt per gemeente.");
  });

  it("shows every listing with its next day and time, address, distance, cost, contact and map", async () => {
    const r = await send("fields", "koffie drinken in Wolfskuil");
    expect(r.intent).toBe("listings");
    const first = r.replies[0]!.text.split(/\n\n(?=\d+\. )/)[1]!;
    expect(first).toMatch(/^1\. Koffieochtend Wolfskuil\n/);
    expect(first).toContain("Wanneer: nu bezig, tot 12:00 (vandaag, 10:00–12:00)");
    expect(first).toContain("Waar: Wolfskuilseweg 12, Nijmegen (minder dan 100 m, in de buurt)");
    expect(first).toContain("Kosten: gratis");
    expect(first).toContain("Contact: bel 024 000 0001 of mail koffie@dewolf.example");
    expect(first).toContain("Kaart: https://www.openstreetmap.org/?mlat=51.83970&mlon=5.84370");
  });

  it("reads an older resident who is often alone, with a place, as a search for company nearby", async () => {
    const r = await send("alone", "mijn moeder van 82 woont in Hees en zit veel alleen");
    expect(r.intent).toBe("listings");
    // From the HSDS feed: minimum_age 60 made it a listing for ouderen.
    expect(all(r)).toContain("Ontmoetingsochtend Hees");
  });

  it("measures from where a wijk's residents live (Berkum), so next door is 'in de buurt'", async () => {
    const r = await send("berkum", "vrijwilligerswerk in Berkum");
    expect(all(r)).toMatch(/Vrijwilligerspunt Berkum[\s\S]*Waar: Berkumlaan 2, Zwolle \(\d+ m, in de buurt\)/);
  });

  it("asks which Oosterhout, and the gemeente Oosterhout gets its own contact and national services", async () => {
    const first = await send("oosterhout", "is er iets in Oosterhout?");
    expect(first.replies[0]!.text).toBe("Bedoelt u Oosterhout (Nijmegen) of gemeente Oosterhout?");
    const elsewhere = first.replies[0]!.buttons!.find((b) => b.label === "gemeente Oosterhout")!;
    const second = await send("oosterhout", "", { action: { id: elsewhere.id, ...(elsewhere.value ? { value: elsewhere.value } : {}) } });
    expect(all(second)).toContain("Ik heb geen activiteiten in Oosterhout.");
    expect(all(second)).toContain("Bel de gemeente Oosterhout");
    const here = await send("oosterhout-2", "is er iets in Oosterhout?");
    const nijmegen = here.replies[0]!.buttons!.find((b) => b.label === "Oosterhout (Nijmegen)")!;
    const third = await send("oosterhout-2", "", { action: { id: nijmegen.id, ...(nijmegen.value ? { value: nijmegen.value } : {}) } });
    expect(all(third)).toContain("Opvoedspreekuur Oosterhout");
  });

  it("never calls Kampen, 12 km from the nearest Zwolle listing, 'in de buurt'", async () => {
    const r = await send("kampen", "koffie in Kampen");
    expect(all(r)).toContain("Ik heb geen activiteiten in Kampen.");
    expect(all(r)).not.toContain("in de buurt");
  });

  it("gives debts in Lindenholt the nearest schuldhulp-inloop beside the first steps, and our wijkteam", async () => {
    const r = await send("debts", "ik heb schulden en woon in Lindenholt");
    expect(r.intent).toBe("handoff");
    const texts = r.replies.map((m) => m.text);
    expect(texts[0]).toContain("Schulden geven veel zorgen.");
    const near = texts.find((t) => t.startsWith("Hier kunt u terecht"));
    expect(near).toMatch(/^Hier kunt u terecht, in de buurt van Lindenholt:\n\n1\. Schuldhulp-inloop Dukenburg\n/);
    expect(near).toMatch(/Waar: Meijhorst 70, Nijmegen \(\d,\d km, iets verder weg\)/);
    expect(texts.at(-1)).toContain(CONTACT);
  });

  it("sends debts in Kampen, outside Zwolle and Nijmegen, to the gemeente Kampen, not to our wijkteam", async () => {
    const r = await send("debts-kampen", "ik heb schulden, ik woon in Kampen");
    expect(r.intent).toBe("handoff");
    expect(all(r)).toContain("Ik heb geen activiteiten in Kampen.");
    expect(all(r)).toContain("Bel de gemeente Kampen: 14 en dan het netnummer.");
    expect(all(r)).not.toContain(CONTACT);
  });
});
