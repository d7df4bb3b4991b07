import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createSafetyCheck } from "../../../src/safety/safety-check.js";
import { knowledgeDir, safety } from "./safety-fixture.js";

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyOfKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), "wijkwijzer-safety-"));
  temps.push(dir);
  cpSync(join(knowledgeDir, "safety"), join(dir, "safety"), { recursive: true });
  return dir;
}

describe("safety lexicons", () => {
  it("are data: a phrase added to the file is detected", () => {
    const dir = copyOfKnowledge();
    const file = join(dir, "safety", "crisis.json");
    const lexicon = JSON.parse(readFileSync(file, "utf8"));
    lexicon.kinds.danger.phrases.nl.push("de dijk breekt");
    writeFileSync(file, JSON.stringify(lexicon));
    expect(safety.assess("de dijk breekt").crisis).toBeUndefined();
    expect(createSafetyCheck(dir).assess("de dijk breekt").crisis).toBe("danger");
  });

  it("a broken file names the file and the field", () => {
    const dir = copyOfKnowledge();
    const file = join(dir, "safety", "scope.json");
    const lexicon = JSON.parse(readFileSync(file, "utf8"));
    delete lexicon.inScope;
    writeFileSync(file, JSON.stringify(lexicon));
    expect(() => createSafetyCheck(dir)).toThrow(/scope\.json.*inScope/);
  });

  it("a missing or unreadable file says which", () => {
    const dir = copyOfKnowledge();
    writeFileSync(join(dir, "safety", "smalltalk.json"), "{ not json");
    expect(() => createSafetyCheck(dir)).toThrow(/smalltalk\.json/);
    expect(() => createSafetyCheck(join(dir, "nowhere"))).toThrow(/crisis\.json/);
  });

  it("explains which phrases counted", () => {
    expect(safety.explain("ik wil dood").crisis).toContain("ik|k|ikke wil|wou|will|wilde dood|dod|doot|dooood|sterven");
    // Concepts are shown as written in the lexicon, not expanded.
    expect(safety.explain("dood wil ik het liefst").crisis).toContain("& @ik @wens dood|sterven|doodgaan|overlijden");
    expect(safety.explain("wat is huiselijk geweld?").information).toEqual(["huiselijk|huislijk|huiselik geweld"]);
    expect(safety.explain("waar is het buurthuis")).toEqual({ crisis: [], information: [], concern: [], needsPerson: [] });
  });
});

describe("bad input", () => {
  it.each([
    ["empty", ""],
    ["white space", "   \n\t  "],
    ["emoji only", "😀😀🙏"],
    ["control characters", "\u0000\u0007hoi\u001b[31m\u202e"],
    ["SQL-like", "'); DROP TABLE messages;--"],
    ["very long", "ik zoek een activiteit in de buurt ".repeat(400)],
    ["one long word", "a".repeat(10_000)],
    ["lone surrogates", "\ud800\udc00\ud800"],
  ])("%s: never throws, and is no crisis", (_name, text) => {
    expect(() => safety.assess(text)).not.toThrow();
    expect(safety.assess(text).crisis).toBeUndefined();
  });

  it("a crisis at the start of a very long message is found", () => {
    expect(safety.assess(`ik wil dood. ${"bla ".repeat(3000)}`).crisis).toBe("suicide");
  });
});
