/** RFC 4180 CSV: cells with a comma, quote or line break are quoted, quotes doubled. */
export function stringify(rows: string[][]): string {
  return rows.map((row) => row.map(cell).join(",")).join("\n") + "\n";
}

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
