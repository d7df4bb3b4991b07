import { z } from "zod";
import { DEFAULT_WIJKTEAM_CONTACT } from "../core/text-catalog.js";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const url = (name: string) =>
  optionalString.refine((value) => value === undefined || /^https?:\/\/[^/\s]+/.test(value) && URL.canParse(value), {
    message: `${name} must be a full http(s) URL such as https://example.org`,
  });

const positiveInt = (fallback: number, hint: string) =>
  z.coerce
    .number({ message: hint })
    .int({ message: hint })
    .positive({ message: hint })
    .default(fallback);

const OFFICE_HOURS_PATTERN =
  /^(ma|di|wo|do|vr|za|zo)(-(ma|di|wo|do|vr|za|zo))? ([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d(\s*[;,]\s*(ma|di|wo|do|vr|za|zo)(-(ma|di|wo|do|vr|za|zo))? ([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d)*$/;

/** One schema for every environment variable (docs/contracts.md, "Environment"). */
export const configSchema = z
  .object({
    DATA_DIR: z.string().trim().min(1).default("./data"),
    // PostgreSQL for every store (several instances may share it); unset = SQLite in DATA_DIR.
    DATABASE_URL: optionalString.refine((v) => v === undefined || (/^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v)), {
      message: "DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/wijkwijzer (or leave it empty for SQLite in DATA_DIR)",
    }),
    KNOWLEDGE_DIR: z.string().trim().min(1).default("knowledge"),
    LISTINGS_DIR: z.string().trim().min(1).default("knowledge/listings"),
    PORT: positiveInt(3000, "PORT must be a whole number such as 3000").refine((p) => p < 65536, {
      message: "PORT must be below 65536",
    }),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

    TELEGRAM_BOT_TOKEN: optionalString.refine((v) => v === undefined || /^\d+:[\w-]+$/.test(v), {
      message: "TELEGRAM_BOT_TOKEN must look like 123456:ABC-def (ask @BotFather)",
    }),
    TELEGRAM_WEBHOOK_URL: url("TELEGRAM_WEBHOOK_URL"),
    TELEGRAM_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
      message: "TELEGRAM_WEBHOOK_SECRET may only hold A-Z, a-z, 0-9, _ and - (1-256 characters)",
    }),
    TELEGRAM_API_ROOT: url("TELEGRAM_API_ROOT"),
    TELEGRAM_STAFF_CHAT_ID: optionalString.refine((v) => v === undefined || /^-?\d+$/.test(v), {
      message: "TELEGRAM_STAFF_CHAT_ID must be a chat id such as -1001234567890",
    }),
    RATE_LIMIT_PER_MINUTE: positiveInt(20, "RATE_LIMIT_PER_MINUTE must be a whole number such as 20"),

    SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith("xoxb-"), {
      message: "SLACK_BOT_TOKEN must start with xoxb- (OAuth & Permissions page of your Slack app)",
    }),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith("xapp-"), {
      message: "SLACK_APP_TOKEN must start with xapp- (Basic Information > App-Level Tokens)",
    }),
    SLACK_API_URL: url("SLACK_API_URL"),
    SLACK_HANDOFF_CHANNEL: optionalString,

    LLM_PROVIDER: z.enum(["openai", "ollama"]).optional().or(z.literal("").transform(() => undefined)),
    LLM_BASE_URL: url("LLM_BASE_URL"),
    LLM_API_KEY: optionalString,
    LLM_MODEL: optionalString,
    LLM_TIMEOUT_MS: positiveInt(8000, "LLM_TIMEOUT_MS must be a whole number of milliseconds such as 8000"),
    EMBEDDINGS: z.enum(["local", "openai", "ollama"]).default("local"),
    EMBEDDINGS_MODEL: optionalString,

    GEOCODER: z.enum(["local", "pdok"]).default("local"),
    PDOK_BASE_URL: z
      .string()
      .url({ message: "PDOK_BASE_URL must be a full URL" })
      .default("https://api.pdok.nl/bzk/locatieserver/search/v3_1"),

    OFFICE_HOURS: z
      .string()
      .trim()
      .regex(OFFICE_HOURS_PATTERN, { message: "OFFICE_HOURS must look like 'ma-vr 09:00-17:00' (several: 'ma-do 09:00-17:00; vr 09:00-12:00')" })
      .default("ma-vr 09:00-17:00"),
    TZ: z
      .string()
      .trim()
      .default("Europe/Amsterdam")
      .refine((tz) => isTimeZone(tz), { message: "TZ must be an IANA time zone such as Europe/Amsterdam" }),
    HANDOFF_REMIND_MINUTES: positiveInt(15, "HANDOFF_REMIND_MINUTES must be a whole number such as 15"),
    HANDOFF_TICKETS_PER_HOUR: positiveInt(3, "HANDOFF_TICKETS_PER_HOUR must be a whole number such as 3"),
    HANDOFF_COORDINATORS: z
      .string()
      .trim()
      .regex(/^((slack|telegram):[A-Za-z0-9]+)?(\s*,\s*(slack|telegram):[A-Za-z0-9]+)*$/, {
        message: "HANDOFF_COORDINATORS must be a comma-separated list such as slack:U012ABCDEF,telegram:123456789",
      })
      .default(""),
    RETENTION_DAYS: positiveInt(90, "RETENTION_DAYS must be a whole number of days such as 90"),
    LEASE_SECONDS: positiveInt(30, "LEASE_SECONDS must be a whole number of seconds such as 30"),
    HOST: z.string().trim().min(1).default("127.0.0.1"),
    DESK: z.enum(["on", "off"], { message: "DESK must be on or off" }).default("on"),
    CHECKIN_DAYS: positiveInt(3, "CHECKIN_DAYS must be a whole number of days such as 3"),
    WIJKTEAM_CONTACT: z
      .string()
      .trim()
      .default(DEFAULT_WIJKTEAM_CONTACT),
  })
  .superRefine((env, ctx) => {
    const need = (cond: boolean, key: string, message: string) => {
      if (cond) ctx.addIssue({ code: "custom", path: [key], message });
    };
    need(
      !!env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET,
      "TELEGRAM_WEBHOOK_SECRET",
      "TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set (any random string of A-Z, 0-9, _ and -)",
    );
    need(
      !!env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_BOT_TOKEN,
      "TELEGRAM_BOT_TOKEN",
      "TELEGRAM_BOT_TOKEN is required when TELEGRAM_WEBHOOK_URL is set",
    );
    need(
      !!env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET,
      "SLACK_SIGNING_SECRET",
      "SLACK_SIGNING_SECRET is required for Slack over HTTP (Basic Information > Signing Secret), or set SLACK_APP_TOKEN for Socket Mode",
    );
    need(
      !!env.LLM_PROVIDER && !env.LLM_MODEL,
      "LLM_MODEL",
      "LLM_MODEL is required when LLM_PROVIDER is set (e.g. gpt-4o-mini or llama3.1)",
    );
    need(
      env.EMBEDDINGS !== "local" && !env.EMBEDDINGS_MODEL,
      "EMBEDDINGS_MODEL",
      "EMBEDDINGS_MODEL is required when EMBEDDINGS is not local (e.g. text-embedding-3-small or nomic-embed-text)",
    );
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Pure: validates an environment object. Throws a {@link ConfigError} whose message names the variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? "environment");
  const message = issue.message.includes(key) ? issue.message : `${key}: ${issue.message}`;
  throw new ConfigError(`Configuration error: ${message}`);
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("nl-NL", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
