import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadListingClassifier } from "../../../src/listings/hsds-categories.js";
import { importListingsContent, importListingsFile } from "../../../src/listings/import-listings.js";
import { formatImportReport } from "../../../src/listings/import-report.js";
import { createListingsService } from "../../../src/listings/listings-service.js";
import { loadListingsVocabulary } from "../../../src/listings/listings-vocabulary.js";
import { openDatabase } from "../../../src/store/sqlite/database.js";
import { createSqliteListingsRepository } from "../../../src/store/sqlite/listings-repository.js";
import { KNOWLEDGE_DIR, TUESDAY_MORNING, silentLogger } from "./helpers.js";

const HSDS = join(KNOWLEDGE_DIR, "../test/fixtures/hsds");
const OFFICIAL = join(HSDS, "official");
const classifier = loadListingClassifier(KNOWLEDGE_DIR, loadListingsVocabulary(KNOWLEDGE_DIR));
const options = { classifier, now: () => TUESDAY_MORNING };
const repo = () => createSqliteListingsRepository(openDatabase(":memory:"));
const json = (name: string) => readFileSync(join(OFFICIAL, "json", name), "utf8");
/** The official examples with their one impossible value (latitude 100) replaced by a real one. */
const fixLatitude = (text: string) => text.replace(/"latitude": 100\b/g, '"latitude": 52.09');

describe("the official Open Referral HSDS 3.0 examples", () => {
  const withLocation = ["service_full.json", "organization_full.json", "service_at_location_full.json", "service_at_location_list.json", "tabular.json"];

  it.each(withLocation)("%s is read, and refused only for its latitude 100, with the path of that value", async (name) => {
    const report = await importListingsContent(repo(), name, json(name), options);
    expect(report.ok).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ id: "ac148810-d857-441c-9679-408f346de14b", field: expect.stringMatching(/latitude$/), message: expect.stringContaining("latitude 100 ligt buiten het bereik") });
    expect(formatImportReport(report)).toContain("Er is niets geïmporteerd");
  });

  it.each(withLocation)("%s imports once the latitude is a real one: taxonomy, schedule and postcode problems are warnings", async (name) => {
    const r = repo();
    const report = await importListingsContent(r, name, fixLatitude(json(name)), options);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ ok: true, total: 1, added: 1 });
    const [listing] = await r.all();
    expect(listing).toMatchObject({
      id: "ac148810-d857-441c-9679-408f346de14b",
      name: "Community Counselling",
      latitude: 52.09,
      longitude: 101,
      email: "email@example.com",
      website: "http://example.com/counselling",
      lastVerified: "2005-01-01",
    });
    expect(listing!.categories.length).toBeGreaterThan(0);
    expect(listing!.postcode).toBeUndefined();
    // The example's only schedule ended in 2005: not shown as an opening time.
    expect(listing!.schedule).toBe("");
    expect(report.warnings.map((w) => w.field)).toEqual(expect.arrayContaining(["categories"]));
    if (name === "service_at_location_list.json") expect(report.warnings[0]?.message).toContain("pagina 1 van 10: alleen deze pagina is gelezen");
    if (name !== "service_at_location_list.json") {
      expect(listing).toMatchObject({ organization: "Example Organization Inc.", phone: "+44 1234 234567", languages: ["ur"] });
      expect(listing!.accessibility).toContain("induction loops");
      expect(report.warnings.map((w) => w.field)).toEqual(expect.arrayContaining(["valid_to", "postal_code"]));
    }
  });

  it("reads the paged service list and the paged organization list, and says why they give no listings", async () => {
    const services = await importListingsContent(repo(), "service_list.json", json("service_list.json"), options);
    expect(services.ok).toBe(false);
    expect(services.errors[0]?.message).toContain("geen enkele service heeft een locatie");
    expect(services.errors[1]).toMatchObject({ path: "contents[0]", id: "ac148810-d857-441c-9679-408f346de14b", field: "service_at_locations" });
    const orgs = await importListingsContent(repo(), "organization_list.json", json("organization_list.json"), options);
    expect(orgs.ok).toBe(false);
    expect(orgs.errors[0]?.message).toContain("1 organisatie(s) zonder services");
  });

  it("reads the tabular form (CSV files + datapackage.json) from a directory, refusing only the latitude, per file and row", async () => {
    const report = await importListingsFile(repo(), join(OFFICIAL, "csv"), options);
    expect(report.format).toBe("hsds-tabular");
    expect(report.errors).toEqual([
      expect.objectContaining({ path: "services.csv rij 2 @ locations.csv rij 2", field: "latitude (locations.csv rij 2)", message: expect.stringContaining("latitude 100") }),
    ]);
    expect(report.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ path: "schedules.csv rij 2", field: "valid_to" })]));

    const dir = mkdtempSync(join(tmpdir(), "ww-hsds-csv-"));
    cpSync(join(OFFICIAL, "csv"), dir, { recursive: true });
    const locations = join(dir, "locations.csv");
    writeFileSync(locations, readFileSync(locations, "utf8").replace(",100,101,", ",52.09,101,"));
    const r = repo();
    const fixed = await importListingsFile(r, dir, options);
    expect(fixed).toMatchObject({ ok: true, total: 1, format: "hsds-tabular" });
    expect((await r.all())[0]).toMatchObject({ name: "Community Counselling", organization: "Example Organization Inc.", phone: "+44 1234 234567", languages: ["ur"], cost: expect.stringContaining("£50") });
  });
});

