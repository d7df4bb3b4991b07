import { existsSync } from "node:fs";
import type { Config } from "../config/config.js";
import { addDocuments, documentFiles, type AddOptions } from "../knowledge/add-documents.js";
import { createCliApp } from "./cli-app.js";

const USAGE = `Gebruik: wijkwijzer knowledge add BESTAND|MAP [--title … --publisher … --year … --url …] [--force]

  BESTAND       een PDF, Word-bestand (.docx), webpagina (.html) of Markdown-bestand (.md)
  MAP           alle zulke bestanden in een map
  --title       titel (anders die uit het bestand zelf)         alleen bij één bestand
  --publisher   uitgever, bijvoorbeeld "Gemeente Deventer"
  --year        jaar van uitgave, bijvoorbeeld 2025
  --url         webadres waar het document staat (https://…)
  --force       een document met dezelfde titel of uit hetzelfde bestand vervangen

Het document komt als Markdown in KNOWLEDGE_DIR/corpus/ en de zoekindex wordt opnieuw gebouwd.
Alles of niets: als één bestand niet lukt, wordt niets toegevoegd (exitcode 1).
`;

const VALUE_FLAGS = ["--title", "--publisher", "--year", "--url"];

/** `wijkwijzer knowledge add FILE|DIR [...]`: converts, writes into the corpus, rebuilds the index with progress. */
export async function runKnowledge(args: string[], config: Config): Promise<number> {
  const [sub, ...rest] = args;
  const values: Record<string, string> = {};
  const positional: string[] = [];
  let force = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (VALUE_FLAGS.includes(arg)) {
      const value = rest[++i];
      if (value === undefined || value.startsWith("--")) return usage(`${arg} heeft een waarde nodig`);
      values[arg.slice(2)] = value.trim();
    } else if (arg === "--force") force = true;
    else if (arg.startsWith("--")) return usage(`Onbekende optie: ${arg}`);
    else positional.push(arg);
  }
  if (sub !== "add" || positional.length !== 1) return usage();
  const options: AddOptions = { force };
  if (values.title) options.title = values.title;
  if (values.publisher) options.publisher = values.publisher;
  if (values.year !== undefined) {
    const year = Number(values.year);
    if (!/^\d{4}$/.test(values.year) || year < 1800 || year > 2100) return usage(`--year "${values.year}" is geen jaartal (bijvoorbeeld 2025)`);
    options.year = year;
  }
  if (values.url !== undefined) {
    if (!/^https?:\/\/[^/\s]+/.test(values.url) || !URL.canParse(values.url)) return usage(`--url "${values.url}" is geen webadres (begin met https://)`);
    options.url = values.url;
  }
  const path = positional[0]!;
  if (!existsSync(path)) {
    process.stderr.write(`${path}: bestand of map niet gevonden\n`);
    return 1;
  }
  const files = documentFiles(path);
  if (files.length > 1 && (options.title || options.url)) return usage("--title en --url gelden voor één bestand; geef bij een map geen --title of --url");

  process.stderr.write(`Omzetten: ${files.length} bestand${files.length === 1 ? "" : "en"}…\n`);
  const result = await addDocuments(config.KNOWLEDGE_DIR, files, options);
  if (!result.ok) {
    process.stderr.write(`FOUT: er is niets toegevoegd.\n${result.problems.map((p) => `  - ${p}`).join("\n")}\n`);
    return 1;
  }
  for (const d of result.documents) {
    const about = [d.publisher, d.year].filter(Boolean).join(", ");
    process.stdout.write(`${d.replaces ? "Vervangen" : "Toegevoegd"}: ${d.target} — "${d.title}"${about ? ` (${about})` : ""}, ${d.sections} kopjes, ${d.words} woorden\n`);
    if (!d.publisher) process.stdout.write(`  Let op: geen uitgever bekend; antwoorden noemen alleen de titel. Geef --publisher om dat aan te vullen.\n`);
  }
  process.stderr.write("Zoekindex opnieuw bouwen…\n");
  const started = performance.now();
  const app = await createCliApp(config, { forceIndex: true });
  try {
    process.stdout.write(`Index klaar: ${app.index.chunkCount} stukken tekst in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await app.close();
  }
  return 0;
}

function usage(problem?: string): number {
  process.stderr.write(problem ? `${problem}\n\n${USAGE}` : USAGE);
  return 2;
}
