import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const FIXTURES = join(ROOT, "test/fixtures/listings");

function wijkwijzer(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, "src/bin/wijkwijzer.js"), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function storedIds(dataDir: string): string[] {
  const db = new Database(join(dataDir, "wijkwijzer.sqlite"), { readonly: true });
  try {
    return (db.prepare("SELECT id FROM listings ORDER BY id").all() as Array<{ id: string }>).map((r) => r.id);
  } finally {
    db.close();
  }
}

describe("wijkwijzer listings import", () => {
  it("imports a valid CSV, re-imports with updates and removals, and refuses an invalid file whole", () => {
    const data = mkdtempSync(join(tmpdir(), "ww-cli-"));
    const file = join(data, "zwolle.csv");
    const original = readFileSync(join(FIXTURES, "zwolle-valid.csv"), "utf8");
    writeFileSync(file, original);
    const valid = wijkwijzer(data, "listings", "import", file);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain("OK: 5 activiteiten geïmporteerd");
    expect(storedIds(data)).toEqual(["zwl-001", "zwl-002", "zwl-003", "zwl-004", "zwl-005"]);

    // The same file again: one row edited, one the same, three gone.
    const lines = original.trimEnd().split("\n");
    writeFileSync(file, [lines[0], lines[1]!.replace(",gratis,", ',"€1,00",'), lines[2]].join("\n"));
    const again = wijkwijzer(data, "listings", "import", file, "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, added: 0, updated: 1, unchanged: 1, removed: 3 });

    const invalid = wijkwijzer(data, "listings", "import", join(FIXTURES, "invalid.csv"));
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain("Er is niets geïmporteerd");
    expect(invalid.stdout).toContain("rij 2 (id bad-001), veld categories: onbekende categorie \"sporten\"");
    expect(invalid.stdout).toContain("rij 4 (id bad-003), veld latitude: latitude 95.1 ligt buiten het bereik");
    expect(storedIds(data)).toEqual(["zwl-001", "zwl-002"]);

    // Another file may not take over ids that this file holds.
    const other = wijkwijzer(data, "listings", "import", join(FIXTURES, "zwolle-valid.csv"));
    expect(other.code).toBe(1);
    expect(other.stdout).toContain("staat al in een ander bestand");
    expect(storedIds(data)).toEqual(["zwl-001", "zwl-002"]);
  });

  it("refuses an invalid HSDS file and broken CSV quoting with exit 1", () => {
    const data = mkdtempSync(join(tmpdir(), "ww-cli-"));
    const hsds = wijkwijzer(data, "listings", "import", join(FIXTURES, "hsds-invalid.json"));
    expect(hsds.code).toBe(1);
    expect(hsds.stdout).toContain("schedules[0] (id svc-a), veld closes_at: tijd \"25:00\" klopt niet");
    const quote = wijkwijzer(data, "listings", "import", join(FIXTURES, "broken-quote.csv"));
    expect(quote.code).toBe(1);
    expect(quote.stdout).toContain("rij 3: ");
    expect(storedIds(data)).toEqual([]);
  });

  it("imports HSDS JSON, and only validates on --dry-run", () => {
    const data = mkdtempSync(join(tmpdir(), "ww-cli-"));
    const dry = wijkwijzer(data, "listings", "import", join(FIXTURES, "hsds-valid.json"), "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Proefrun (--dry-run): er is niets opgeslagen");
    expect(storedIds(data)).toEqual([]);
    expect(wijkwijzer(data, "listings", "import", join(FIXTURES, "hsds-valid.json")).code).toBe(0);
    expect(storedIds(data)).toEqual(["svc-koffie", "svc-maaltijd@loc-kerk", "svc-maaltijd@loc-wipstrik"]);
  });

  it("imports an HSDS tabular package directory, and refuses the official example's latitude 100 with the file and row", () => {
    const data = mkdtempSync(join(tmpdir(), "ww-cli-"));
    const official = wijkwijzer(data, "listings", "import", join(ROOT, "test/fixtures/hsds/official/csv"));
    expect(official.code).toBe(1);
    expect(official.stdout).toContain("(HSDS-tabellen (CSV))");
    expect(official.stdout).toContain("services.csv rij 2 @ locations.csv rij 2 (id ac148810-d857-441c-9679-408f346de14b), veld latitude (locations.csv rij 2): latitude 100 ligt buiten het bereik");
    expect(storedIds(data)).toEqual([]);
    const dutch = wijkwijzer(data, "listings", "import", join(ROOT, "test/fixtures/hsds/deventer-hsds2"), "--json");
    expect(dutch.code).toBe(0);
    expect(JSON.parse(dutch.stdout)).toMatchObject({ ok: true, format: "hsds-tabular", added: 2 });
    expect(storedIds(data)).toEqual(["bth-koffie", "bth-mantelzorg"]);
    const feed = wijkwijzer(data, "listings", "import", join(ROOT, "test/fixtures/hsds/deventer-hsds3.json"));
    expect(feed.code).toBe(0);
    expect(feed.stdout).toContain("OK: 5 activiteiten geïmporteerd");
    expect(feed.stdout).toContain("categorie afgeleid uit naam en beschrijving");
    const plain = wijkwijzer(data, "listings", "import", join(ROOT, "test/fixtures"));
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain("geen HSDS-tabellenpakket");
  });

  it("on --dry-run, accepts schedules as coordinators write them and estimates missing coordinates from the postcode", () => {
    const data = mkdtempSync(join(tmpdir(), "ww-cli-"));
    const friendly = join(FIXTURES, "friendly.csv");
    const text = wijkwijzer(data, "listings", "import", friendly, "--dry-run");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("OK: 6 activiteiten zijn goed");
    expect(text.stdout).toContain("rij 5 (id vb-004), veld latitude: coördinaten geschat uit postcode 3703: controleer ze");
    expect(text.stdout).toContain("rij 6 (id vb-005), veld latitude: coördinaten geschat uit postcode 3704 (uit het adres): controleer ze");
    const json = wijkwijzer(data, "listings", "import", friendly, "--dry-run", "--json");
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, dryRun: true, added: 6, errors: [] });
    expect(storedIds(data)).toEqual([]);

    // Stored as the canonical schedule, with the estimate as coordinates.
    expect(wijkwijzer(data, "listings", "import", friendly).code).toBe(0);
    const db = new Database(join(data, "wijkwijzer.sqlite"), { readonly: true });
    const rows = db.prepare("SELECT * FROM listings ORDER BY id").all() as Array<Record<string, unknown>>;
    db.close();
    const listing = (id: string) => JSON.stringify(rows.find((r) => r.id === id));
    for (const id of ["vb-001", "vb-002", "vb-003", "vb-004"]) expect(listing(id)).toContain("di 10:00-12:00");
    expect(listing("vb-005")).toContain("ma 09:30-11:00; wo 09:30-11:00");
    expect(listing("vb-005")).toContain("3704 EF");
    expect(listing("vb-006")).toContain("ma 09:00-17:00; di 09:00-17:00; wo 09:00-17:00; do 09:00-17:00; vr 09:00-17:00");
    expect(listing("vb-004")).toContain("52.07679");
  });

  it("still refuses an ambiguous schedule and a row without coordinates or a known postcode, all or nothing", () => {
    const data = mkdtempSync(join(tmpdir(), "ww-cli-"));
    const lines = readFileSync(join(FIXTURES, "friendly.csv"), "utf8").trimEnd().split("\n");
    const file = join(data, "refused.csv");
    lines[1] = lines[1]!.replace("dinsdag 10.00-12.00", "ma tot vr 9-17");
    lines[2] = lines[2]!.replace("3701 AC,Zeist,52.0872,5.2355", ",Zeist,,");
    lines[3] = lines[3]!.replace("3702 BA,Zeist,52.0890,5.2360", "1000,Zeist,,");
    writeFileSync(file, lines.join("\n"));
    const r = wijkwijzer(data, "listings", "import", file, "--dry-run");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Er is niets geïmporteerd");
    expect(r.stdout).toContain('rij 2 (id vb-001), veld schedule: "ma tot vr" kan twee dingen betekenen; schrijf "ma t/m vr"');
    expect(r.stdout).toContain('schrijf bijvoorbeeld "di 10:00-12:00"');
    expect(r.stdout).toContain("rij 3 (id vb-002), veld latitude: latitude en longitude ontbreken: vul de postcode in (1234 AB), dan schat Wijkwijzer ze");
    expect(r.stdout).toContain("rij 4 (id vb-003), veld latitude: latitude en longitude ontbreken, en postcode 1000 staat niet in de lijst");
    expect(r.stdout).not.toContain("veld longitude");
    expect(storedIds(data)).toEqual([]);
  });

  it("explains its usage", () => {
    const data = mkdtempSync(join(tmpdir(), "ww-cli-"));
    const r = wijkwijzer(data, "listings", "export");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("wijkwijzer listings import BESTAND");
  });
});
