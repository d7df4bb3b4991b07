/**
 * A gemeente's own documents (PDF, DOCX, HTML, Markdown) as Markdown in the corpus conventions
 * (`#` title, `##` chapters, one paragraph a line), with the metadata the file carries about itself.
 * Parsing is done by packages made for it: pdf-parse (PDF text, info dictionary, bookmarks), mammoth
 * (DOCX → HTML with its headings), turndown (HTML → Markdown).
 */
import { createRequire } from "node:module";
import { extname } from "node:path";
import mammoth from "mammoth";
import { PDFParse } from "pdf-parse";
import TurndownService from "turndown";
import { pdfTextToMarkdown } from "./pdf-text.js";
import { parseFrontMatter } from "./markdown-document.js";

/** What a file says about itself; flags on the command line win over it. */
export interface FoundMeta {
  title?: string;
  publisher?: string;
  year?: number;
  url?: string;
}

export interface ConvertedDocument {
  kind: "pdf" | "docx" | "html" | "markdown";
  markdown: string;
  meta: FoundMeta;
}

/** A file that cannot be taken in, with a Dutch reason a coordinator can act on. */
export class DocumentRefused extends Error {
  override readonly name = "DocumentRefused";
}

export const DOCUMENT_EXTENSIONS = [".pdf", ".docx", ".html", ".htm", ".md", ".markdown"];

/** Converts one file by its extension; throws {@link DocumentRefused} for unreadable, empty or scanned files. */
export async function convertDocument(fileName: string, data: Buffer): Promise<ConvertedDocument> {
  const ext = extname(fileName).toLowerCase();
  if (ext === ".pdf") return convertPdf(data);
  if (ext === ".docx") return convertDocx(data);
  if (ext === ".html" || ext === ".htm") return convertHtml(data.toString("utf8"));
  if (ext === ".md" || ext === ".markdown") return convertMarkdown(data.toString("utf8"));
  if (ext === ".doc") throw new DocumentRefused("dit is het oude Word-formaat (.doc); sla het in Word op als .docx en probeer het opnieuw");
  throw new DocumentRefused(`bestandstype "${ext || "zonder extensie"}" wordt niet ondersteund; gebruik PDF, DOCX, HTML of Markdown (.md)`);
}

async function convertPdf(data: Buffer): Promise<ConvertedDocument> {
  if (!data.subarray(0, 1024).toString("latin1").includes("%PDF-")) throw new DocumentRefused("dit is geen PDF-bestand (het begint niet met %PDF)");
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    let info: Awaited<ReturnType<PDFParse["getInfo"]>>;
    let text: Awaited<ReturnType<PDFParse["getText"]>>;
    try {
      info = await parser.getInfo();
      text = await parser.getText();
    } catch (error) {
      const name = (error as Error).name;
      if (name === "PasswordException") throw new DocumentRefused("de PDF is beveiligd met een wachtwoord; sla hem op zonder beveiliging");
      throw new DocumentRefused(`de PDF is niet leesbaar (${(error as Error).message})`);
    }
    const pages = text.pages.map((p) => p.text);
    if (pages.join("").replace(/[^\p{L}]/gu, "").length < 20) {
      throw new DocumentRefused(`de PDF heeft ${text.total} pagina('s) maar vrijwel geen tekst: waarschijnlijk een scan. Maak er eerst een PDF met tekst van (tekstherkenning, OCR)`);
    }
    const outline = flattenOutline(info.outline ?? []);
    const dates = info.getDateNode();
    const year = (dates.CreationDate ?? dates.XmpCreateDate ?? dates.ModDate)?.getUTCFullYear();
    const title = usableTitle(str(info.info?.Title));
    return { kind: "pdf", markdown: pdfTextToMarkdown(pages, outline, title), meta: { ...(title ? { title } : {}), ...(year ? { year } : {}) } };
  } finally {
    await parser.destroy();
  }
}

async function convertDocx(data: Buffer): Promise<ConvertedDocument> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: data }, { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Titel'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"] })).value;
  } catch (error) {
    throw new DocumentRefused(`het Word-bestand is niet leesbaar (${(error as Error).message}); is het echt een .docx?`);
  }
  const markdown = htmlToMarkdown(html);
  if (!/\p{L}{2}/u.test(markdown)) throw new DocumentRefused("het Word-bestand bevat geen tekst");
  return { kind: "docx", markdown, meta: await docxProperties(data) };
}

