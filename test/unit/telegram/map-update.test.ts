import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { createCallbackDataCodec } from "../../../src/channels/telegram/callback-data.js";
import { toInboundMessage } from "../../../src/channels/telegram/map-update.js";
import { FAKE_BOT_INFO } from "../../support/fake-telegram-api.js";
import {
  callbackUpdate,
  documentUpdate,
  editedTextUpdate,
  groupTextUpdate,
  locationUpdate,
  photoUpdate,
  stickerUpdate,
  textUpdate,
  videoUpdate,
  voiceUpdate,
} from "../../support/telegram-updates.js";

const now = new Date("2026-03-02T10:00:00Z");
const codec = createCallbackDataCodec();
const map = (update: Omit<Update, "update_id">) => toInboundMessage({ ...update, update_id: 1 } as Update, { me: FAKE_BOT_INFO, codec, now });
const fatima = { id: 777 };

describe("toInboundMessage", () => {
  it("maps a private text message to a resident message", () => {
    const inbound = map(textUpdate(fatima, "Waar kan ik koffie drinken?"));
    expect(inbound).toMatchObject({
      channel: "telegram",
      conversationId: "telegram:777",
      userId: "telegram:777",
      persona: "resident",
      text: "Waar kan ik koffie drinken?",
      receivedAt: now,
    });
  });

  it("marks photos, voice notes, stickers, documents and videos as unsupported, keeping a caption", () => {
    expect(map(photoUpdate(fatima, "wat staat hier?"))).toMatchObject({ unsupported: "photo", text: "wat staat hier?" });
    expect(map(voiceUpdate(fatima))?.unsupported).toBe("voice");
    expect(map(stickerUpdate(fatima))?.unsupported).toBe("sticker");
    expect(map(documentUpdate(fatima))?.unsupported).toBe("document");
    expect(map(videoUpdate(fatima))?.unsupported).toBe("video");
  });

  it("maps a shared location", () => {
    expect(map(locationUpdate(fatima, 52.09, 5.23))).toMatchObject({ location: { lat: 52.09, lon: 5.23 }, text: "" });
  });

  it("handles an edited message as new text, with its own id", () => {
    const inbound = map(editedTextUpdate(fatima, 55, "sorry, ik bedoel: sporten"));
    expect(inbound?.text).toBe("sorry, ik bedoel: sporten");
    expect(inbound?.id).toMatch(/^55\.\d+$/);
  });

  it("decodes a button press into an action", () => {
    const inbound = map(callbackUpdate(fatima, "feedback_up:42"));
    expect(inbound).toMatchObject({ action: { id: "feedback_up", value: "42" }, text: "", conversationId: "telegram:777" });
    expect(map(callbackUpdate(fatima, "??? not ours"))).toBeNull();
  });

  it("in groups answers only when mentioned or replied to, and strips the mention", () => {
    expect(map(groupTextUpdate(fatima, "wat is de sociale basis?", { chatId: -100 }))).toBeNull();
    const mentioned = map(groupTextUpdate(fatima, "wat is de sociale basis?", { chatId: -100, mention: true }));
    // Each member has their own conversation in a group.
    expect(mentioned).toMatchObject({ conversationId: "telegram:-100:777", userId: "telegram:777", inGroup: true, text: "wat is de sociale basis?" });
    expect(map(groupTextUpdate(fatima, "en voor ouderen?", { chatId: -100, replyToBotMessageId: 5 }))?.text).toBe("en voor ouderen?");
  });

  it("ignores messages from bots and updates without content", () => {
    const fromBot = textUpdate(fatima, "hallo") as { message: { from: { is_bot: boolean } } };
    fromBot.message.from.is_bot = true;
    expect(map(fromBot as unknown as Omit<Update, "update_id">)).toBeNull();
    expect(map({ my_chat_member: undefined } as unknown as Omit<Update, "update_id">)).toBeNull();
  });
});
