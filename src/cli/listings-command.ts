import type { Config } from "../config/config.js";

/** `wijkwijzer listings import FILE [--dry-run]`. */
export async function runListings(_args: string[], _config: Config): Promise<number> {
  process.stderr.write("listings import: being built (listings work in progress)\n");
  return 1;
}
