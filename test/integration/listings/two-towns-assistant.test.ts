import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { createLogger } from "../../../src/log/logger.js";
import { createApp, type App } from "../../../src/main.js";
import { residentSender } from "../../support/resident-sender.js";

/**
 * The whole app (real SQLite, real index with local embeddings, real safety check) with the
 * listings of two fictional towns in LISTINGS_DIR instead of the Zeist example.
 */
const TOWNS = fileURLToPath(new URL("../../fixtures/listings/towns", import.meta.url));
const TUESDAY_MORNING = new Date("2026-11-24T09:30:00Z");

let dataDir: string;
let app: App;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "wijkwijzer-towns-"));
  const listingsDir = join(dataDir, "listings");
  mkdirSync(listingsDir);
  for (const file of ["amersfoort-fictief.csv", "leeuwarden-fictief.csv"]) copyFileSync(join(TOWNS, file), join(listingsDir, file));
  const config = parseConfig({ DATA_DIR: dataDir, LISTINGS_DIR: listingsDir, LOG_LEVEL: "silent", EMBEDDINGS: "local" });
  app = await createApp(config, { logger: createLogger("silent"), now: () => TUESDAY_MORNING });
}, 60_000);

afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const send = residentSender(() => app.assistant, TUESDAY_MORNING);

describe("the assistant with two towns' listings", () => {
  it("answers debts in Liendert with the first steps, the nearest schuldhulp-inloop and the offer of a person", async () => {
    const r = await send("debts", "ik heb schulden en snap de brieven niet meer, waar kan ik terecht in Liendert?");
    // It asks where: a listings answer, with the first steps and the offer of a person beside the place.
    expect(r.intent).toBe("listings");
    const texts = r.replies.map((m) => m.text);
    expect(texts[0]).toContain("Schulden geven veel zorgen.");
    const near = texts.find((t) => t.includes("Geldloket inloop Liendert"));
    expect(near).toBeDefined();
    expect(near).toMatch(/Wanneer: donderdag 26 november, 13:00–16:00/);
    expect(near).toMatch(/Kaart: https:\/\/www\.openstreetmap\.org\//);
    // After the first steps, before the offer of a person.
    const at = texts.indexOf(near!);
    expect(texts.slice(1, at).join("\n")).toMatch(/1\. .*schuldhulp/i);
    // No desk in this test: how to reach a person, not a question about one.
    expect(texts.slice(at + 1).join("\n")).toContain("Wilt u met iemand praten?");
  });

  it("shows the mantelzorgsteunpunt near a place named earlier when care no longer works", async () => {
    await send("care", "is er iets om samen te eten in Hoogland?");
    const r = await send("care", "ik kan de zorg voor mijn moeder niet meer aan, ik ben op");
    // "Ik ben op" is heavy as well as practical: warmth and the lines to talk to first, then the steps and the place.
    expect(r.intent).toBe("concern");
    expect(r.replies.map((m) => m.text).join("\n")).toContain("Mantelzorgsteunpunt Hoogland");
  });

  it("asks which Bloemenbuurt once, and a button press answers the waiting question", async () => {
    const first = await send("choice", "is er koffie in de Bloemenbuurt?");
    const buttons = first.replies[0]!.buttons ?? [];
    expect(first.replies[0]!.text).toBe("Bedoelt u Bloemenbuurt (Amersfoort) of Bloemenbuurt (Leeuwarden)?");
    const leeuwarden = buttons.find((b) => b.label === "Bloemenbuurt (Leeuwarden)")!;
    const second = await send("choice", "", { action: { id: leeuwarden.id, ...(leeuwarden.value ? { value: leeuwarden.value } : {}) } });
    expect(second.intent).toBe("listings");
    expect(second.replies[0]!.text).toContain("Inloop Vrijheidswijk");
    expect(second.replies[0]!.text).toMatch(/Wanneer: vandaag, dinsdag 24 november, 14:00–16:00/);
  });

  it("says by name that it has no activities in Maastricht", async () => {
    const r = await send("outside", "Is er op woensdag iets om te bewegen in Maastricht?");
    expect(r.intent).toBe("listings");
    expect(r.replies[0]!.text).toContain("Ik heb geen activiteiten in Maastricht.");
    expect(r.replies[0]!.text).not.toContain("iets verder weg");
  });

  it("shows a listing found by the knowledge search as a listing, with day, time and map", async () => {
    const r = await send("knowledge", "wat doet het Geldloket Amersfoort precies?");
    expect(r.intent).toBe("answer");
    const text = r.replies[0]!.text;
    expect(text).toContain("Geldloket inloop Liendert");
    expect(text).toMatch(/Wanneer: donderdag 26 november, 13:00–16:00/);
    expect(text).toMatch(/Waar: Voorbeeldweg 3, Amersfoort/);
    expect(text).toMatch(/Kaart: https:\/\/www\.openstreetmap\.org\/\?mlat=52\.16861&mlon=5\.39942/);
  });

  it("names the open data it uses on /bronnen", async () => {
    const r = await send("sources", "/bronnen");
    expect(r.replies[0]!.text).toContain("Centraal Bureau voor de Statistiek (CBS) en Kadaster/PDOK");
    expect(r.replies[0]!.text).toContain("https://creativecommons.org/licenses/by/4.0/");
  });
});
