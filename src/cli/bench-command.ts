import type { Config } from "../config/config.js";

/** `npm run bench`. */
export async function runBench(_args: string[], _config: Config): Promise<number> {
  process.stderr.write("bench: being built\n");
  return 1;
}
