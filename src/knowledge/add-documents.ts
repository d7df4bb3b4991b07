/**
 * `knowledge add`: turns a gemeente's files into corpus documents (`KNOWLEDGE_DIR/corpus/NN-slug.md`
 * with front matter), all or nothing, never replacing a document unless asked to.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, extname, join, relative } from "node:path";
import { convertDocument, DOCUMENT_EXTENSIONS, DocumentRefused, type FoundMeta } from "./document-converters.js";
import { parseFrontMatter, parseMarkdownDocument } from "./markdown-document.js";
import { LOCAL_DOCUMENT_TYPE } from "./chunker.js";

export interface AddOptions extends FoundMeta {
  /** Replace a document with the same id (or made from the same file). */
  force?: boolean;
}

export interface PlannedDocument {
  source: string;
  /** Where it is written, relative to the knowledge folder. */
  target: string;
  id: string;
  title: string;
  publisher?: string;
  year?: number;
  url?: string;
  sections: number;
  words: number;
  replaces: boolean;
  text: string;
}

export interface AddResult {
  ok: boolean;
  documents: PlannedDocument[];
  /** One line per file that was refused: "file: reason". */
  problems: string[];
}

/** The files to add: the file itself, or every supported file in a folder (and its subfolders), sorted. */
export function documentFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: "utf8" })
    .filter((name) => DOCUMENT_EXTENSIONS.includes(extname(name).toLowerCase()) && !basename(name).startsWith("."))
    .sort()
    .map((name) => join(path, name));
}

/**
 * Converts every file and writes them into `knowledgeDir/corpus` only when all of them can be taken in.
 * Flags win over a file's own metadata: `publisher` and `year` for every file, `title` and `url` only for a single file.
 */
export async function addDocuments(knowledgeDir: string, files: string[], options: AddOptions = {}): Promise<AddResult> {
  const corpusDir = join(knowledgeDir, "corpus");
  const existing = existingDocuments(corpusDir);
  const problems: string[] = [];
  const documents: PlannedDocument[] = [];
  let next = existing.reduce((n, d) => Math.max(n, Number(/^(\d+)-/.exec(d.file)?.[1] ?? 0)), 0) + 1;
  const single = files.length === 1;
  for (const file of files) {
    let converted;
    try {
      const data = readFileSync(file);
      if (data.length === 0) throw new DocumentRefused("het bestand is leeg");
      converted = await convertDocument(file, data);
    } catch (error) {
      if (error instanceof DocumentRefused) problems.push(`${file}: ${error.message}`);
      else if ((error as NodeJS.ErrnoException).code) problems.push(`${file}: niet te lezen (${(error as NodeJS.ErrnoException).code})`);
      else throw error;
      continue;
    }
    // Title and url name one document; publisher and year may well hold for a whole folder.
    const own: FoundMeta = single ? options : { ...(options.publisher ? { publisher: options.publisher } : {}), ...(options.year ? { year: options.year } : {}) };
    const firstH1 = /^#\s+(.+)$/m.exec(converted.markdown)?.[1]?.trim();
    const title = own.title ?? converted.meta.title ?? firstH1 ?? basename(file, extname(file)).replace(/[-_]+/g, " ");
    const meta = { publisher: own.publisher ?? converted.meta.publisher, year: own.year ?? converted.meta.year, url: own.url ?? converted.meta.url };
    const id = slug(title);
    const clash = existing.find((d) => d.id === id || d.sourceFile === basename(file)) ?? documents.find((d) => d.id === id);
    if (clash && (!options.force || "text" in clash)) {
      const where = "text" in clash ? `${clash.source} in deze opdracht` : `corpus/${clash.file}`;
      problems.push(`${file}: er is al een document "${title}" (${where}); niets overschreven. Gebruik --force om het te vervangen, of geef een andere --title`);
      continue;
    }
    const fileName = clash && !("text" in clash) ? clash.file : `${String(next++).padStart(2, "0")}-${id}.md`;
    const body = /^#\s/m.test(converted.markdown) ? converted.markdown : `# ${title}\n\n${converted.markdown}`;
    const text = `${frontMatter({ id, title, ...meta, type: LOCAL_DOCUMENT_TYPE, source_file: basename(file) })}\n${body}\n`;
    const parsed = parseMarkdownDocument(text, id);
    const words = parsed.sections.flatMap((s) => s.blocks).join(" ").split(/\s+/).filter(Boolean).length;
    if (words < 5) {
      problems.push(`${file}: na het omzetten blijft er (bijna) geen tekst over`);
      continue;
    }
    documents.push({
      source: file,
      target: relative(knowledgeDir, join(corpusDir, fileName)),
      id,
      title,
      ...(meta.publisher ? { publisher: meta.publisher } : {}),
      ...(meta.year ? { year: meta.year } : {}),
      ...(meta.url ? { url: meta.url } : {}),
      sections: parsed.sections.filter((s) => s.heading !== undefined).length,
      words,
      replaces: clash !== undefined,
      text,
    });
  }
  if (files.length === 0) problems.push("geen PDF-, DOCX-, HTML- of Markdown-bestanden gevonden");
  if (problems.length > 0) return { ok: false, documents: [], problems };
  mkdirSync(corpusDir, { recursive: true });
  for (const d of documents) writeFileSync(join(knowledgeDir, d.target), d.text);
  return { ok: true, documents, problems };
}

interface ExistingDocument {
  file: string;
  id: string;
  sourceFile?: string;
}

function existingDocuments(corpusDir: string): ExistingDocument[] {
  if (!existsSync(corpusDir)) return [];
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith(".md"))
    .map((file) => {
      const { fields } = parseFrontMatter(readFileSync(join(corpusDir, file), "utf8"));
      return { file, id: fields.id || file.replace(/\.md$/, ""), ...(fields.source_file ? { sourceFile: fields.source_file } : {}) };
    });
}

/** Front matter in the corpus format: one `key: value` a line, strings in double quotes, nothing nested. */
function frontMatter(fields: Record<string, string | number | undefined>): string {
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => (typeof v === "number" || k === "id" ? `${k}: ${v}` : `${k}: "${String(v).replace(/\s+/g, " ").trim()}"`));
  return `---\n${lines.join("\n")}\n---\n`;
}

/** A stable id from the title: lower case, accents off, words joined by hyphens. */
export function slug(title: string): string {
  const s = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return s || "document";
}
