import type { Config } from "../config/config.js";
import { createCliApp } from "./cli-app.js";

/** `wijkwijzer index`: rebuilds the retrieval index from knowledge/ and the listings, with progress. */
export async function runIndex(_args: string[], config: Config): Promise<number> {
  const started = performance.now();
  const app = await createCliApp(config, { forceIndex: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`Index klaar: ${app.index.chunkCount} stukken tekst in ${seconds} s (${config.DATA_DIR}/index)\n`);
  await app.close();
  return 0;
}
