import pino, { type Logger } from "pino";
import { redactPersonalData } from "../safety/redact.js";

export type { Logger };

/** Keys whose values never reach a log line (tokens, secrets, message bodies). */
const REDACT_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "signingSecret",
  "*.signingSecret",
  "apiKey",
  "*.apiKey",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  "*.headers.authorization",
  'headers["x-telegram-bot-api-secret-token"]',
  'headers["x-slack-signature"]',
];

const TOKEN_IN_TEXT = /(bot\d+:[\w-]{10,}|xox[abpr]-[\w-]+|xapp-[\w-]+|sk-[\w-]{10,})/g;

/** Scrubs tokens and personal data from a free-text log value. */
export function scrubForLog(text: string): string {
  return redactPersonalData(text.replace(TOKEN_IN_TEXT, "[token]"));
}

/**
 * Creates the application logger: JSON lines to stderr (stdout belongs to the CLI's JSON output),
 * with tokens redacted by key and personal data scrubbed from messages and error texts.
 */
export function createLogger(level = "info", destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => {
            if (typeof arg === "string") return scrubForLog(arg);
            if (arg instanceof Error) return { err: { type: arg.name, message: scrubForLog(arg.message) } };
            if (arg && typeof arg === "object" && "err" in arg && arg.err instanceof Error) {
              const err = arg.err as Error & { code?: unknown };
              return { ...arg, err: { type: err.name, code: err.code, message: scrubForLog(err.message) } };
            }
            return arg;
          });
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      // Errors were already reduced to scrubbed plain objects by the hook above; keep them as they are.
      serializers: { err: (err: unknown) => err },
      base: undefined,
    },
    destination,
  );
}
