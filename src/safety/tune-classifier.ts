/**
 * Chooses the safety classifier's thresholds on its training data (cross-validation, see
 * `chooseThresholds`), and the situation reader's on the situations (`chooseSituationThresholds`), and
 * writes them into `knowledge/safety/classifier.json`.
 * Run after adding training examples or situations: `npx tsx src/safety/tune-classifier.ts [knowledgeDir]`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSafetyLexicons } from "./lexicons.js";
import { chooseThresholds, loadClassifierData } from "./safety-classifier.js";
import { chatWordMap } from "./safety-check.js";
import { chooseSituationThresholds, loadSituationExamples, loadSituationSettings } from "./situation-reader.js";

const knowledgeDir = process.argv[2] ?? "knowledge";
const chatWords = chatWordMap(loadSafetyLexicons(knowledgeDir).chatWords);
const { examples, settings } = loadClassifierData(knowledgeDir);
const { thresholds, recall } = chooseThresholds(examples, settings, chatWords);
const situationSettings = loadSituationSettings(knowledgeDir);
const situations = loadSituationExamples(knowledgeDir);
const situation = chooseSituationThresholds(examples, situations, settings.model, situationSettings, chatWords);
const path = join(knowledgeDir, "safety", "classifier.json");
const file = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown> & { situations: Record<string, unknown> };
file.thresholds = thresholds;
file.situations.thresholds = situation.thresholds;
writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
console.log(
  JSON.stringify(
    { examples: examples.length, thresholds, outOfFoldRecall: recall, situations: situations.length, situationThresholds: situation.thresholds, situationRecall: situation.recall },
    null,
    2,
  ),
);
