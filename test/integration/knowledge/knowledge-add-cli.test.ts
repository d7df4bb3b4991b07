import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { makeDocx, makePdf, makeScannedPdf } from "../../support/make-documents.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const PDF_TITLE = "Meedoen in Deventer: regelingen voor inwoners met een laag inkomen";
const DOCX_TITLE = "Mantelzorg in Bathmen";

let work: string;
let knowledge: string;
let data: string;

function wijkwijzer(args: string[], stdin?: string) {
  const result = spawnSync(process.execPath, [join(ROOT, "src/bin/wijkwijzer.js"), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: data, KNOWLEDGE_DIR: knowledge, LISTINGS_DIR: join(knowledge, "listings"), LOG_LEVEL: "silent" },
    encoding: "utf8",
    timeout: 120_000,
    ...(stdin !== undefined ? { input: stdin } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "ww-knowledge-add-"));
  knowledge = join(work, "knowledge");
  data = join(work, "data");
  cpSync(join(ROOT, "knowledge"), knowledge, { recursive: true });
  // Fictional documents of a gemeente, made the way office software makes them.
  writeFileSync(
    join(work, "meedoen.pdf"),
    await makePdf({
      title: PDF_TITLE,
      created: new Date("2025-03-01T00:00:00Z"),
      lines: [
        "# 1. Inleiding",
        "De gemeente wil dat iedereen kan meedoen, ook wie weinig geld heeft. Dit document is fictief.",
        "# 2. De meedoenregeling",
        "Met de meedoenregeling vergoedt de gemeente contributie voor sport en cultuur tot 300 euro per",
        "persoon per jaar. U vraagt de meedoenregeling aan bij het Geldloket.",
        "# 3. Bijzondere bijstand",
        "Voor onverwachte kosten, zoals een kapotte wasmachine, is er bijzondere bijstand.",
      ],
    }),
  );
  writeFileSync(
    join(work, "mantelzorg.docx"),
    await makeDocx({
      title: DOCX_TITLE,
      lines: [
        "# Respijtzorg",
        "Wie lang voor een naaste zorgt, kan even vrij nemen. In logeerhuis De Linde in Bathmen kan uw naaste een weekend logeren, zodat u op adem komt.",
        "## Aanvragen",
        "Bel het mantelzorgsteunpunt om een logeerweekend in De Linde te regelen. Dit document is fictief.",
      ],
    }),
  );
  writeFileSync(join(work, "scan.pdf"), await makeScannedPdf());
}, 60_000);

describe("wijkwijzer knowledge add", () => {
  it("adds a PDF and a DOCX as corpus Markdown, rebuilds the index, and search and chat cite them by title", () => {
    const pdf = wijkwijzer(["knowledge", "add", join(work, "meedoen.pdf"), "--publisher", "Gemeente Deventer", "--url", "https://www.deventer.example/meedoen"]);
    expect(pdf.stderr).toContain("Zoekindex opnieuw bouwen");
    expect(pdf.stderr).toMatch(/Index: 5 documenten, \d+ activiteiten/);
    expect(pdf.code).toBe(0);
    expect(pdf.stdout).toMatch(/Toegevoegd: corpus\/05-meedoen-in-deventer-[a-z-]+\.md — "Meedoen in Deventer: regelingen/);
    expect(pdf.stdout).toContain("(Gemeente Deventer, 2025), 3 kopjes");
    expect(pdf.stdout).toMatch(/Index klaar: \d+ stukken tekst/);
    const docx = wijkwijzer(["knowledge", "add", join(work, "mantelzorg.docx"), "--publisher", "Gemeente Deventer"]);
    expect(docx.code).toBe(0);
    expect(docx.stdout).toContain(`Toegevoegd: corpus/06-mantelzorg-in-bathmen.md — "${DOCX_TITLE}"`);

    const corpus = readdirSync(join(knowledge, "corpus"));
    const written = readFileSync(join(knowledge, "corpus", corpus.find((f) => f.startsWith("05-"))!), "utf8");
    expect(written).toContain(`title: "${PDF_TITLE}"`);
    expect(written).toContain('publisher: "Gemeente Deventer"');
    expect(written).toContain("year: 2025");
    expect(written).toContain('url: "https://www.deventer.example/meedoen"');
    expect(written).toContain("## 2. De meedoenregeling");
    expect(written).toContain("tot 300 euro per persoon per jaar.");

    const search = wijkwijzer(["search", "--json", "--k", "3", "--stdin"], "hoeveel vergoedt de meedoenregeling voor sport en cultuur\nlogeerhuis voor mijn moeder zodat ik als mantelzorger op adem kan komen\n");
    expect(search.code).toBe(0);
    const [meedoen, logeren] = search.stdout.trim().split("\n").map((l) => JSON.parse(l) as { results: Array<{ title: string; text: string; url: string }> });
    expect(meedoen!.results[0]).toMatchObject({ title: PDF_TITLE, url: "https://www.deventer.example/meedoen" });
    expect(meedoen!.results[0]!.text).toContain("300 euro");
    expect(logeren!.results.map((r) => r.title)).toContain(DOCX_TITLE);

    const chat = wijkwijzer(["chat", "--json"], "Hoeveel geld geeft de meedoenregeling voor sport en cultuur?\n");
    const answer = JSON.parse(chat.stdout.trim().split("\n")[0]!) as { intent: string; replies: Array<{ text: string }>; sources: Array<{ title: string }> };
    expect(answer.intent).toBe("answer");
    expect(answer.sources.map((s) => s.title)).toContain(PDF_TITLE);
    expect(answer.replies.map((r) => r.text).join("\n")).toContain("300 euro");
  }, 240_000);

  it("never overwrites silently, replaces with --force, and refuses scans and broken files with exit 1 and a reason", () => {
    expect(wijkwijzer(["knowledge", "add", join(work, "bestaat-niet.pdf")])).toMatchObject({ code: 1, stderr: expect.stringContaining("niet gevonden") });
    const before = readdirSync(join(knowledge, "corpus")).sort();
    const again = wijkwijzer(["knowledge", "add", join(work, "meedoen.pdf")]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("er is al een document");
    expect(again.stderr).toContain("--force");
    expect(readdirSync(join(knowledge, "corpus")).sort()).toEqual(before);

    const forced = wijkwijzer(["knowledge", "add", join(work, "meedoen.pdf"), "--force", "--publisher", "Gemeente Deventer"]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("Vervangen: corpus/05-");
    expect(readdirSync(join(knowledge, "corpus")).sort()).toEqual(before);

    // A folder is all or nothing: a good file next to a scan and a broken one adds nothing, and says why per file.
    const folder = join(work, "map");
    mkdirSync(folder);
    copyFileSync(join(work, "scan.pdf"), join(folder, "scan.pdf"));
    copyFileSync(join(work, "mantelzorg.docx"), join(folder, "ander-bestand.docx"));
    writeFileSync(join(folder, "kapot.docx"), "geen zip");
    const refused = wijkwijzer(["knowledge", "add", folder]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("FOUT: er is niets toegevoegd.");
    expect(refused.stderr).toMatch(/scan\.pdf: .*waarschijnlijk een scan/);
    expect(refused.stderr).toMatch(/kapot\.docx: .*niet leesbaar/);
    expect(refused.stderr).toMatch(/ander-bestand\.docx: er is al een document "Mantelzorg in Bathmen"/);
    expect(wijkwijzer(["knowledge", "add", join(work, "meedoen.pdf"), "--year", "twintig"]).code).toBe(2);
    expect(readdirSync(join(knowledge, "corpus")).sort()).toEqual(before);
  }, 240_000);
});
