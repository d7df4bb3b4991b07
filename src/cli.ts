/**
 * The `wijkwijzer` command. Each subcommand lives in its own file under `src/cli/`.
 * stdout carries the command's output (JSON lines where asked); logs go to stderr.
 */
import { config as loadDotenv } from "dotenv";
import { ConfigError, parseConfig, type Config } from "./config/config.js";

const USAGE = `Gebruik: wijkwijzer <opdracht>

  start                                 start de kanalen met tokens, anders de chat in de terminal
  index                                 bouw de zoekindex opnieuw op
  search --json --k N --stdin           zoek: één vraag per regel op stdin, één JSON-regel per vraag
  chat [--json]                         chat; met --json één bericht per regel op stdin
  listings import FILE|DIR [--dry-run]  controleer en importeer activiteiten (CSV, HSDS JSON of HSDS-tabellen)
  knowledge add FILE|DIR [--title …]    voeg eigen documenten toe (PDF, DOCX, HTML, Markdown)
  eval FILE                             meet recall@1/@5 en MRR over een JSONL-bestand
  eval-chat FILE [--json] [--verbose]   test gesprekken (JSONL) en toon het slagingspercentage per groep
  bench                                 meet de snelheid en schrijf de cijfers als JSON
`;

export type CommandRunner = (args: string[], config: Config) => Promise<number>;

const COMMANDS: Record<string, () => Promise<CommandRunner>> = {
  start: async () => (await import("./cli/start-command.js")).runStart,
  index: async () => (await import("./cli/index-command.js")).runIndex,
  search: async () => (await import("./cli/search-command.js")).runSearch,
  chat: async () => (await import("./cli/chat-command.js")).runChat,
  listings: async () => (await import("./cli/listings-command.js")).runListings,
  knowledge: async () => (await import("./cli/knowledge-command.js")).runKnowledge,
  eval: async () => (await import("./cli/eval-command.js")).runEval,
  "eval-chat": async () => (await import("./cli/eval-chat-command.js")).runEvalChat,
  bench: async () => (await import("./cli/bench-command.js")).runBench,
};

async function main(argv: string[]): Promise<number> {
  const [name = "start", ...args] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`Onbekende opdracht: ${name}\n\n${USAGE}`);
    return 2;
  }
  loadDotenv({ quiet: true });
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const run = await load();
  return run(args, config);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`wijkwijzer: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
