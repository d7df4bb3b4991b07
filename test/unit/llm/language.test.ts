import { describe, expect, it } from "vitest";
import { languageName } from "../../../src/answer/language.js";

// Detecting the language is tested in test/unit/language/.
describe("languageName", () => {
  it("names languages in English for the prompt, and keeps unknown codes", () => {
    expect(languageName("nl")).toBe("Dutch");
    expect(languageName("tr")).toBe("Turkish");
    expect(languageName("not a code!")).toBe("not a code!");
  });
});
