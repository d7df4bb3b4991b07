import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addDocuments, documentFiles, slug } from "../../../src/knowledge/add-documents.js";
import { parseMarkdownDocument } from "../../../src/knowledge/markdown-document.js";

function setup() {
  const root = mkdtempSync(join(tmpdir(), "ww-add-"));
  const knowledge = join(root, "knowledge");
  mkdirSync(join(knowledge, "corpus"), { recursive: true });
  writeFileSync(join(knowledge, "corpus", "01-bestaand.md"), '---\nid: bestaand\ntitle: "Bestaand"\n---\n\n# Bestaand\n\nTekst.\n');
  const files = join(root, "stukken");
  mkdirSync(files);
  writeFileSync(join(files, "a.html"), "<html><head><title>Buurtbudget</title></head><body><h1>Buurtbudget</h1><p>Bewoners kiezen samen waar het geld van de wijk naartoe gaat.</p></body></html>");
  writeFileSync(join(files, "b.md"), "# Wijkagenda 2026\n\n## Doelen\n\nMeer ontmoeting en minder eenzaamheid in de wijk.\n");
  writeFileSync(join(files, "notities.txt"), "wordt overgeslagen");
  return { knowledge, files };
}

describe("addDocuments", () => {
  it("writes every file of a folder as NN-slug.md with front matter; publisher and year for all of them", async () => {
    const { knowledge, files } = setup();
    expect(documentFiles(files).map((f) => f.split("/").pop())).toEqual(["a.html", "b.md"]);
    const result = await addDocuments(knowledge, documentFiles(files), { publisher: "Gemeente Voorbeeld", year: 2026 });
    expect(result).toMatchObject({ ok: true, problems: [] });
    expect(result.documents.map((d) => d.target)).toEqual(["corpus/02-buurtbudget.md", "corpus/03-wijkagenda-2026.md"]);
    const written = readFileSync(join(knowledge, "corpus/03-wijkagenda-2026.md"), "utf8");
    const parsed = parseMarkdownDocument(written, "x");
    expect(parsed.meta).toEqual({ id: "wijkagenda-2026", title: "Wijkagenda 2026", publisher: "Gemeente Voorbeeld", year: 2026, type: "gemeentedocument" });
    expect(parsed.sections[0]).toMatchObject({ heading: "Doelen", blocks: ["Meer ontmoeting en minder eenzaamheid in de wijk."] });
    expect(written).toContain('source_file: "b.md"');
  });

  it("never overwrites silently; --force replaces in place; a folder with one bad file adds nothing", async () => {
    const { knowledge, files } = setup();
    await addDocuments(knowledge, [join(files, "b.md")]);
    const again = await addDocuments(knowledge, [join(files, "b.md")], { title: "Andere titel" });
    expect(again.ok).toBe(false);
    expect(again.problems[0]).toContain('er is al een document "Andere titel" (corpus/02-wijkagenda-2026.md)');
    const forced = await addDocuments(knowledge, [join(files, "b.md")], { title: "Wijkagenda 2026", force: true, url: "https://voorbeeld.example/agenda" });
    expect(forced.documents[0]).toMatchObject({ target: "corpus/02-wijkagenda-2026.md", replaces: true, url: "https://voorbeeld.example/agenda" });
    writeFileSync(join(files, "leeg.md"), "");
    const before = readdirSync(join(knowledge, "corpus"));
    const folder = await addDocuments(knowledge, documentFiles(files));
    expect(folder.ok).toBe(false);
    expect(folder.problems.some((p) => p.includes("leeg.md: het bestand is leeg"))).toBe(true);
    expect(readdirSync(join(knowledge, "corpus"))).toEqual(before);
  });

  it("makes stable ids from titles", () => {
    expect(slug("Meedoen in Deventer: regelingen für Ältere")).toBe("meedoen-in-deventer-regelingen-fur-altere");
    expect(slug("!!!")).toBe("document");
  });
});
