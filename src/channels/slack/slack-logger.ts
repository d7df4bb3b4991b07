import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import { scrubForLog, type Logger } from "../../log/logger.js";

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

// The Web API client logs whole request and response bodies at debug level: message texts
// (questions, answers) must not reach the log, so only the label is kept.
const BODY_LINE = /^(http request body|http request result|http request headers|http response body):/;

/**
 * Bolt's and the Web API client's logger, written to our pino logger. Bolt logs free text that
 * may hold request details; every argument is turned into scrubbed text (tokens, personal data).
 */
export function createBoltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: "slack" });
  let level = LEVELS[logger.level] ?? LogLevel.INFO;
  const line = (args: unknown[]) => {
    const text = args.map(describe).join(" ");
    const body = BODY_LINE.exec(text);
    return body ? `${body[1]}: [not logged]` : scrubForLog(text);
  };
  return {
    debug: (...args: unknown[]) => child.debug(line(args)),
    info: (...args: unknown[]) => child.info(line(args)),
    warn: (...args: unknown[]) => child.warn(line(args)),
    error: (...args: unknown[]) => child.error(line(args)),
    setLevel(next: LogLevel) {
      level = next;
    },
    getLevel: () => level,
    setName() {},
  };
}

function describe(value: unknown): string {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return `${value.name}${code ? ` (${String(code)})` : ""}: ${value.message}`;
  }
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
