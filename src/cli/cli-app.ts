import type { Config } from "../config/config.js";
import { createLogger } from "../log/logger.js";
import { createApp, type App } from "../main.js";

/** Builds the app for a CLI command; progress lines go to stderr so stdout stays machine-readable. */
export function createCliApp(
  config: Config,
  options: { quiet?: boolean; forceIndex?: boolean; interactive?: boolean } = {},
): Promise<App> {
  // In the terminal chat, info lines would interleave with the conversation; LOG_LEVEL still wins.
  const level = options.quiet || (options.interactive && !process.env.LOG_LEVEL) ? "warn" : config.LOG_LEVEL;
  const logger = createLogger(level);
  return createApp(config, {
    logger,
    ...(options.forceIndex ? { forceIndex: true } : {}),
    onProgress: options.quiet ? () => {} : (message) => process.stderr.write(`${message}\n`),
  });
}

/** Reads stdin line by line (UTF-8), skipping nothing: empty lines are messages too. */
export async function* stdinLines(): AsyncGenerator<string> {
  const { createInterface } = await import("node:readline");
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

/** Value of `--name N` in args, or the fallback. */
export function flagValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
