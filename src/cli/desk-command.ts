/**
 * `wijkwijzer desk add-user EMAIL --name NAME --role worker|coordinator` (password from stdin),
 * `desk list-users`, `desk remove-user EMAIL`. The only way to make desk accounts.
 */
import type { Config } from "../config/config.js";
import type { DeskRole } from "../desk/desk-ports.js";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../desk/passwords.js";
import { openStores } from "../store/stores.js";
import { flagValue } from "./cli-app.js";

const USAGE = `Gebruik:
  wijkwijzer desk add-user EMAIL --name NAAM --role worker|coordinator   (wachtwoord via stdin, minstens ${MIN_PASSWORD_LENGTH} tekens)
  wijkwijzer desk list-users
  wijkwijzer desk remove-user EMAIL
`;

async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // Only the first line: `echo pw | …` and a typed line followed by Ctrl-D both work.
  return (Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "");
}

export async function runDesk(args: string[], config: Config): Promise<number> {
  const [sub, email] = args;
  const all = await openStores(config);
  const stores = all.desk;
  const fail = (message: string) => (process.stderr.write(`${message}\n`), 1);
  try {
    if (sub === "add-user") {
      const name = flagValue(args, "--name")?.trim();
      const role = flagValue(args, "--role") as DeskRole | undefined;
      if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return fail(`Geef een geldig e-mailadres.\n\n${USAGE}`);
      if (!name) return fail(`Geef een naam met --name (de voornaam ziet de bewoner).\n\n${USAGE}`);
      if (role !== "worker" && role !== "coordinator") return fail(`--role moet worker of coordinator zijn.\n\n${USAGE}`);
      if (process.stdin.isTTY) process.stderr.write(`Typ het wachtwoord (minstens ${MIN_PASSWORD_LENGTH} tekens) en druk op Enter, dan Ctrl-D:\n`);
      const password = await readPassword();
      if ([...password].length < MIN_PASSWORD_LENGTH) return fail(`Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens hebben.`);
      const added = await stores.users.add({ email: email.toLowerCase(), name, role, passwordHash: await hashPassword(password), createdAt: new Date() });
      if (!added) return fail(`Er is al een account voor ${email.toLowerCase()}.`);
      await stores.audit.record({ actor: "cli", action: "add_user", target: email.toLowerCase(), at: new Date() });
      process.stdout.write(`Account gemaakt: ${email.toLowerCase()} (${role}).\n`);
      return 0;
    }
    if (sub === "list-users") {
      for (const u of await stores.users.list()) process.stdout.write(`${u.email}\t${u.name}\t${u.role}\t${u.createdAt.toISOString().slice(0, 10)}\n`);
      return 0;
    }
    if (sub === "remove-user") {
      if (!email) return fail(USAGE);
      const removed = await stores.users.remove(email);
      if (!removed) return fail(`Geen account gevonden voor ${email.toLowerCase()}.`);
      await stores.audit.record({ actor: "cli", action: "remove_user", target: email.toLowerCase(), at: new Date() });
      process.stdout.write(`Account verwijderd: ${email.toLowerCase()}. Alle sessies zijn beëindigd.\n`);
      return 0;
    }
    return fail(USAGE);
  } finally {
    await all.close();
  }
}
