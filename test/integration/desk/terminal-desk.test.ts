/**
 * A whole handoff on one machine, as the README shows it: `wijkwijzer desk add-user` makes an
 * account, `npm start` without tokens runs the terminal chat and the desk; the resident types
 * /mens and 1 in the terminal, the worker claims and answers over HTTP, the words appear in the
 * terminal, the close asks the rating. `desk remove-user` ends the worker's session.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../handoff/handoff-app.js";
import { deskClient } from "./desk-client.js";

const BIN = join(process.cwd(), "src", "bin", "wijkwijzer.js");
const PASSWORD = "terminal-test-wachtwoord";

describe("terminal resident ↔ web desk on one machine", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let chat: ChildProcessWithoutNullStreams;
  let output = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "wijkwijzer-terminal-desk-"));
    // PORT must be a real port number: take a free one.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    env = { PATH: process.env.PATH, DATA_DIR: dir, PORT: String(port), OFFICE_HOURS: "ma-zo 00:00-24:00", LOG_LEVEL: "warn" };
    const add = spawnSync(process.execPath, [BIN, "desk", "add-user", "Sanne@Example.org", "--name", "Sanne Bakker", "--role", "worker"], { env, input: `${PASSWORD}\n`, encoding: "utf8" });
    expect(add.status, add.stderr).toBe(0);
    const short = spawnSync(process.execPath, [BIN, "desk", "add-user", "kort@example.org", "--name", "Kort", "--role", "worker"], { env, input: "te-kort\n", encoding: "utf8" });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("minstens 12 tekens");
    const list = spawnSync(process.execPath, [BIN, "desk", "list-users"], { env, encoding: "utf8" });
    expect(list.stdout).toMatch(/^sanne@example\.org\tSanne Bakker\tworker\t/m);
    expect(list.stdout).not.toContain("kort@example.org");
    chat = spawn(process.execPath, [BIN, "start"], { env });
    chat.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    chat.stderr.resume();
  }, 60_000);

  afterAll(async () => {
    if (chat && chat.exitCode === null) {
      chat.stdin.end("/stop\n");
      await new Promise((resolve) => chat.once("exit", resolve));
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("carries the handoff between the terminal and the desk", async () => {
    const port = (await eventually(() => /localhost:(\d+)\/desk/.exec(output) ?? undefined, "the desk address in the terminal", 90_000))[1];
    const base = `http://127.0.0.1:${port}`;
    chat.stdin.write("/mens\n");
    await eventually(() => output.includes("(1) Ja, deel mijn gesprek"), "the consent question in the terminal");
    chat.stdin.write("1\n");
    await eventually(() => output.includes("Ik heb een sociaal werker gevraagd"), "the waiting message");

    const sanne = await deskClient(base, "sanne@example.org", PASSWORD);
    const { tickets } = (await (await sanne.get("/desk/api/tickets")).json()) as { tickets: Array<{ id: number; channel: string; status: string }> };
    expect(tickets).toMatchObject([{ channel: "terminal", status: "open" }]);
    const id = tickets[0]!.id;
    expect((await sanne.post(`/desk/api/tickets/${id}/claim`)).status).toBe(200);
    await eventually(() => output.includes("Sanne, een sociaal werker, is nu bij u"), "the claim in the terminal");
    expect((await sanne.post(`/desk/api/tickets/${id}/messages`, { text: "Hallo, waar kan ik mee helpen?" })).status).toBe(202);
    await eventually(() => output.includes("Sanne: Hallo, waar kan ik mee helpen?"), "the worker's words in the terminal");
    chat.stdin.write("Ik zoek hulp bij mijn post\n");
    expect((await sanne.post(`/desk/api/tickets/${id}/close`)).status).toBe(200);
    await eventually(() => output.includes("Sanne heeft het gesprek afgesloten"), "the close in the terminal");
    chat.stdin.write("4\n");
    await eventually(() => output.includes("Dank u wel voor uw cijfer!"), "the rating thanks");

    const remove = spawnSync(process.execPath, [BIN, "desk", "remove-user", "sanne@example.org"], { env, encoding: "utf8" });
    expect(remove.status, remove.stderr).toBe(0);
    expect((await sanne.get("/desk/api/me")).status).toBe(401);
  }, 120_000);
});
