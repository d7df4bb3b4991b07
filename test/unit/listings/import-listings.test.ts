import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatImportReport } from "../../../src/listings/import-report.js";
import { checkListings, importListingsContent, importListingsFile } from "../../../src/listings/import-listings.js";
import { generateListings, listingsToCsv } from "../../../src/listings/generate-listings.js";
import { openDatabase } from "../../../src/store/sqlite/database.js";
import { createSqliteListingsRepository } from "../../../src/store/sqlite/listings-repository.js";
import { EXAMPLE_CSV, FIXTURES } from "./helpers.js";

const fixture = (name: string) => join(FIXTURES, name);
const repo = () => createSqliteListingsRepository(openDatabase(":memory:"));

describe("CSV import", () => {
  it("imports a valid file and reports the counts", async () => {
    const r = repo();
    const report = await importListingsFile(r, fixture("zwolle-valid.csv"));
    expect(report).toMatchObject({ ok: true, format: "csv", total: 5, added: 5, errors: [] });
    expect(await r.count()).toBe(5);
    const koffie = (await r.all()).find((l) => l.id === "zwl-001")!;
    expect(koffie).toMatchObject({ name: "Koffieochtend De Pelikaan", categories: ["ontmoeting"], postcode: "8011 AA", latitude: 52.5129, schedule: "di 10:00-12:00" });
    expect(formatImportReport(report)).toContain("5 activiteiten geïmporteerd");
  });

  it("accepts the shipped example sociale kaart", async () => {
    const report = await importListingsFile(repo(), EXAMPLE_CSV, { dryRun: true });
    expect(report.errors).toEqual([]);
    expect(report.total).toBeGreaterThanOrEqual(60);
  });

  it("rejects an invalid file whole, with row, field and what is wrong", async () => {
    const r = repo();
    await importListingsFile(r, fixture("zwolle-valid.csv"));
    const report = await importListingsFile(r, fixture("invalid.csv"));
    expect(report.ok).toBe(false);
    expect(await r.count()).toBe(5); // nothing of the invalid file, nothing else touched
    const byRow = report.errors.map((e) => [e.row, e.field, e.message]);
    expect(byRow).toEqual(
      expect.arrayContaining([
        [2, "categories", expect.stringContaining('onbekende categorie "sporten" (bedoelt u "sport-en-bewegen"?)')],
        [3, "schedule", expect.stringContaining("tijd 25:00 bestaat niet")],
        [4, "latitude", expect.stringContaining("95.1 ligt buiten het bereik -90 tot 90")],
        [5, "name", expect.stringContaining("ontbreekt")],
        [6, "id", expect.stringContaining("komt al eerder voor (rij 2)")],
        [7, "audience", expect.stringContaining('onbekende doelgroep "senioren"')],
        [7, "languages", expect.stringContaining('"english"')],
        [7, "email", expect.stringContaining("e-mailadres")],
        [7, "last_verified", expect.stringContaining('"2026-13-01"')],
      ]),
    );
    const text = formatImportReport(report);
    expect(text).toContain("Er is niets geïmporteerd");
    expect(text).toContain("rij 3 (id bad-002), veld schedule: tijd 25:00 bestaat niet");
  });

  it("reports broken quoting with its line", async () => {
    const report = await importListingsFile(repo(), fixture("broken-quote.csv"));
    expect(report.ok).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ row: 3, message: expect.stringContaining("aanhalingsteken") });
  });

  it("reads a semicolon-separated export (Excel set to Dutch), with quoted values and decimal commas", async () => {
    expect((await importListingsFile(repo(), fixture("semicolon.csv"))).ok).toBe(true);
    const excel = await importListingsFile(repo(), fixture("semicolon-excel.csv"));
    expect(excel.errors).toEqual([]);
    expect(excel.added).toBe(3);
    const split = checkListings("x.csv", readFileSync(fixture("semicolon-excel.csv"), "utf8").replace('"ma 13:00-16:00; do 09:00-12:00"', "ma 13:00-16:00; do 09:00-12:00"));
    expect(split.errors).toEqual([expect.objectContaining({ row: 3, message: expect.stringContaining("puntkomma in een waarde zonder aanhalingstekens") })]);
  });

  it("says what to fix: the longitude's own example, where to find coordinates, and | between values", () => {
    const rows = readFileSync(fixture("zwolle-valid.csv"), "utf8").split("\n");
    const cells = rows[1]!.split(",");
    cells[4] = '"ontmoeting, sport-en-bewegen"';
    cells.splice(cells.length - 10, 2, "", "");
    const checked = checkListings("x.csv", [rows[0], cells.join(",")].join("\n"));
    const messages = checked.errors.map((e) => `${e.field}: ${e.message}`);
    expect(messages).toContain('categories: scheid meerdere waarden met | in plaats van een komma: "ontmoeting|sport-en-bewegen"');
    expect(messages.find((m) => m.startsWith("longitude"))).toContain("bijvoorbeeld 5.1214");
    expect(messages.find((m) => m.startsWith("latitude"))).toContain("rechtermuisknop");
  });

  it("refuses swapped latitude and longitude, and says which number goes where", () => {
    const content = readFileSync(fixture("zwolle-valid.csv"), "utf8").replace("52.51290,6.09440", "6.09440,52.51290");
    const checked = checkListings("x.csv", content);
    expect(checked.errors).toEqual([
      expect.objectContaining({ row: 2, field: "latitude", message: "latitude en longitude zijn omgedraaid: zet 52.5129 bij latitude en 6.0944 bij longitude" }),
    ]);
  });

  it("explains a missing column", async () => {
    const header = readFileSync(fixture("zwolle-valid.csv"), "utf8").replace(",last_verified", "").replace(/,2026-\d\d-\d\d|,2024-05-01/g, "");
    const checked = checkListings("x.csv", header);
    expect(checked.errors[0]).toMatchObject({ row: 1, message: expect.stringContaining("last_verified") });
  });

  it("reports a row with too many cells", () => {
    const content = readFileSync(fixture("zwolle-valid.csv"), "utf8").replace("Zwolle,52.51290", "Zwolle,extra,52.51290");
    const checked = checkListings("x.csv", content);
    expect(checked.errors).toEqual([expect.objectContaining({ row: 2, message: expect.stringContaining("20 waarden") })]);
  });

  it("validates only on a dry run", async () => {
    const r = repo();
    const report = await importListingsFile(r, fixture("zwolle-valid.csv"), { dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, added: 5 });
    expect(await r.count()).toBe(0);
  });

  it("says which file is missing", async () => {
    const report = await importListingsFile(repo(), fixture("does-not-exist.csv"));
    expect(report).toMatchObject({ ok: false, errors: [{ message: "bestand niet gevonden" }] });
  });
});