function convertHtml(html: string): ConvertedDocument {
  const meta: FoundMeta = {};
  const tags = [...html.matchAll(/<meta\b([^>]*)>/gi)].map((m) => attributes(m[1]!));
  const metaValue = (...names: string[]) => tags.find((a) => names.includes((a.name ?? a.property ?? "").toLowerCase()) && a.content?.trim())?.content?.trim();
  const siteName = metaValue("og:site_name", "dc.publisher", "dcterms.publisher", "publisher");
  const rawTitle = decode(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? "").trim() || metaValue("og:title", "dc.title", "dcterms.title");
  const title = rawTitle && siteName ? rawTitle.replace(new RegExp(`\\s*[|–—-]\\s*${escapeRegExp(siteName)}\\s*$`), "") : rawTitle;
  if (title) meta.title = title;
  if (siteName) meta.publisher = siteName;
  const date = metaValue("dcterms.modified", "dcterms.issued", "dc.date", "date", "article:published_time", "article:modified_time");
  const year = Number(/\b(19|20)\d{2}\b/.exec(date ?? "")?.[0]);
  if (year) meta.year = year;
  const canonical = /<link\b[^>]*rel=["']?canonical["']?[^>]*>/i.exec(html)?.[0];
  const url = (canonical ? attributes(canonical).href : undefined) ?? metaValue("og:url", "dcterms.identifier");
  if (url && /^https?:\/\//.test(url)) meta.url = url;
  const main = /<main\b[\s\S]*?<\/main>/i.exec(html)?.[0] ?? /<article\b[\s\S]*?<\/article>/i.exec(html)?.[0] ?? /<body\b[\s\S]*?<\/body>/i.exec(html)?.[0] ?? html;
  const markdown = htmlToMarkdown(main);
  if (!/\p{L}{2}/u.test(markdown)) throw new DocumentRefused("de HTML-pagina bevat geen tekst (alleen opmaak of scripts?)");
  return { kind: "html", markdown, meta };
}

function convertMarkdown(text: string): ConvertedDocument {
  const { fields, body } = parseFrontMatter(text);
  if (!/\p{L}{2}/u.test(body)) throw new DocumentRefused("het Markdown-bestand bevat geen tekst");
  const year = Number(fields.year);
  return {
    kind: "markdown",
    markdown: body.trim(),
    meta: { ...(fields.title ? { title: fields.title } : {}), ...(fields.publisher ? { publisher: fields.publisher } : {}), ...(Number.isInteger(year) && year > 1800 ? { year } : {}), ...(fields.url ? { url: fields.url } : {}) },
  };
}

function htmlToMarkdown(html: string): string {
  const td = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", codeBlockStyle: "fenced" });
  td.remove(["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "svg", "img", "button"]);
  // The corpus keeps the source's own characters: no Markdown escapes (1\. or \*) in the text.
  td.escape = (s: string) => s;
  return td
    .turndown(html)
    .replace(/^(\s*)-\s{2,}/gm, "$1- ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** DOCX core properties (title, created) and the company of the extended properties (the publisher). */
async function docxProperties(data: Buffer): Promise<FoundMeta> {
  // mammoth reads the DOCX zip with JSZip; its core properties are read with the same package.
  const JSZip = createRequire(createRequire(import.meta.url).resolve("mammoth"))("jszip") as typeof import("jszip");
  const zip = await JSZip.loadAsync(data);
  const core = (await zip.file("docProps/core.xml")?.async("string")) ?? "";
  const app = (await zip.file("docProps/app.xml")?.async("string")) ?? "";
  const tag = (xml: string, name: string) => decode(new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? "").trim();
  const title = usableTitle(tag(core, "dc:title"));
  const publisher = tag(app, "Company") || tag(core, "dc:publisher");
  const year = Number(/^\d{4}/.exec(tag(core, "dcterms:created") || tag(core, "dcterms:modified"))?.[0]);
  return { ...(title ? { title } : {}), ...(publisher ? { publisher } : {}), ...(year ? { year } : {}) };
}

/** Bookmarks as title → level (top level 2: the document title is the only `#`). */
function flattenOutline(nodes: ReadonlyArray<{ title: string; items: unknown[] }>, level = 2, out = new Map<string, number>()): Map<string, number> {
  for (const node of nodes) {
    if (node.title?.trim()) out.set(node.title.trim(), Math.min(level, 6));
    flattenOutline((node.items ?? []) as Array<{ title: string; items: unknown[] }>, level + 1, out);
  }
  return out;
}

/** Titles that word processors fill in by themselves ("Microsoft Word - notitie.docx", "Untitled") are no title. */
function usableTitle(title: string): string | undefined {
  const t = title.replace(/^Microsoft (Word|PowerPoint) - /i, "").trim();
  if (!t || /^(untitled|naamloos|document\d*|titel)$/i.test(t) || /\.(docx?|pdf|odt|pptx?)$/i.test(t)) return undefined;
  return t;
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) out[m[1]!.toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? "");
  return out;
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([\da-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function str(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}
