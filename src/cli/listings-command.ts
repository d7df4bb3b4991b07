import type { Config } from "../config/config.js";
import { formatImportReport } from "../listings/import-report.js";
import { importListingsFile } from "../listings/import-listings.js";
import { loadListingClassifier } from "../listings/hsds-categories.js";
import { loadListingsVocabulary } from "../listings/listings-vocabulary.js";
import { loadPostcodeAreas } from "../listings/national-places.js";
import { openStores } from "../store/stores.js";

const USAGE = `Gebruik: wijkwijzer listings import BESTAND|MAP [--dry-run] [--json]

  BESTAND     een CSV-bestand (kolommen: zie docs/contracts.md) of Open Referral HSDS JSON
  MAP         een HSDS-tabellenpakket: CSV-bestanden met datapackage.json (HSDS 3) of zonder (HSDS 1/2)
  --dry-run   alleen controleren, niets opslaan
  --json      het verslag als JSON op stdout

Alles of niets: bij één fout wordt niets geïmporteerd (exitcode 1).
Opnieuw importeren van hetzelfde bestand werkt activiteiten bij op id en haalt weg wat er niet meer in staat.
`;

/** `wijkwijzer listings import FILE|DIR [--dry-run] [--json]`: prints the report; exit 1 when the file is invalid. */
export async function runListings(args: string[], config: Config): Promise<number> {
  const [sub, ...rest] = args;
  const flags = rest.filter((a) => a.startsWith("--"));
  const files = rest.filter((a) => !a.startsWith("--"));
  const unknown = flags.filter((f) => f !== "--dry-run" && f !== "--json");
  if (sub !== "import" || files.length !== 1 || unknown.length > 0) {
    process.stderr.write(unknown.length > 0 ? `Onbekende optie: ${unknown.join(" ")}\n\n${USAGE}` : USAGE);
    return 2;
  }
  const classifier = loadListingClassifier(config.KNOWLEDGE_DIR, loadListingsVocabulary(config.KNOWLEDGE_DIR));
  const stores = await openStores(config);
  try {
    const report = await importListingsFile(stores.listings, files[0]!, { dryRun: flags.includes("--dry-run"), classifier, postcodeAreas: loadPostcodeAreas(config.KNOWLEDGE_DIR) });
    if (flags.includes("--json")) process.stdout.write(`${JSON.stringify(report)}\n`);
    else process.stdout.write(`${formatImportReport(report)}\n`);
    return report.ok ? 0 : 1;
  } finally {
    await stores.close();
  }
}
