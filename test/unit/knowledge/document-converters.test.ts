import { describe, expect, it } from "vitest";
import { convertDocument, DocumentRefused } from "../../../src/knowledge/document-converters.js";
import { makeDocx, makePdf, makeScannedPdf } from "../../support/make-documents.js";

const html = `<!doctype html><html><head><title>Meedoen in Deventer | Gemeente Deventer</title>
<meta property="og:site_name" content="Gemeente Deventer"><meta name="DCTERMS.modified" content="2025-04-02">
<link rel="canonical" href="https://www.deventer.example/meedoen"><script>var tracking = 1;</script></head>
<body><nav><a href="/">Home</a> <a href="/zoeken">Zoeken</a></nav><main><h1>Meedoen in Deventer</h1>
<p>Met de <strong>meedoenregeling</strong> krijgt u geld voor sport &amp; cultuur.</p><h2>Wie kan het krijgen?</h2>
<ul><li>Inwoners met een laag inkomen</li><li>Hun kinderen</li></ul><p>Stap 1. Vul het formulier in.</p></main>
<footer>© Gemeente Deventer</footer></body></html>`;

describe("document converters", () => {
  it("HTML: main content as Markdown headings and lists, without navigation or scripts; title, publisher, year and url from the head", async () => {
    const doc = await convertDocument("meedoen.html", Buffer.from(html));
    expect(doc.meta).toEqual({ title: "Meedoen in Deventer", publisher: "Gemeente Deventer", year: 2025, url: "https://www.deventer.example/meedoen" });
    expect(doc.markdown).toContain("# Meedoen in Deventer");
    expect(doc.markdown).toContain("## Wie kan het krijgen?");
    expect(doc.markdown).toContain("- Inwoners met een laag inkomen");
    expect(doc.markdown).toContain("Stap 1. Vul het formulier in.");
    expect(doc.markdown).toContain("sport & cultuur");
    expect(doc.markdown).not.toMatch(/Zoeken|tracking|©/);
  });

  it("Markdown: front matter as metadata, body kept", async () => {
    const doc = await convertDocument("notitie.md", Buffer.from('---\ntitle: "Buurtnotitie"\nyear: 2024\n---\n\n## Doel\n\nMeer ontmoeting in de wijk.\n'));
    expect(doc).toMatchObject({ kind: "markdown", meta: { title: "Buurtnotitie", year: 2024 } });
    expect(doc.markdown).toBe("## Doel\n\nMeer ontmoeting in de wijk.");
  });

  it("PDF: bookmarked headings become ## headings, lines become paragraphs, hyphenation is undone", async () => {
    const pdf = await makePdf({
      title: "Armoedebeleid",
      created: new Date("2025-03-01T00:00:00Z"),
      lines: ["# Inleiding", "De gemeente helpt inwoners met weinig geld. U kunt bijzondere bij-", "stand aanvragen bij het loket.", "# Regelingen", "De meedoenregeling vergoedt sport."],
    });
    const doc = await convertDocument("armoede.pdf", Buffer.from(pdf));
    expect(doc.meta).toEqual({ title: "Armoedebeleid", year: 2025 });
    expect(doc.markdown).toBe("## Inleiding\n\nDe gemeente helpt inwoners met weinig geld. U kunt bijzondere bijstand aanvragen bij het loket.\n\n## Regelingen\n\nDe meedoenregeling vergoedt sport.");
  });

  it("PDF without bookmarks: numbered headings (2.1 Aanpak) become headings by their depth, bullets become list items", async () => {
    const { pdfTextToMarkdown } = await import("../../../src/knowledge/pdf-text.js");
    const pages = ["Wijkvisie Noord\n1. Inleiding\nDe wijk groeit. Er komen meer ouderen.\n2. Aanpak\n2.1 Ontmoeten\n• een buurtkamer\n• een koffieochtend\n1. Dit is geen kop want het eindigt met een punt."];
    expect(pdfTextToMarkdown(pages, new Map(), "Wijkvisie Noord")).toBe(
      "# Wijkvisie Noord\n\n## 1. Inleiding\n\nDe wijk groeit. Er komen meer ouderen.\n\n## 2. Aanpak\n\n### 2.1 Ontmoeten\n\n- een buurtkamer\n\n- een koffieochtend\n\n1. Dit is geen kop want het eindigt met een punt.",
    );
  });

  it("DOCX: Word headings and bullets as Markdown, the title from the core properties", async () => {
    const docx = await makeDocx({ title: "Mantelzorg", lines: ["# Respijtzorg", "Even vrij van de zorg.", "- Logeeropvang", "## Aanvragen", "Bel het steunpunt."] });
    const doc = await convertDocument("mantelzorg.docx", docx);
    expect(doc.meta.title).toBe("Mantelzorg");
    expect(doc.markdown).toBe("# Respijtzorg\n\nEven vrij van de zorg.\n\n- Logeeropvang\n\n## Aanvragen\n\nBel het steunpunt.");
  });

  it("refuses scans, broken files, old .doc and unknown types with a reason", async () => {
    const refused = async (name: string, data: Buffer | Uint8Array) => {
      const error = await convertDocument(name, Buffer.from(data)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DocumentRefused);
      return (error as Error).message;
    };
    expect(await refused("scan.pdf", await makeScannedPdf())).toContain("waarschijnlijk een scan");
    expect(await refused("kapot.pdf", Buffer.from("dit is geen pdf"))).toContain("geen PDF-bestand");
    expect(await refused("kapot.pdf", Buffer.from("%PDF-1.7\nrommel"))).toContain("niet leesbaar");
    expect(await refused("kapot.docx", Buffer.from("geen zip"))).toContain("niet leesbaar");
    expect(await refused("oud.doc", Buffer.from("x"))).toContain(".docx");
    expect(await refused("plaatje.png", Buffer.from("x"))).toContain("niet ondersteund");
    expect(await refused("leeg.html", Buffer.from("<html><body><script>x()</script></body></html>"))).toContain("geen tekst");
  });
});
