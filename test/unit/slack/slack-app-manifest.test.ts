import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SLACK_EVENTS_PATH } from "../../../src/channels/slack/slack-app.js";
import { SLASH_COMMAND } from "../../../src/channels/slack/slack-command.js";

const manifest = JSON.parse(readFileSync(new URL("../../../src/channels/slack/slack-app-manifest.json", import.meta.url), "utf8")) as {
  features: { slash_commands: Array<{ command: string; url: string }>; bot_user: { display_name: string } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string }; socket_mode_enabled: boolean };
};

describe("Slack app manifest", () => {
  it("sends events, the slash command and button presses to the one endpoint the app serves", () => {
    const urls = [manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url, ...manifest.features.slash_commands.map((c) => c.url)];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it("declares the slash command the app listens to", () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
  });

  it("subscribes to the events the adapter handles, with the scopes they need", () => {
    const { bot_events } = manifest.settings.event_subscriptions;
    const scopes = manifest.oauth_config.scopes.bot;
    const needs: Record<string, string> = {
      app_mention: "app_mentions:read",
      "message.im": "im:history",
      "message.channels": "channels:history",
      "message.groups": "groups:history",
    };
    expect(bot_events).toEqual(expect.arrayContaining(["app_mention", "message.im"]));
    for (const event of bot_events) expect(scopes).toContain(needs[event]);
    expect(scopes).toEqual(expect.arrayContaining(["chat:write", "commands"]));
  });
});