describe("re-import", () => {
  const original = readFileSync(fixture("zwolle-valid.csv"), "utf8");
  const lines = original.trimEnd().split("\n");

  it("updates by id, removes what is gone from that file, and leaves other files alone", async () => {
    const r = repo();
    await importListingsContent(r, "/data/zwolle.csv", original);
    await importListingsContent(r, "/data/other.csv", listingsToCsv(generateListings(3, 7)));
    expect(await r.count()).toBe(8);

    const edited = [lines[0], lines[1]!.replace("Koffieochtend De Pelikaan", "Koffie-inloop De Pelikaan"), lines[2], lines[3]].join("\n");
    const report = await importListingsContent(r, "/data/zwolle.csv", edited);
    expect(report).toMatchObject({ ok: true, added: 0, updated: 1, unchanged: 2, removed: 2 });
    expect(await r.count()).toBe(6);
    const ids = (await r.all()).map((l) => l.id);
    expect(ids).not.toContain("zwl-004");
    expect(ids).toContain("gen-000001");
    expect((await r.all()).find((l) => l.id === "zwl-001")?.name).toBe("Koffie-inloop De Pelikaan");
  });

  it("refuses an id that another file already holds, and changes nothing", async () => {
    const r = repo();
    await importListingsContent(r, "/data/a.csv", original);
    const report = await importListingsContent(r, "/data/b.csv", [lines[0], lines[1]].join("\n"));
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({ id: "zwl-001", field: "id", message: expect.stringContaining("/data/a.csv") });
    expect(await r.sources()).toEqual(["/data/a.csv"]);
  });
});

