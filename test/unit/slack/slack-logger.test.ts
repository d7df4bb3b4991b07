import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createBoltLogger } from "../../../src/channels/slack/slack-logger.js";
import { createLogger } from "../../../src/log/logger.js";

function capture(level = "debug") {
  const lines: string[] = [];
  const logger = createLogger(level, new Writable({ write(chunk, _e, cb) { lines.push(String(chunk)); cb(); } }));
  return { lines, bolt: createBoltLogger(logger) };
}

describe("Bolt logger", () => {
  it("never writes request or response bodies (they hold message text)", () => {
    const { lines, bolt } = capture();
    bolt.debug('http request body: {"text":"Mijn buurvrouw Jansen heeft schulden"}');
    bolt.debug("http request result: {\"ok\":true}");
    expect(lines.join("")).not.toContain("Jansen");
    expect(lines.join("")).toContain("http request body: [not logged]");
  });

  it("scrubs tokens and personal data from Bolt's free-text lines", () => {
    const { lines, bolt } = capture();
    bolt.error("failed with token xoxb-1234-5678-abcdef for piet@example.org", new Error("boom xapp-1-A1-2-secret"));
    const out = lines.join("");
    expect(out).not.toMatch(/xoxb-|xapp-|piet@example\.org/);
    expect(out).toContain("[token]");
  });

  it("follows the app's log level", () => {
    const { lines, bolt } = capture("warn");
    bolt.info("not shown");
    bolt.warn("shown");
    expect(lines).toHaveLength(1);
    expect(bolt.getLevel()).toBe("warn");
  });
});