describe("a Dutch HSDS 3 feed (fictional, Deventer)", () => {
  const FEED = join(HSDS, "deventer-hsds3.json");

  it("imports with schedules, mapped taxonomies, inferred categories and warnings for what does not fit", async () => {
    const r = repo();
    const report = await importListingsFile(r, FEED, options);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ ok: true, total: 5 });
    const by = new Map((await r.all()).map((l) => [l.id, l]));
    expect(by.get("dv-eettafel")).toMatchObject({
      categories: ["eten-en-koken"],
      schedule: "1e di 17:30-19:30; 3e di 17:30-19:30",
      cost: "€5,00 per maaltijd",
      postcode: "7419 AA",
      city: "Deventer",
      languages: ["nl"],
      organization: "Stichting Buurtwelzijn Deventer (fictief)",
      website: "https://buurtwelzijn.example",
    });
    expect(by.get("dv-geldloket")).toMatchObject({ categories: ["geldzaken"], schedule: "ma 13:00-16:00; wo 13:00-16:00", phone: "0570 000 0201", cost: "gratis" });
    expect(by.get("dv-wandelen")).toMatchObject({ categories: ["sport-en-bewegen"], audience: ["ouderen"], schedule: "do 10:00-11:30" });
    expect(by.get("dv-taalcafe")).toMatchObject({ categories: ["taal-en-leren"], schedule: "laatste vr 14:00-16:00; 2e za 10:00-12:00", languages: ["nl", "en", "ar"] });
    const repair = by.get("dv-repaircafe")!;
    expect(repair).toMatchObject({ categories: ["klussen-en-wonen"], schedule: "" });
    expect(repair.description).toContain("Tijden: Om de week op zaterdag");
    expect(by.has("dv-luisterlijn")).toBe(false);

    const warned = report.warnings.map((w) => `${w.id} ${w.field}`);
    expect(warned).toEqual(expect.arrayContaining(["dv-taalcafe categories", "dv-repaircafe freq", "dv-repaircafe valid_to", "dv-luisterlijn service_at_locations"]));
    expect(formatImportReport(report)).toContain("categorie afgeleid uit naam en beschrijving: taal-en-leren");
  });

  it("re-import updates by id and removes services that are gone", async () => {
    const r = repo();
    const original = readFileSync(FEED, "utf8");
    expect((await importListingsContent(r, "/feeds/deventer.json", original, options)).added).toBe(5);
    const feed = JSON.parse(original) as { contents: Array<Record<string, unknown>> };
    feed.contents[1]!.schedules = [{ id: "s2", freq: "WEEKLY", byday: "TU", opens_at: "09:00", closes_at: "12:00" }];
    feed.contents.splice(2, 1);
    const again = await importListingsContent(r, "/feeds/deventer.json", JSON.stringify(feed), options);
    expect(again).toMatchObject({ ok: true, added: 0, updated: 1, unchanged: 3, removed: 1 });
    // A service the feed marks as no longer active goes away too, with a warning.
    feed.contents[0]!.status = "temporarily closed";
    const closed = await importListingsContent(r, "/feeds/deventer.json", JSON.stringify(feed), options);
    expect(closed).toMatchObject({ ok: true, removed: 1 });
    expect(closed.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ id: "dv-eettafel", field: "status" })]));
    expect((await r.all()).find((l) => l.id === "dv-geldloket")?.schedule).toBe("di 09:00-12:00");
  });

  it("refuses the whole feed for a postcode that is not Dutch in a Dutch address, naming the service and field", async () => {
    const r = repo();
    const broken = readFileSync(FEED, "utf8").replace('"postal_code": "7417 AB"', '"postal_code": "SW1A 1AA"');
    const report = await importListingsContent(r, "deventer.json", broken, options);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ id: "dv-geldloket", field: "postal_code", message: expect.stringContaining('postcode "SW1A 1AA" klopt niet') })]);
    expect((await r.count())).toBe(0);
  });
});

describe("an older (HSDS 2) tabular feed and LISTINGS_DIR", () => {
  it("reads regular_schedules, physical_addresses and service_taxonomy from a directory without datapackage.json", async () => {
    const r = repo();
    const report = await importListingsFile(r, join(HSDS, "deventer-hsds2"), options);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    const by = new Map((await r.all()).map((l) => [l.id, l]));
    expect(by.get("bth-koffie")).toMatchObject({ categories: ["ontmoeting"], audience: ["ouderen"], schedule: "ma 10:00-11:30; do 10:00-11:30", postcode: "7437 AB", city: "Bathmen", phone: "0570 000 0301", cost: "gratis" });
    expect(by.get("bth-mantelzorg")).toMatchObject({ categories: ["mantelzorg"], schedule: "wo 19:30-21:30" });
  });

  it("loads a package folder inside LISTINGS_DIR at start, and again only when one of its files changes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ww-listings-pkg-"));
    cpSync(join(HSDS, "deventer-hsds2"), join(dir, "bathmen"), { recursive: true });
    const repository = createSqliteListingsRepository(openDatabase(":memory:"));
    const make = () =>
      createListingsService({
        repository,
        config: { LISTINGS_DIR: dir, KNOWLEDGE_DIR, GEOCODER: "local", PDOK_BASE_URL: "http://127.0.0.1:9/unused", TZ: "Europe/Amsterdam" },
        logger: silentLogger(),
        now: () => TUESDAY_MORNING,
      });
    const service = make();
    await service.loadDirectory();
    expect((await service.listings()).map((l) => l.id)).toEqual(["bth-koffie", "bth-mantelzorg"]);
    const services = join(dir, "bathmen", "services.csv");
    writeFileSync(services, readFileSync(services, "utf8").replace("Koffieochtend Dorpshuis", "Koffieochtend in het Dorpshuis"));
    const restarted = make();
    await restarted.loadDirectory();
    expect((await restarted.listings()).find((l) => l.id === "bth-koffie")?.name).toBe("Koffieochtend in het Dorpshuis");
  });
});