describe("HSDS JSON import", () => {
  it("maps organizations, services, locations, schedules and service_at_location to listings", async () => {
    const r = repo();
    const report = await importListingsFile(r, fixture("hsds-valid.json"));
    expect(report).toMatchObject({ ok: true, format: "hsds", total: 3 });
    const byId = new Map((await r.all()).map((l) => [l.id, l]));
    expect(byId.get("svc-koffie")).toMatchObject({
      name: "Buurtkoffie Wipstrik",
      organization: "Stichting Buurtkracht Zwolle (fictief)",
      categories: ["ontmoeting"],
      schedule: "ma 10:00-12:00; do 10:00-12:00",
      address: "Wipstrikkerallee 5",
      postcode: "8023 AB",
      city: "Zwolle",
      phone: "030 000 9101",
      languages: ["nl", "en"],
      accessibility: "rolstoeltoegankelijk",
      cost: "gratis",
      lastVerified: "2026-10-10",
    });
    // One service at two locations: two listings with their own monthly schedules.
    expect(byId.get("svc-maaltijd@loc-wipstrik")).toMatchObject({ schedule: "1e wo 17:30-19:30", audience: ["ouderen"], categories: ["eten-en-koken"], cost: "€4,50", phone: "030 000 9100" });
    expect(byId.get("svc-maaltijd@loc-kerk")).toMatchObject({ schedule: "laatste vr 17:30-19:30", latitude: 52.515 });
  });

  it("reads an array of nested HSDS 3 service objects", async () => {
    const r = repo();
    expect((await importListingsFile(r, fixture("hsds-nested.json"))).ok).toBe(true);
    expect((await r.all())[0]).toMatchObject({ id: "nested-1", schedule: "di 13:00-15:00", city: "Zwolle", audience: ["ouderen"], email: "digi@zuid.example" });
  });

  it("rejects an invalid HSDS file whole, naming the JSON path and property", async () => {
    const r = repo();
    const report = await importListingsFile(r, fixture("hsds-invalid.json"));
    expect(report.ok).toBe(false);
    expect(await r.count()).toBe(0);
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "schedules[0]", field: "closes_at", message: expect.stringContaining("25:00") }),
        expect.objectContaining({ id: "svc-b", field: "name", message: expect.stringContaining("ontbreekt") }),
        expect.objectContaining({ id: "svc-b", field: "locations[1].latitude", message: expect.stringContaining("152.5") }),
        expect.objectContaining({ id: "svc-b", message: expect.stringContaining('onbekende categorie "onbekend"') }),
      ]),
    );
    // A service without a place (a helpline) is valid HSDS: left out with a warning, not an error.
    expect(report.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ path: "services[2]", field: "service_at_locations" })]));
  });

  it("says when the JSON itself is broken", () => {
    const checked = checkListings("x.json", '{"services": [');
    expect(checked.errors[0]?.message).toContain("geen geldige JSON");
  });
});

describe("generateListings", () => {
  it("is deterministic and produces valid listings in the CSV format", () => {
    expect(generateListings(50, 42)).toEqual(generateListings(50, 42));
    expect(generateListings(5, 1)).not.toEqual(generateListings(5, 2));
    const checked = checkListings("gen.csv", listingsToCsv(generateListings(300, 3)));
    expect(checked.errors).toEqual([]);
    expect(checked.listings).toHaveLength(300);
  });
});
