import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { CsvError, parse } from "csv-parse/sync";
import type { ImportIssue } from "./import-report.js";
import { isObj, str, type Row } from "./hsds-tables.js";

/** The tables of an HSDS tabular data package, and the text its content hash is taken over. */
export interface HsdsPackage {
  /** Table name (as the package or the file names it) → rows. */
  tables: Record<string, Row[]>;
  /** Every file read, in order, for the content hash: a change in any of them means a re-import. */
  content: string;
  errors: ImportIssue[];
}

/** True for a directory that holds an HSDS tabular package: a `datapackage.json`, or a `services.csv`. */
export function isHsdsPackageDir(path: string): boolean {
  try {
    return statSync(path).isDirectory() && (existsSync(join(path, "datapackage.json")) || existsSync(join(path, "services.csv")));
  } catch {
    return false;
  }
}

/**
 * Reads an HSDS tabular data package: the CSV files its `datapackage.json` lists (HSDS 3), or, without
 * one, every CSV file in the directory named after its table (`services.csv`, `regular_schedules.csv`,
 * `physical_addresses.csv` of HSDS 1 and 2). Files a package lists but the feed does not ship are
 * skipped: feeds publish the tables they have. Empty cells are left out; each row knows its file and row.
 */
export function readHsdsPackage(dir: string): HsdsPackage {
  const errors: ImportIssue[] = [];
  const tables: Record<string, Row[]> = {};
  const parts: string[] = [];
  let resources: Array<{ name: string; file: string }>;
  const manifest = join(dir, "datapackage.json");
  if (existsSync(manifest)) {
    const text = readFileSync(manifest, "utf8");
    parts.push("datapackage.json", text);
    let pkg: unknown;
    try {
      pkg = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (error) {
      return { tables, content: parts.join("\n"), errors: [{ path: "datapackage.json", message: `geen geldige JSON: ${(error as Error).message}` }] };
    }
    const list = isObj(pkg) && Array.isArray(pkg.resources) ? pkg.resources : [];
    resources = list.filter(isObj).map((r) => ({ name: str(r.name) || basename(str(r.path), ".csv"), file: str(r.path) })).filter((r) => r.file !== "");
    if (resources.length === 0) errors.push({ path: "datapackage.json", field: "resources", message: "datapackage.json noemt geen tabellen (resources met een path)" });
  } else {
    resources = readdirSync(dir).filter((f) => f.toLowerCase().endsWith(".csv")).sort().map((file) => ({ name: basename(file, ".csv").toLowerCase(), file }));
  }
  for (const { name, file } of resources) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, "utf8");
    parts.push(file, text);
    try {
      const records = parse(text, { bom: true, columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, info: true }) as unknown as Array<{ record: Record<string, string>; info: { lines: number } }>;
      tables[name] = records.map(({ record, info }) => {
        const row: Row = { __path: `${file} rij ${info.lines}` };
        for (const [k, v] of Object.entries(record)) if (typeof v === "string" && v.trim() !== "") row[k] = v.trim();
        return row;
      });
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const line = typeof error.lines === "number" ? ` rij ${error.lines}` : "";
      errors.push({ path: `${file}${line}`, message: `het CSV-bestand is niet goed leesbaar (${error.code}): ${error.message}` });
    }
  }
  if (!Object.keys(tables).some((n) => n === "services" || n === "service") && errors.length === 0) {
    errors.push({ message: `geen services-tabel gevonden in ${basename(dir)} (verwacht services.csv)` });
  }
  return { tables, content: parts.join("\n"), errors };
}
