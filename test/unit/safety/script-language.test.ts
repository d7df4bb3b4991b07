import { describe, expect, it } from "vitest";
import { sameScript, scriptLanguage } from "../../../src/safety/script-language.js";
import { safety } from "./safety-fixture.js";

describe("script language", () => {
  it.each([
    ["ما هو Veilig Thuis؟", "ar"],
    ["من خیلی تنهام", "fa"],
    ["що таке Veilig Thuis?", "uk"],
    ["мой муж не дышит", "ru"],
    ["ክሞት እደሊ እየ", "ti"],
    ["wat is Veilig Thuis?", undefined],
    ["mijn buurvrouw uit Kyiv heet Оля, ze zoekt een taalcafé in de buurt", undefined],
  ])("%s → %s", (text, lang) => {
    expect(scriptLanguage(text)).toBe(lang);
  });

  it("groups languages by script", () => {
    expect(sameScript("fa", "ar")).toBe(true);
    expect(sameScript("nl", "ar")).toBe(false);
  });

  it("a Latin-script service name in an Arabic question gets the Arabic reply language", () => {
    expect(safety.assess("ما هو Veilig Thuis؟")).toMatchObject({ information: ["unsafe_home"], language: "ar" });
  });
});
