/**
 * The text layer of a PDF (lines, page by page) as corpus Markdown: headings where the PDF has
 * bookmarks for them (Word and most office suites export headings as bookmarks), or, without
 * bookmarks, numbered headings ("2.1 Aanpak"); paragraphs joined, line-break hyphenation undone,
 * bullets as `- `.
 */

const BULLET = /^[•▪◦●○■□–—*·-]\s+/u;
const NUMBERED_ITEM = /^\d{1,2}[.)]\s+\S/;
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\p{Lu}.*)$/u;

export function pdfTextToMarkdown(pages: readonly string[], outline: ReadonlyMap<string, number>, title: string | undefined): string {
  const lines = pages.flatMap((p) => p.split(/\r?\n/)).map((l) => l.replace(/\s+/g, " ").trim());
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const bookmarks = new Map([...outline].map(([t, level]) => [key(t), level]));
  const bodyLengths = lines.filter((l) => l.length > 20).map((l) => l.length).sort((a, b) => a - b);
  const typical = bodyLengths[Math.floor(bodyLengths.length / 2)] ?? 80;

  const out: string[] = [];
  let paragraph = "";
  let previous = "";
  const flush = () => {
    if (paragraph) out.push(paragraph, "");
    paragraph = "";
  };
  lines.forEach((line, i) => {
    if (!line) {
      flush();
      previous = "";
      return;
    }
    const level = headingLevel(line, i, bookmarks, key, title);
    if (level) {
      flush();
      out.push(`${"#".repeat(level)} ${line}`, "");
      previous = "";
      return;
    }
    if (BULLET.test(line)) {
      flush();
      paragraph = `- ${line.replace(BULLET, "")}`;
    } else if (NUMBERED_ITEM.test(line)) {
      flush();
      paragraph = line;
    } else if (!paragraph) paragraph = line;
    else if (/\p{Ll}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) paragraph = paragraph.slice(0, -1) + line;
    else if (/[.!?:]["”’)]?$/.test(previous) && previous.length < typical * 0.8) {
      // A short line that ends a sentence is the last line of its paragraph.
      flush();
      paragraph = line;
    } else paragraph += ` ${line}`;
    previous = line;
  });
  flush();
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trim();

  function headingLevel(line: string, i: number, marks: Map<string, number>, k: (s: string) => string, docTitle?: string): number | undefined {
    if (i < 3 && docTitle && k(line) === k(docTitle)) return 1;
    if (marks.size > 0) return marks.get(k(line));
    const m = NUMBERED_HEADING.exec(line);
    if (!m || line.length > 90 || /[.,;:]$/.test(line) || m[2]!.split(" ").length > 10) return undefined;
    return Math.min(2 + m[1]!.split(".").length - 1, 6);
  }
}
