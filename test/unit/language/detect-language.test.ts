import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveLanguage, textLanguageOf } from "../../../src/core/language.js";
import { loadLanguageDetector } from "../../../src/language/detect-language.js";

const detector = loadLanguageDetector("knowledge");

interface Case {
  text: string;
  expect: string;
  previous?: string;
}

function load(name: string): Case[] {
  return readFileSync(`test/fixtures/${name}`, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Case);
}

function accuracy(cases: Case[]): { overall: number; byLanguage: Map<string, number>; misses: string[] } {
  const totals = new Map<string, [number, number]>();
  const misses: string[] = [];
  for (const c of cases) {
    const got = resolveLanguage(detector.detect(c.text), c.previous);
    const key = c.previous ? "conversation" : c.expect;
    const [ok, all] = totals.get(key) ?? [0, 0];
    totals.set(key, [ok + (got === c.expect ? 1 : 0), all + 1]);
    if (got !== c.expect) misses.push(`${c.text} → ${got} (want ${c.expect})`);
  }
  const byLanguage = new Map([...totals].map(([k, [ok, all]]) => [k, ok / all]));
  return { overall: 1 - misses.length / cases.length, byLanguage, misses };
}

describe("language detection on residents' messages", () => {
  // Written as residents write: short and long, typos, no accents, mixed Dutch and English, replies.
  it.each(["languages.jsonl", "languages-heldout.jsonl"])("holds the accuracy floor on %s", (file) => {
    const { overall, byLanguage, misses } = accuracy(load(file));
    expect(overall, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
    for (const language of ["nl", "en", "ar", "tr", "pl", "uk", "conversation"]) {
      expect(byLanguage.get(language) ?? 0, `${language}: ${misses.join("\n")}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it.each(["ok", "ja", "dank je", "3701 AB", "Zeist", "help", "👍", "", "/start", "https://example.org"])(
    "keeps Dutch for %j in a new conversation and the conversation's language in an Arabic one",
    (text) => {
      expect(resolveLanguage(detector.detect(text), undefined)).toBe("nl");
      expect(resolveLanguage(detector.detect(text), "ar")).toBe("ar");
    },
  );

  it("switches when the resident clearly writes another language", () => {
    expect(resolveLanguage(detector.detect("Waar kan ik koffie drinken in de buurt?"), "en")).toBe("nl");
    expect(resolveLanguage(detector.detect("where can I find help with my letters"), "nl")).toBe("en");
    expect(resolveLanguage(detector.detect("شكرا"), "nl")).toBe("ar");
  });

  it("tells languages of one script apart by their letters", () => {
    expect(detector.detect("дякую").language).toBe("uk");
    expect(detector.detect("спасибо, это бесплатно?").language).toBe("ru");
    expect(detector.detect("چه چیزی برای بچه ها هست").language).toBe("fa");
    expect(detector.detect("هل يوجد درس غدا").language).toBe("ar");
    expect(detector.detect("ሓገዝ የድልየኒ").language).toBe("ti");
  });

  it("keeps the conversation's language (or Dutch) on a greeting Dutch residents use", () => {
    for (const text of ["yo", "hey", "hoi hoi", "goeiedag", "goedemiddag"]) {
      expect(resolveLanguage(detector.detect(text), "en"), text).toBe("en");
      expect(resolveLanguage(detector.detect(text), undefined), text).toBe("nl");
    }
  });

  it("tells Somali by its words, which the n-gram tables do not know", () => {
    expect(detector.detect("waxaan rabaa inaan barto af holandi zeist").language).toBe("so");
    expect(detector.detect("ma haysto lacag aan cunto ku iibsado").language).toBe("so");
  });

  it("maps a platform language tag to a language the texts exist in", () => {
    expect(textLanguageOf("en-GB")).toBe("en");
    expect(textLanguageOf("uk")).toBe("uk");
    expect(textLanguageOf("ja")).toBeUndefined();
    expect(textLanguageOf(undefined)).toBeUndefined();
  });
});
