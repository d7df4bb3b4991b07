import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createSafetyReplies, loadSafetyReplies } from "../../../src/safety/replies.js";
import { knowledgeDir, safety } from "./safety-fixture.js";

const replies = createSafetyReplies(loadSafetyReplies(knowledgeDir));
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("safety replies", () => {
  it("exist in every language the bot reads", () => {
    expect(replies.languages()).toEqual(expect.arrayContaining(["nl", "en", "ar", "tr", "pl", "uk", "ru", "fa", "ti", "so", "es", "fr", "de"]));
  });

  it.each(["nl", "en", "ar", "tr", "pl", "uk", "ru", "fa", "ti", "so", "es", "fr", "de"])("%s: every tier keeps the Dutch numbers", (lang) => {
    expect(replies.reply("acute", lang).split("\n")[0]).toContain("112");
    expect(replies.reply("suicide", lang).split("\n")[0]).toMatch(/113.*0800-0113/);
    expect(replies.reply("unsafe_home", lang)).toContain("0800-2000");
    expect(replies.reply("concern", lang)).toMatch(/0900-0767|088-0767000/);
    expect(replies.reply("information", lang, ["unsafe_home"])).toContain("0800-2000");
    expect(replies.reply("suicide", lang, ["unsafe_home"]).split("\n\n")[1]).toContain("0800-2000");
  });

  it("an unknown language gets Dutch; regional codes and aliases find their language", () => {
    expect(replies.reply("acute", "xx")).toBe(replies.reply("acute", "nl"));
    expect(replies.reply("acute", "en-GB")).toBe(replies.reply("acute", "en"));
    expect(replies.reply("acute", "prs")).toBe(replies.reply("acute", "fa"));
  });

  it("the safety check hands the same texts out (safetyReply for other capabilities)", () => {
    expect(safety.reply("suicide", "tr")).toBe(replies.reply("suicide", "tr"));
  });

  it("a translation that drops a number is refused at start, naming the place", () => {
    const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-replies-"));
    temps.push(dir);
    cpSync(join(knowledgeDir, "safety"), join(dir, "safety"), { recursive: true });
    const file = join(dir, "safety", "replies.json");
    const data = JSON.parse(readFileSync(file, "utf8"));
    data.languages.pl.suicide = ["Zadzwoń do nas."];
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadSafetyReplies(dir)).toThrow(/languages\.pl\.suicide.*113/);
  });

  it.each(["nl", "en", "ar", "tr", "pl", "uk", "ru", "fa", "ti", "so", "es", "fr", "de"])("%s: the crisis follow-ups keep 113, and the second wording differs", (lang) => {
    for (const kind of ["cannotCall", "whatHappens", "private", "thanks"] as const) expect(replies.followUp!(kind, lang)).toMatch(/\b113\b[^]*0800-0113|0800-0113[^]*\b113\b/);
    expect(replies.followUp!("cannotCall", lang)).toContain("113.nl");
    expect(replies.followUp!("again2", lang, "suicide")).not.toBe(replies.followUp!("again", lang, "suicide"));
    // A tier without a second wording falls back to the first (the assistant then says the whole text).
    expect(replies.followUp!("again2", lang, "acute")).toBe(replies.followUp!("again", lang, "acute"));
  });

  it.each([
    ["cannotCall", "113.nl"],
    ["private", "0800-0113"],
  ])("a follow-up %s that drops %s is refused at start", (kind, number) => {
    const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-replies-"));
    temps.push(dir);
    cpSync(join(knowledgeDir, "safety"), join(dir, "safety"), { recursive: true });
    const file = join(dir, "safety", "replies.json");
    const data = JSON.parse(readFileSync(file, "utf8"));
    data.languages.tr.followUp[kind] = data.languages.tr.followUp[kind].map((line: string) => line.split(number).join(""));
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadSafetyReplies(dir)).toThrow(new RegExp(`languages\\.tr\\.followUp\\.${kind}`));
  });

  it("a second wording of the numbers that drops one is refused at start", () => {
    const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-replies-"));
    temps.push(dir);
    cpSync(join(knowledgeDir, "safety"), join(dir, "safety"), { recursive: true });
    const file = join(dir, "safety", "replies.json");
    const data = JSON.parse(readFileSync(file, "utf8"));
    data.languages.fa.followUp.again2.suicide = ["Call 113."];
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadSafetyReplies(dir)).toThrow(/languages\.fa\.followUp\.again2\.suicide.*0800-0113/);
  });
});
