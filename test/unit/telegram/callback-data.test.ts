import { describe, expect, it } from "vitest";
import { CALLBACK_DATA_LIMIT, createCallbackDataCodec } from "../../../src/channels/telegram/callback-data.js";

describe("callback data codec", () => {
  it("encodes <actionId>:<value> and decodes it back", () => {
    const codec = createCallbackDataCodec();
    expect(codec.encode({ id: "feedback_up", value: "123" })).toBe("feedback_up:123");
    expect(codec.decode("feedback_up:123")).toEqual({ id: "feedback_up", value: "123" });
    expect(codec.encode({ id: "forget_confirm" })).toBe("forget_confirm");
    expect(codec.decode("forget_confirm")).toEqual({ id: "forget_confirm" });
    expect(codec.decode("handoff_claim:t:1:2")).toEqual({ id: "handoff_claim", value: "t:1:2" });
  });

  it("stays within Telegram's 64-byte limit for long values and still round-trips them", () => {
    const codec = createCallbackDataCodec();
    const value = "ticket-".repeat(20) + "ë".repeat(10);
    const data = codec.encode({ id: "handoff_claim", value });
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
    expect(codec.decode(data)).toEqual({ id: "handoff_claim", value });
  });

  it("rejects data that is not ours", () => {
    const codec = createCallbackDataCodec();
    expect(codec.decode("not ours!")).toBeNull();
    expect(codec.decode("handoff_claim:~unknownhash")).toBeNull();
    expect(() => codec.encode({ id: "bad id" })).toThrow(/button id/);
  });
});
