/**
 * Runs the fake Slack Web API on its own, to try Wijkwijzer as a professional would in Slack:
 *
 *   npx tsx test/support/run-fake-slack.ts [port]          # default port 8082; prints the command below
 *   SLACK_BOT_TOKEN=<token> SLACK_SIGNING_SECRET=<secret> SLACK_API_URL=http://127.0.0.1:8082/api/ npm start
 *
 * Then type on this script's stdin; every line becomes a signed request to the app's
 * `/slack/events` (APP_URL, default http://127.0.0.1:3000):
 *   <vraag>          an @Wijkwijzer mention in #wijkteam (each in a new thread)
 *   !dm <vraag>      a direct message          !cmd <vraag>    the slash command /wijkwijzer
 *   !press <n>       press button n of the last answer with buttons
 *   !reason <tekst>  send the 👎 form with this explanation    !close   close the 👎 form
 * Every Web API call and response-URL post the app makes is printed.
 */
import { createInterface } from "node:readline";
import { startFakeSlackApi, type RecordedSlackCall } from "./fake-slack-api.js";
import { FAKE_SLACK_SIGNING_SECRET, eventCallback, interaction, postSigned, slashCommand, type SlackPost } from "./slack-signing.js";

interface Button {
  action_id: string;
  value?: string;
  text: { text: string };
}
interface Block {
  type: string;
  text?: { text: string };
  elements?: Array<Button & { text: { text: string } | string }>;
}

const port = Number(process.argv[2] ?? process.env.FAKE_SLACK_PORT ?? 8082);
const appUrl = `${process.env.APP_URL ?? "http://127.0.0.1:3000"}/slack/events`;
const secret = process.env.SLACK_SIGNING_SECRET ?? FAKE_SLACK_SIGNING_SECRET;
const fake = await startFakeSlackApi({ port });
const out = (line: string) => process.stdout.write(`${line}\n`);
const user = "U0PRO0001";
const channel = "C0WIJKTEAM";
let counter = 0;
let last: { buttons: Button[]; channel: string; threadTs?: string; ephemeral: boolean } | undefined;
let modal: { callback_id: string; private_metadata: string } | undefined;

out(`fake Slack Web API on ${fake.apiUrl}`);
out(`SLACK_BOT_TOKEN=${fake.token} SLACK_SIGNING_SECRET=${secret} SLACK_API_URL=${fake.apiUrl} npm start`);
out(`posting to ${appUrl}; type a question (or !dm, !cmd, !press <n>, !reason <tekst>, !close); Ctrl-D to quit`);

fake.onCall((call: RecordedSlackCall) => {
  const { method, body } = call;
  if (method === "auth.test") return out("<< auth.test (the app checked its token)");
  if (method === "views.open") {
    modal = body.view as typeof modal;
    return out("<< views.open: the 👎 form is open (!reason <tekst> or !close)");
  }
  const blocks = (body.blocks ?? []) as Block[];
  out(`\n<< ${method}${body.response_type ? ` (${body.response_type})` : ""}${body.thread_ts ? ` in thread ${body.thread_ts}` : ""}`);
  if (body.delete_original) return out("   (private message removed)");
  for (const block of blocks) {
    if (block.type === "section") out(block.text!.text);
    if (block.type === "context") out(block.elements!.map((e) => `   ${String(e.text)}`).join("\n"));
  }
  if (!blocks.length && body.text) out(String(body.text));
  const buttons = blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements as Button[]);
  if (buttons.length) {
    out(`   buttons: ${buttons.map((b, i) => `[${i + 1}] ${b.text.text}`).join("  ")}`);
    last = {
      buttons,
      channel: String(body.channel ?? channel),
      ...(body.thread_ts ? { threadTs: String(body.thread_ts) } : {}),
      ephemeral: method !== "chat.postMessage",
    };
  }
});

async function send(post: SlackPost): Promise<void> {
  try {
    const res = await postSigned(appUrl, post, secret);
    if (res.status !== 200) out(`!! the app answered HTTP ${res.status}`);
  } catch (error) {
    out(`!! could not reach ${appUrl}: ${(error as Error).message}`);
  }
}

const ts = () => `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, "0")}`;

function press(n: number): SlackPost | undefined {
  const button = last?.buttons[n - 1];
  if (!last || !button) return void out("!! no such button");
  const messageTs = ts();
  return interaction({
    type: "block_actions",
    team: { id: "T0TEAM001", domain: "wijkteam" },
    user: { id: user, username: "sanne" },
    api_app_id: "A0WIJKWIJZER",
    token: "legacy",
    container: { type: "message", message_ts: messageTs, channel_id: last.channel, is_ephemeral: last.ephemeral, ...(last.threadTs ? { thread_ts: last.threadTs } : {}) },
    trigger_id: `trigger-${counter}`,
    channel: { id: last.channel, name: "wijkteam" },
    ...(last.ephemeral ? {} : { message: { type: "message", ts: messageTs, ...(last.threadTs ? { thread_ts: last.threadTs } : {}) } }),
    response_url: fake.responseUrl(`press-${counter}`),
    actions: [{ type: "button", action_id: button.action_id, block_id: "b", value: button.value, action_ts: ts() }],
  });
}

function modalPost(type: "view_submission" | "view_closed", comment?: string): SlackPost | undefined {
  if (!modal) return void out("!! no form open");
  const values = comment ? { comment: { comment: { type: "plain_text_input", value: comment } } } : {};
  const view = { id: "V1", type: "modal", callback_id: modal.callback_id, private_metadata: modal.private_metadata, state: { values } };
  modal = undefined;
  return interaction({ type, team: { id: "T0TEAM001", domain: "wijkteam" }, user: { id: user, name: "sanne" }, api_app_id: "A0WIJKWIJZER", token: "legacy", view, is_cleared: false });
}

for await (const raw of createInterface({ input: process.stdin })) {
  const line = raw.trim();
  if (!line) continue;
  const [word, ...rest] = line.split(/\s+/);
  const text = rest.join(" ");
  let post: SlackPost | undefined;
  if (word === "!dm") {
    const t = ts();
    post = eventCallback({ type: "message", channel_type: "im", channel: "D0PRO0001", user, text, ts: t, event_ts: t }, `Ev${counter}`);
  } else if (word === "!cmd") {
    post = slashCommand({ command: "/wijkwijzer", text, user_id: user, user_name: "sanne", channel_id: channel, team_id: "T0TEAM001", response_url: fake.responseUrl(`cmd-${++counter}`), trigger_id: `trigger-${counter}` });
  } else if (word === "!press") post = press(Number(text));
  else if (word === "!reason") post = modalPost("view_submission", text);
  else if (word === "!close") post = modalPost("view_closed");
  else {
    const t = ts();
    post = eventCallback({ type: "app_mention", user, text: `<@UBOT0001> ${line}`, ts: t, channel, event_ts: t }, `Ev${counter}`);
  }
  if (post) await send(post);
}
await fake.close();
