import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { extname, resolve } from "node:path";
import type { ListingClassifier } from "./hsds-categories.js";
import { isHsdsPackageDir, readHsdsPackage } from "./read-hsds-package.js";
import type { ImportIssue, ImportReport, ReadResult } from "./import-report.js";
import type { Listing } from "./listing-model.js";
import { validateListing } from "./listing-schema.js";
import { readListingsCsv } from "./read-csv.js";
import { readHsdsData, readListingsHsds } from "./read-hsds.js";
import type { ListingsRepository } from "./listings-repository.js";
import { estimateFromPostcode, type PostcodeAreas } from "./postcode-estimate.js";

export interface ImportOptions {
  /** Validate and report only; store nothing. */
  dryRun?: boolean;
  now?: () => Date;
  /** Maps HSDS taxonomy terms to categories and infers them from the text; see `hsds-taxonomy-map.json`. */
  classifier?: ListingClassifier;
  /** PC4 centroids: a listing with a postcode and no coordinates gets its area's centre, as a warning. */
  postcodeAreas?: PostcodeAreas;
}

export interface CheckedListings {
  format: ReadResult["format"];
  listings: Listing[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** True for files the listings loader reads: CSV and (HSDS) JSON. */
export function isListingsFile(name: string): boolean {
  return [".csv", ".json"].includes(extname(name).toLowerCase());
}

/** Reads and validates a file's content (CSV or HSDS JSON, by extension, else by its first character). */
export function checkListings(fileName: string, content: string, options: Pick<ImportOptions, "now" | "classifier" | "postcodeAreas"> = {}): CheckedListings {
  const ext = extname(fileName).toLowerCase();
  const looksJson = /^\uFEFF?\s*[[{]/.test(content);
  const hsds = { ...(options.classifier ? { classifier: options.classifier } : {}), now: (options.now ?? (() => new Date()))() };
  return checkRead(ext === ".json" || (ext !== ".csv" && looksJson) ? readListingsHsds(content, hsds) : readListingsCsv(content), options);
}

/** Validates what a reader gave: every listing through the schema, ids unique, coordinates plausible. */
export function checkRead(read: ReadResult, options: Pick<ImportOptions, "postcodeAreas"> = {}): CheckedListings {
  const errors = [...read.errors];
  const warnings = [...read.warnings];
  const listings: Listing[] = [];
  const rows: Array<number | undefined> = [];
  const firstSeen = new Map<string, string>();
  for (const located of read.listings) {
    const where = { ...(located.row !== undefined ? { row: located.row } : {}), ...(located.path ? { path: located.path } : {}) };
    const rawId = located.raw.id?.trim();
    const id = rawId ? { id: rawId } : {};
    const earlier = rawId ? firstSeen.get(rawId) : undefined;
    if (rawId && earlier !== undefined) {
      errors.push({ ...where, ...id, field: "id", message: `dit id komt al eerder voor (${earlier}); elk id mag maar één keer` });
      continue;
    }
    if (rawId) firstSeen.set(rawId, located.row !== undefined ? `rij ${located.row}` : (located.path ?? "eerder"));
    const estimate = estimateFromPostcode(located.raw, options.postcodeAreas);
    const result = validateListing(estimate.kind === "estimated" ? estimate.raw : located.raw);
    const fieldName = (field: string) => located.fieldNames?.[field] ?? field;
    if (!result.ok) {
      const noPoint = options.postcodeAreas && options.postcodeAreas.size > 0 && estimate.kind !== "estimated" && result.issues.some((i) => i.field === "latitude") && !(located.raw.latitude ?? "").trim() && !(located.raw.longitude ?? "").trim();
      for (const issue of result.issues) {
        // Both coordinates missing: one message that says what to add (coordinates, or a postcode to estimate them from).
        if (noPoint && (issue.field === "latitude" || issue.field === "longitude")) {
          if (issue.field === "latitude") errors.push({ ...where, ...id, field: fieldName("latitude"), message: missingPointMessage(located.raw.postcode, estimate.kind === "unknown" ? estimate.postcode : undefined) });
          continue;
        }
        errors.push({ ...where, ...id, field: fieldName(issue.field), message: issue.message });
      }
      continue;
    }
    const listing = result.listing;
    if (estimate.kind === "estimated") warnings.push({ ...where, id: listing.id, field: fieldName(estimate.warning.field ?? "latitude"), message: estimate.warning.message });
    if (!listing.phone && !listing.email && !listing.website) {
      warnings.push({ ...where, id: listing.id, message: "geen telefoon, e-mail of website: mensen kunnen niemand bereiken" });
    }
    listings.push(listing);
    rows.push(located.row);
  }
  // Swapped coordinates put a listing in another continent, where no resident ever finds it: an error.
  for (const issue of farCoordinates(listings, rows)) (issue.swapped ? errors : warnings).push(issue.issue);
  return { format: read.format, listings, errors, warnings };
}

/**
 * Imports one file, all or nothing: any invalid listing (or an id another file already holds)
 * means nothing changes. Re-importing a file updates its listings by id and removes those that are
 * no longer in it. The file is tracked by its absolute path.
 */
export async function importListingsFile(repo: ListingsRepository, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  if (isHsdsPackageDir(path)) return importHsdsPackage(repo, path, options);
  let content: string;
  try {
    if (statSync(path).isDirectory()) {
      return failedReport(path, options, [{ message: "deze map is geen HSDS-tabellenpakket (er staat geen datapackage.json of services.csv in); geef een bestand of zo'n map" }]);
    }
    content = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return failedReport(path, options, [{ message: code === "ENOENT" ? "bestand niet gevonden" : `bestand niet te lezen (${code ?? "fout"})` }]);
  }
  return importListingsContent(repo, resolve(path), content, { ...options, displayName: path });
}

/** Like {@link importListingsFile}, for content already in memory (`source` identifies the file). */
export async function importListingsContent(
  repo: ListingsRepository,
  source: string,
  content: string,
  options: ImportOptions & { displayName?: string } = {},
): Promise<ImportReport> {
  const started = performance.now();
  return storeChecked(repo, source, content, checkListings(source, content, options), options, started);
}

/**
 * Imports an HSDS tabular data package (a directory of CSV files, with or without `datapackage.json`),
 * all or nothing like a file; the directory is the source, its files together give the content hash.
 */
export async function importHsdsPackage(repo: ListingsRepository, dir: string, options: ImportOptions & { displayName?: string } = {}): Promise<ImportReport> {
  const started = performance.now();
  const pkg = readHsdsPackage(dir);
  const hsds = { ...(options.classifier ? { classifier: options.classifier } : {}), now: (options.now ?? (() => new Date()))(), format: "hsds-tabular" as const };
  const read = pkg.errors.length > 0 ? { format: "hsds-tabular" as const, listings: [], errors: pkg.errors, warnings: [] } : readHsdsData(pkg.tables, hsds);
  return storeChecked(repo, resolve(dir), pkg.content, checkRead(read, options), { ...options, displayName: options.displayName ?? dir }, started);
}

async function storeChecked(repo: ListingsRepository, source: string, content: string, checked: CheckedListings, options: ImportOptions & { displayName?: string }, started: number): Promise<ImportReport> {
  const file = options.displayName ?? source;
  const base = { file, format: checked.format, dryRun: options.dryRun === true, total: checked.listings.length, warnings: checked.warnings };
  const duration = () => Math.round(performance.now() - started);
  if (checked.errors.length > 0) return { ...base, ok: false, added: 0, updated: 0, unchanged: 0, removed: 0, errors: checked.errors, durationMs: duration() };
  const hash = createHash("sha256").update(content).digest("hex");
  const now = options.now ?? (() => new Date());
  const plan = options.dryRun ? await repo.plan(source, checked.listings) : await repo.replaceSource(source, hash, checked.listings, now());
  const { conflicts, ...counts } = plan;
  const errors: ImportIssue[] = conflicts.map((c) => {
    const located = checked.listings.find((l) => l.id === c.id);
    return { ...(located ? { id: located.id } : {}), field: "id", message: `dit id staat al in een ander bestand (${c.source}); kies een ander id` };
  });
  return { ...base, ...counts, ok: errors.length === 0, ...(errors.length > 0 ? { added: 0, updated: 0, unchanged: 0, removed: 0 } : {}), errors, durationMs: duration() };
}

function failedReport(file: string, options: ImportOptions, errors: ImportIssue[]): ImportReport {
  return { file, format: "unknown", dryRun: options.dryRun === true, ok: false, total: 0, added: 0, updated: 0, unchanged: 0, removed: 0, errors, warnings: [], durationMs: 0 };
}

const FIND_COORDINATES = "bijvoorbeeld latitude 52.0861 en longitude 5.1214; klik in Google Maps of op openstreetmap.org met de rechtermuisknop op het adres om ze te zien";

function missingPointMessage(postcode: string | undefined, unknown: string | undefined): string {
  if (unknown) return `latitude en longitude ontbreken, en postcode ${unknown} staat niet in de lijst van Nederlandse postcodes, dus Wijkwijzer kan ze niet schatten: verbeter de postcode, of vul latitude en longitude in (${FIND_COORDINATES})`;
  if ((postcode ?? "").trim()) return `latitude en longitude ontbreken: verbeter de postcode (1234 AB), dan schat Wijkwijzer ze, of vul latitude en longitude in (${FIND_COORDINATES})`;
  return `latitude en longitude ontbreken: vul de postcode in (1234 AB), dan schat Wijkwijzer ze, of vul latitude en longitude in (${FIND_COORDINATES})`;
}

/** Latitude and longitude swapped is the most common spreadsheet mistake; flag listings far from all the others. */
function farCoordinates(listings: Listing[], rows: Array<number | undefined>): Array<{ issue: ImportIssue; swapped: boolean }> {
  if (listings.length < 3) return [];
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const lat = median(listings.map((l) => l.latitude));
  const lon = median(listings.map((l) => l.longitude));
  const out: Array<{ issue: ImportIssue; swapped: boolean }> = [];
  listings.forEach((l, i) => {
    const far = Math.abs(l.latitude - lat) > 1 || Math.abs(l.longitude - lon) > 1.5;
    if (!far) return;
    const swapped = Math.abs(l.longitude - lat) < 1 && Math.abs(l.latitude - lon) < 1.5;
    const row = rows[i];
    const issue: ImportIssue = {
      ...(row !== undefined ? { row } : {}),
      id: l.id,
      field: "latitude",
      message: swapped
        ? `latitude en longitude zijn omgedraaid: zet ${l.longitude} bij latitude en ${l.latitude} bij longitude`
        : "deze plek ligt ver van de andere activiteiten; kloppen latitude en longitude?",
    };
    out.push({ issue, swapped });
  });
  return out;
}
