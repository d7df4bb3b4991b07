/**
 * Reads a corpus Markdown file: `key: value` front matter, then headings and text. The text is
 * kept in the source's own words; only Markdown markup at line starts (heading marks, list
 * bullets, quote marks, list numbers) is removed.
 */

export interface DocumentMeta {
  id: string;
  title: string;
  publisher?: string;
  year?: number;
  url?: string;
  type?: string;
}

export interface DocumentSection {
  /** Heading path below the document title, e.g. ["Perspectieven…", "Het functionele ideaaltype"]. */
  path: string[];
  /** The section's own heading text (verbatim), if it has one. */
  heading?: string;
  /** Paragraphs and list items, markup removed, in order. */
  blocks: string[];
}

export interface ParsedDocument {
  meta: DocumentMeta;
  sections: DocumentSection[];
}

const LINE_MARKUP = /^\s*(?:>\s?|[-*+]\s+|\d+[.)]\s+)/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

/** Splits front matter (between two `---` lines) from the body. */
export function parseFrontMatter(text: string): { fields: Record<string, string>; body: string } {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const fields: Record<string, string> = {};
  if (!normalised.startsWith("---\n")) return { fields, body: normalised };
  const end = normalised.indexOf("\n---", 4);
  if (end === -1) return { fields, body: normalised };
  for (const line of normalised.slice(4, end).split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim();
    const value = line
      .slice(colon + 1)
      .trim()
      .replace(/^(["'])(.*)\1$/, "$2");
    if (key && value) fields[key] = value;
  }
  const afterFence = normalised.indexOf("\n", end + 1);
  return { fields, body: afterFence === -1 ? "" : normalised.slice(afterFence + 1) };
}

/** Parses a corpus file. `fallbackId` (the file name) is used when the front matter has no id. */
export function parseMarkdownDocument(text: string, fallbackId: string): ParsedDocument {
  const { fields, body } = parseFrontMatter(text);
  const sections: DocumentSection[] = [];
  const stack: Array<{ level: number; text: string }> = [];
  let current: DocumentSection = { path: [], blocks: [] };
  let paragraph: string[] = [];
  let firstH1: string | undefined;

  const flushParagraph = () => {
    if (paragraph.length) current.blocks.push(paragraph.join(" "));
    paragraph = [];
  };
  const flushSection = () => {
    flushParagraph();
    if (current.heading !== undefined || current.blocks.length) sections.push(current);
  };

  for (const rawLine of body.split("\n")) {
    const heading = HEADING.exec(rawLine);
    if (heading) {
      const level = heading[1]!.length;
      const headingText = heading[2]!.trim();
      if (level === 1 && firstH1 === undefined) {
        firstH1 = headingText;
        flushParagraph();
        continue;
      }
      flushSection();
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push({ level, text: headingText });
      current = { path: stack.map((h) => h.text), heading: headingText, blocks: [] };
      continue;
    }
    const line = rawLine.trim();
    if (!line) {
      flushParagraph();
      continue;
    }
    if (LINE_MARKUP.test(rawLine)) {
      flushParagraph();
      const item = rawLine.replace(LINE_MARKUP, "").trim();
      if (item) current.blocks.push(item);
      continue;
    }
    paragraph.push(line);
  }
  flushSection();

  const year = Number(fields.year);
  const meta: DocumentMeta = {
    id: fields.id || fallbackId,
    title: fields.title || firstH1 || fallbackId,
    ...(fields.publisher ? { publisher: fields.publisher } : {}),
    ...(Number.isInteger(year) && year > 1800 ? { year } : {}),
    ...(fields.url && /^https?:\/\//.test(fields.url) ? { url: fields.url } : {}),
    ...(fields.type ? { type: fields.type } : {}),
  };
  return { meta, sections };
}
