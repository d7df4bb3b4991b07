/**
 * Trains the safety classifier and saves it (`$DATA_DIR/index/safety-model.bin`), run as its own
 * process by {@link openSafetyClassifier} when the saved model is stale: training allocates tens of
 * megabytes for a moment, and a long-running server should not keep that peak.
 * Usage: node --import tsx src/safety/train-safety-model.ts KNOWLEDGE_DIR MODEL_DIR
 */
import { openSafetyClassifier } from "./classifier-store.js";
import { loadSafetyLexicons } from "./lexicons.js";
import { chatWordMap } from "./safety-check.js";

const [knowledgeDir, dir] = process.argv.slice(2);
if (!knowledgeDir || !dir) {
  process.stderr.write("Gebruik: train-safety-model KNOWLEDGE_DIR MODEL_DIR\n");
  process.exit(2);
}
openSafetyClassifier(knowledgeDir, chatWordMap(loadSafetyLexicons(knowledgeDir).chatWords), { dir, rebuild: true, inProcess: true });
