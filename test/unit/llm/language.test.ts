import { describe, expect, it } from "vitest";
import { languageName, loadLanguageDetector } from "../../../src/answer/language.js";

const detectLanguage = await loadLanguageDetector();

describe("detectLanguage", () => {
  it.each([
    "en voor kinderen?",
    "hoe laat is dat?",
    "Waar kan ik koffie drinken?",
    "Ik zoek een maatje voor mijn moeder",
    "Wat is de sociale basis?",
    "buurthuis",
  ])("finds Dutch in %j", (text) => {
    expect(detectLanguage(text)).toBe("nl");
  });

  it.each(["ja", "ok", "hallo", "help", "", "👍", "3701 AB", "https://example.org"])("defaults to Dutch for short or empty %j", (text) => {
    expect(detectLanguage(text)).toBe("nl");
  });

  it.each([
    ["Where can I get help with my debts?", "en"],
    ["Nerede Türkçe konuşan bir kahve sabahı var?", "tr"],
    ["أين يمكنني الحصول على مساعدة في الحي؟", "ar"],
    ["Gdzie mogę znaleźć pomoc w mojej okolicy?", "pl"],
    ["Gibt es hier einen Treffpunkt für Senioren?", "de"],
  ])("finds the language of %j", (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

describe("languageName", () => {
  it("names languages in English for the prompt, and keeps unknown codes", () => {
    expect(languageName("nl")).toBe("Dutch");
    expect(languageName("tr")).toBe("Turkish");
    expect(languageName("not a code!")).toBe("not a code!");
  });
});
