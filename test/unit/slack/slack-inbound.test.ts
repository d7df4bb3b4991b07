import { describe, expect, it } from "vitest";
import { parseSlackConversationId, threadConversationId } from "../../../src/channels/slack/slack-conversation.js";
import { describeSlackError, SlackDeliveryError } from "../../../src/channels/slack/slack-errors.js";
import { hasQuestion, slackTextToPlain, toInbound } from "../../../src/channels/slack/slack-inbound.js";

describe("Slack text to plain text", () => {
  it("drops the bot mention and makes other markup readable", () => {
    expect(slackTextToPlain("<@UBOT> wat is de <https://movisie.nl|sociale basis>?", "UBOT")).toBe("wat is de sociale basis?");
    expect(slackTextToPlain("<@UBOT|wijkwijzer> vraag van <@U123> in <#C1|wijkteam> &amp; &lt;jeugd&gt;", "UBOT")).toBe(
      "vraag van @collega in #wijkteam & <jeugd>",
    );
    expect(slackTextToPlain("<!here> zie <https://example.org/a>", "UBOT")).toBe("@here zie https://example.org/a");
  });

  it("knows when there is no question", () => {
    expect(hasQuestion(slackTextToPlain("<@UBOT>   ", "UBOT"))).toBe(false);
    expect(hasQuestion("👍 !!")).toBe(false);
    expect(hasQuestion("wmo?")).toBe(true);
  });

  it("maps to a professional's inbound message", () => {
    const at = new Date("2026-01-05T10:00:00Z");
    expect(toInbound({ id: "1.2", conversationId: "slack:D1", user: "U9", text: "vraag", receivedAt: at })).toEqual({
      id: "1.2",
      channel: "slack",
      conversationId: "slack:D1",
      userId: "slack:U9",
      persona: "professional",
      text: "vraag",
      receivedAt: at,
    });
  });
});

describe("Slack conversation ids", () => {
  it("round-trips channel and thread", () => {
    expect(parseSlackConversationId(threadConversationId("C0ABC", "1700000000.000100"))).toEqual({ channel: "C0ABC", threadTs: "1700000000.000100" });
    expect(parseSlackConversationId("slack:D0ABC")).toEqual({ channel: "D0ABC" });
    expect(parseSlackConversationId("slack:U0ABC")).toEqual({ channel: "U0ABC" });
  });

  it("rejects what is not a Slack address", () => {
    for (const bad of ["telegram:123", "slack:", "slack:c1", "slack:C1:abc", "slack:C1:1.2:3", "slack:C1:<x>"]) {
      expect(parseSlackConversationId(bad)).toBeNull();
    }
  });
});

describe("Slack errors", () => {
  it("classifies Web API failures", () => {
    expect(describeSlackError({ code: "slack_webapi_platform_error", data: { error: "channel_not_found" } })).toEqual({ code: "channel_not_found", retryable: false });
    expect(describeSlackError({ code: "slack_webapi_rate_limited_error", retryAfter: 3 })).toEqual({ code: "rate_limited", retryable: true, retryAfterSeconds: 3 });
    expect(describeSlackError({ code: "slack_webapi_http_error", statusCode: 503 })).toEqual({ code: "http_503", retryable: true });
    expect(describeSlackError({ code: "slack_webapi_http_error", statusCode: 404 })).toEqual({ code: "http_404", retryable: false });
    expect(describeSlackError(new SlackDeliveryError({ code: "not_in_channel", retryable: false }, "x"))).toEqual({ code: "not_in_channel", retryable: false });
    expect(describeSlackError(new Error("boom"))).toEqual({ code: "unknown", retryable: false });
  });
});
