/**
 * Chooses the safety classifier's thresholds on its training data (cross-validation, see
 * `chooseThresholds`) and writes them into `knowledge/safety/classifier.json`.
 * Run after adding training examples: `npx tsx src/safety/tune-classifier.ts [knowledgeDir]`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSafetyLexicons } from "./lexicons.js";
import { chooseThresholds, loadClassifierData } from "./safety-classifier.js";
import { chatWordMap } from "./safety-check.js";

const knowledgeDir = process.argv[2] ?? "knowledge";
const { examples, settings } = loadClassifierData(knowledgeDir);
const { thresholds, recall } = chooseThresholds(examples, settings, chatWordMap(loadSafetyLexicons(knowledgeDir).chatWords));
const path = join(knowledgeDir, "safety", "classifier.json");
const file = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
file.thresholds = thresholds;
writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
console.log(JSON.stringify({ examples: examples.length, thresholds, outOfFoldRecall: recall }, null, 2));
