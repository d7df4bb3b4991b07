import type { RawListing } from "./listing-model.js";

/** One problem in a listings file. CSV problems carry a row number, HSDS ones a JSON path. */
export interface ImportIssue {
  /** Spreadsheet row (the header is row 1). */
  row?: number;
  /** Where in an HSDS file, e.g. `services[2]` or `schedules[0]`. */
  path?: string;
  /** The listing id, when known. */
  id?: string;
  /** The field (CSV column or HSDS property). */
  field?: string;
  message: string;
}

/** A raw listing with where it came from, for precise reports. */
export interface LocatedListing {
  raw: RawListing;
  row?: number;
  path?: string;
  /** Maps listing fields to the file's own field names (HSDS), for the report. */
  fieldNames?: Partial<Record<string, string>>;
}

/** What reading a file gave: listings to validate, or problems with the file as a whole. */
export interface ReadResult {
  format: "csv" | "hsds" | "hsds-tabular";
  listings: LocatedListing[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** The outcome of an import (or a dry run): counts, and every problem found. */
export interface ImportReport {
  file: string;
  format: "csv" | "hsds" | "hsds-tabular" | "unknown";
  dryRun: boolean;
  /** True when the file is valid (and, unless a dry run, imported). */
  ok: boolean;
  total: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  durationMs: number;
}

/** The report in Dutch, one problem a line, as the import command prints it. */
export function formatImportReport(report: ImportReport): string {
  const lines: string[] = [];
  const format = { hsds: "HSDS JSON", "hsds-tabular": "HSDS-tabellen (CSV)", csv: "CSV", unknown: "onbekend formaat" }[report.format];
  lines.push(`${report.file} (${format})`);
  if (!report.ok) {
    const n = report.errors.length;
    lines.push(`FOUT: ${n} ${n === 1 ? "probleem" : "problemen"} gevonden. Er is niets geïmporteerd.`);
    for (const issue of report.errors) lines.push(`  - ${describeIssue(issue)}`);
  } else if (report.dryRun) {
    lines.push(`OK: ${report.total} activiteiten zijn goed. Proefrun (--dry-run): er is niets opgeslagen.`);
    lines.push(`  Bij importeren: ${report.added} nieuw, ${report.updated} bijgewerkt, ${report.unchanged} gelijk, ${report.removed} verwijderd.`);
  } else {
    lines.push(`OK: ${report.total} activiteiten geïmporteerd in ${report.durationMs} ms.`);
    lines.push(`  ${report.added} nieuw, ${report.updated} bijgewerkt, ${report.unchanged} gelijk, ${report.removed} verwijderd.`);
  }
  if (report.warnings.length > 0) {
    lines.push(`Let op (${report.warnings.length}):`);
    for (const issue of report.warnings) lines.push(`  - ${describeIssue(issue)}`);
  }
  return lines.join("\n");
}

/** "rij 4 (id zeist-012), veld categories: onbekende categorie …". */
export function describeIssue(issue: ImportIssue): string {
  const where: string[] = [];
  if (issue.row !== undefined) where.push(`rij ${issue.row}`);
  if (issue.path) where.push(issue.path);
  if (issue.id) where.push(`(id ${issue.id})`);
  const place = where.join(" ");
  const field = issue.field ? `veld ${issue.field}` : "";
  const prefix = [place, field].filter(Boolean).join(", ");
  return prefix ? `${prefix}: ${issue.message}` : issue.message;
}
