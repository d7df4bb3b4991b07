import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TEXT_LANGUAGES } from "../../../src/core/language.js";
import { CATALOG_LANGUAGES } from "../../../src/core/text-catalog.js";

const DIR = "knowledge/texts";
const files = readdirSync(DIR).filter((f) => f.endsWith(".json"));
const read = (file: string) => JSON.parse(readFileSync(`${DIR}/${file}`, "utf8")) as unknown;

/** Every text by its dotted key ("core.buttons.person"); a list counts as one text per line. */
function flatten(value: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (typeof value === "string") out.set(prefix, value);
  else if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) if (k !== "$comment") flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Lists whose length may differ per language (words a resident may type). */
const FREE_LENGTH = /^handoff\.(yesWords|noWords)\[/;

const reference = flatten(read("nl.json"));

describe("the fixed texts in every language", () => {
  it("has a file for each language the core loads, and loads each file", () => {
    expect(files.map((f) => f.replace(".json", "")).sort()).toEqual([...CATALOG_LANGUAGES].sort());
    for (const language of ["en", "ar", "tr", "pl", "uk"]) expect(CATALOG_LANGUAGES).toContain(language);
    expect([...TEXT_LANGUAGES].sort()).toEqual([...CATALOG_LANGUAGES].sort());
  });

  const partial = (file: string) => typeof (read(file) as { $fallback?: unknown }).$fallback === "string";

  it.each(files.filter((f) => f !== "nl.json" && partial(f)))("%s (partial) has only keys of nl.json, with the same placeholders, and falls back to a full file", (file) => {
    const raw = read(file) as { $fallback: string };
    expect(files).toContain(`${raw.$fallback}.json`);
    expect(partial(`${raw.$fallback}.json`)).toBe(false);
    const texts = flatten(raw);
    texts.delete("$fallback");
    const extra = [...texts.keys()].filter((k) => !reference.has(k) && !FREE_LENGTH.test(k));
    expect(extra, `not in nl.json`).toEqual([]);
    for (const [key, text] of texts) {
      if (FREE_LENGTH.test(key)) continue;
      expect(placeholders(text), `${file} ${key}`).toEqual(placeholders(reference.get(key)!));
      expect(text.trim(), `${file} ${key} is empty`).not.toBe("");
    }
    // What a resident reads first and in a crisis is never left to the fallback.
    for (const key of ["core.welcome[0]", "core.notSure", "core.buttons.person", "crisis.opening", "crisis.emergency", "crisis.closing", "firstSteps.money[0]", "firstSteps.question", "listings.askPlace", "listings.inDutch", "handoff.consentAsk", "handoff.emergencyShort"]) {
      expect(texts.has(key), `${file} ${key}`).toBe(true);
    }
  });

  it.each(files.filter((f) => f !== "nl.json" && !partial(f)))("%s has every key of nl.json with the same placeholders, and nothing more", (file) => {
    const texts = flatten(read(file));
    const missing = [...reference.keys()].filter((k) => !texts.has(k) && !FREE_LENGTH.test(k));
    const extra = [...texts.keys()].filter((k) => !reference.has(k) && !FREE_LENGTH.test(k));
    expect(missing, `missing in ${file}`).toEqual([]);
    expect(extra, `not in nl.json`).toEqual([]);
    for (const [key, dutch] of reference) {
      if (FREE_LENGTH.test(key)) continue;
      const text = texts.get(key)!;
      expect(placeholders(text), `${file} ${key}`).toEqual(placeholders(dutch));
      expect(text.trim(), `${file} ${key} is empty`).not.toBe("");
    }
  });

  it.each(files)("%s keeps the Dutch emergency numbers in the crisis texts", (file) => {
    const texts = flatten(read(file));
    expect(texts.get("crisis.emergency")).toContain("112");
    expect(texts.get("crisis.suicideLine")).toContain("0800-0113");
    expect(texts.get("crisis.veiligThuis")).toContain("0800-2000");
    expect(texts.get("handoff.emergencyShort")).toMatch(/112[\s\S]*0800-0113/);
    for (const key of ["core.welcome[3]", "core.help[7]"]) expect(texts.get(key)).toContain("112");
  });

  it.each(files)("%s keeps the commands residents type (/vergeet, /mens, /stop, /privacy)", (file) => {
    const texts = flatten(read(file));
    expect(texts.get("core.welcome[4]")).toMatch(/\/vergeet[\s\S]*\/privacy/);
    expect(texts.get("core.help[3]")).toContain("/mens");
    expect(texts.get("handoff.stopHint")).toContain("/stop");
  });

  it.each(files.filter((f) => !partial(f)))("%s has a line for every empathy cue of knowledge/conversation/cues.json", (file) => {
    const cues = JSON.parse(readFileSync("knowledge/conversation/cues.json", "utf8")) as { empathy: Array<{ id: string }> };
    const texts = flatten(read(file));
    for (const { id } of cues.empathy) expect(texts.get(`empathy.${id}`), `${file} empathy.${id}`).toBeTruthy();
  });
});
