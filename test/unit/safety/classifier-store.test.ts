import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MODEL_FILE, readSafetyModel, safetyModelKey } from "../../../src/safety/classifier-store.js";
import { loadSafetyLexicons } from "../../../src/safety/lexicons.js";
import { chatWordMap, createSafetyCheck } from "../../../src/safety/safety-check.js";
import { knowledgeDir, safety } from "./safety-fixture.js";

/** The trained safety model saved beside the retrieval index: read back the same, retrained when stale or damaged. */

const work = mkdtempSync(join(tmpdir(), "wijkwijzer-safety-model-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const chatWords = chatWordMap(loadSafetyLexicons(knowledgeDir).chatWords);
const messages = [
  "ik wil er niet meer zijn",
  "mijn man slaat me soms als hij gedronken heeft",
  "waar kan ik terecht met vragen over mijn huur",
  "ik voel me al weken zo leeg en alleen",
  "hoe praat ik met iemand die depressief is",
];
const probabilities = (check: ReturnType<typeof createSafetyCheck>, text: string) => check.classify(text)?.classification.ranked;

describe("the saved safety model", () => {
  const dir = join(work, "index");
  const path = join(dir, MODEL_FILE);

  it("is written at the first start and read back as Float32 weights that classify as the model trained in memory", () => {
    const first = createSafetyCheck(knowledgeDir, { dir });
    const key = safetyModelKey(knowledgeDir, chatWords)!;
    const saved = readSafetyModel(path, key);
    expect(saved).not.toBeNull();
    for (const part of [saved?.bayes, saved?.logistic]) if (part) expect(part.weights).toBeInstanceOf(Float32Array);
    const second = createSafetyCheck(knowledgeDir, { dir });
    for (const text of messages) {
      expect(probabilities(first, text)).toEqual(probabilities(safety, text));
      expect(probabilities(second, text)).toEqual(probabilities(safety, text));
    }
  });

  it("is not taken when its key differs or the file is damaged, and a start then trains and saves it again", () => {
    expect(readSafetyModel(path, "another key")).toBeNull();
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, whole.length >> 1));
    expect(readSafetyModel(path, safetyModelKey(knowledgeDir, chatWords)!)).toBeNull();
    const check = createSafetyCheck(knowledgeDir, { dir });
    expect(statSync(path).size).toBe(whole.length);
    expect(readSafetyModel(path, safetyModelKey(knowledgeDir, chatWords)!)).not.toBeNull();
    expect(probabilities(check, messages[0]!)).toEqual(probabilities(safety, messages[0]!));
  });

  it("has a key that changes with the training file, the settings and the chat-word fold", () => {
    const copy = join(work, "knowledge");
    mkdirSync(join(copy, "safety"), { recursive: true });
    for (const file of ["classifier-training.json", "classifier.json"]) copyFileSync(join(knowledgeDir, "safety", file), join(copy, "safety", file));
    const key = safetyModelKey(copy, chatWords);
    expect(key).toBe(safetyModelKey(knowledgeDir, chatWords));
    expect(safetyModelKey(copy, new Map([...chatWords, ["zoooo", "zo"]]))).not.toBe(key);
    const settings = JSON.parse(readFileSync(join(copy, "safety", "classifier.json"), "utf8")) as { model: { epochs: number } };
    settings.model.epochs += 1;
    writeFileSync(join(copy, "safety", "classifier.json"), JSON.stringify(settings));
    const changedSettings = safetyModelKey(copy, chatWords);
    expect(changedSettings).not.toBe(key);
    const training = JSON.parse(readFileSync(join(copy, "safety", "classifier-training.json"), "utf8")) as { classes: { ordinary: Record<string, string[]> } };
    training.classes.ordinary.nl!.push("waar is de bibliotheek in de wijk");
    writeFileSync(join(copy, "safety", "classifier-training.json"), JSON.stringify(training));
    expect(safetyModelKey(copy, chatWords)).not.toBe(changedSettings);
  });
});
