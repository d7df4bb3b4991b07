import { CsvError, parse } from "csv-parse/sync";
import { CSV_COLUMNS, type CsvColumn, type RawListing } from "./listing-model.js";
import type { ImportIssue, LocatedListing, ReadResult } from "./import-report.js";

const CSV_ERRORS: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: "een aanhalingsteken (\") wordt geopend maar niet gesloten",
  CSV_INVALID_CLOSING_QUOTE: "na een sluitend aanhalingsteken (\") volgt nog tekst; zet aanhalingstekens in een waarde dubbel (\"\")",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "na een sluitend aanhalingsteken (\") volgt nog tekst",
  INVALID_OPENING_QUOTE: "een aanhalingsteken (\") staat midden in een waarde; zet de hele waarde tussen aanhalingstekens en verdubbel het teken (\"\")",
};

/**
 * Reads a listings CSV (docs/contracts.md: UTF-8, comma- or semicolon-separated, header row). Cells stay strings;
 * validation happens later. Broken quoting, a wrong header or a wrong number of cells is reported
 * with the spreadsheet row number (header = row 1).
 */
export function readListingsCsv(content: string): ReadResult {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  let records: Array<{ record: string[]; info: { lines: number; records: number } }>;
  const delimiter = delimiterOf(content);
  try {
    records = parse(content, { bom: true, delimiter, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const lines = typeof error.lines === "number" ? error.lines : undefined;
      const message = CSV_ERRORS[error.code] ?? `het CSV-bestand is niet goed leesbaar (${error.code})`;
      return { format: "csv", listings: [], errors: [{ ...(lines ? { row: lines } : {}), message: `${message}; controleer deze regel en de regels erboven` }], warnings };
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return { format: "csv", listings: [], errors: [{ message: "het bestand is leeg; de eerste regel moet de kolomnamen bevatten" }], warnings };

  const names = header.record.map((h) => h.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    errors.push({ row: 1, message: `kolom${missing.length > 1 ? "men" : ""} ontbreekt in de kopregel: ${missing.join(", ")}` });
  }
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name)) errors.push({ row: 1, field: name, message: "deze kolom staat twee keer in de kopregel" });
    seen.add(name);
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      warnings.push({ row: 1, field: name || `kolom ${i + 1}`, message: "onbekende kolom; die wordt overgeslagen" });
    }
  });
  if (errors.length > 0) return { format: "csv", listings: [], errors, warnings };

  const listings: LocatedListing[] = [];
  for (const { record, info } of rows) {
    // The row is the line the record starts on (header = 1), as an editor or spreadsheet shows it.
    const row = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    if (record.length !== names.length) {
      errors.push({ row, message: `deze rij heeft ${record.length} waarden, de kopregel ${names.length}; staat er een ${delimiter === ";" ? "puntkomma" : "komma"} in een waarde zonder aanhalingstekens?` });
      continue;
    }
    const raw: RawListing = {};
    names.forEach((name, i) => {
      if ((CSV_COLUMNS as readonly string[]).includes(name)) raw[name as CsvColumn] = record[i] ?? "";
    });
    listings.push({ raw, row });
  }
  return { format: "csv", listings, errors, warnings };
}

/**
 * The column separator, read from the header row: a comma, or a semicolon when the header has
 * semicolons and no commas (Excel set to Dutch saves "CSV" that way, even as "door komma's gescheiden").
 * The column names hold neither, so the header alone decides; values keep their own commas and semicolons.
 */
function delimiterOf(content: string): string {
  const header = content.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return header.includes(";") && !header.includes(",") ? ";" : ",";
}
