/** Real PDF and DOCX files made at test time (pdf-lib, docx), as a gemeente's own documents would be. */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { PDFArray, PDFDocument, PDFName, PDFNull, PDFNumber, PDFString, StandardFonts, type PDFPage, type PDFRef } from "pdf-lib";

export interface PdfSpec {
  title?: string;
  created?: Date;
  /** Lines: `# ` = large bold (a heading with a bookmark), else body text; "" = blank. */
  lines: string[];
}

/** A text PDF with an info dictionary and bookmarks for its headings (as Word's "save as PDF" makes them). */
export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (spec.title) doc.setTitle(spec.title);
  if (spec.created) doc.setCreationDate(spec.created);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([595, 842]);
  let y = 790;
  const headings: Array<{ title: string; page: PDFPage }> = [];
  for (const line of spec.lines) {
    const heading = line.startsWith("# ");
    const text = heading ? line.slice(2) : line;
    const size = heading ? 15 : 11;
    if (y < 60) {
      page = doc.addPage([595, 842]);
      y = 790;
    }
    if (text) page.drawText(text, { x: 50, y, size, font: heading ? bold : font });
    if (heading) headings.push({ title: text, page });
    y -= size * 1.6;
  }
  if (headings.length > 0) addOutline(doc, headings);
  return doc.save();
}

/** A PDF whose pages are only pictures (a drawn shape, no text layer): what a scanner gives. */
export async function makeScannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawRectangle({ x: 40, y: 40, width: 500, height: 700, borderWidth: 2 });
  return doc.save();
}

function addOutline(doc: PDFDocument, headings: Array<{ title: string; page: PDFPage }>) {
  const ctx = doc.context;
  const root = ctx.nextRef();
  const refs: PDFRef[] = headings.map(() => ctx.nextRef());
  headings.forEach((h, i) => {
    const dest = PDFArray.withContext(ctx);
    [h.page.ref, PDFName.of("XYZ"), PDFNull, PDFNull, PDFNull].forEach((v) => dest.push(v));
    ctx.assign(refs[i]!, ctx.obj({ Title: PDFString.of(h.title), Parent: root, Dest: dest, ...(i > 0 ? { Prev: refs[i - 1]! } : {}), ...(i < refs.length - 1 ? { Next: refs[i + 1]! } : {}) }));
  });
  ctx.assign(root, ctx.obj({ Type: "Outlines", First: refs[0]!, Last: refs[refs.length - 1]!, Count: PDFNumber.of(refs.length) }));
  doc.catalog.set(PDFName.of("Outlines"), root);
}

export interface DocxSpec {
  title?: string;
  /** `# ` = Heading 1, `## ` = Heading 2, `- ` = bullet, else a paragraph. */
  lines: string[];
}

/** A DOCX with core properties (title) and Word heading styles. */
export async function makeDocx(spec: DocxSpec): Promise<Buffer> {
  const children = spec.lines.map((line) => {
    if (line.startsWith("## ")) return new Paragraph({ text: line.slice(3), heading: HeadingLevel.HEADING_2 });
    if (line.startsWith("# ")) return new Paragraph({ text: line.slice(2), heading: HeadingLevel.HEADING_1 });
    if (line.startsWith("- ")) return new Paragraph({ text: line.slice(2), bullet: { level: 0 } });
    return new Paragraph({ children: [new TextRun(line)] });
  });
  const doc = new Document({ ...(spec.title ? { title: spec.title } : {}), creator: "Wijkwijzer test", sections: [{ children }] });
  return Packer.toBuffer(doc);
}
