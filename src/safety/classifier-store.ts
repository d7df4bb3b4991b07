/**
 * The trained safety classifier on disk, `$DATA_DIR/index/safety-model.bin` (and the situation model,
 * `situation-model.bin`), so a start reads it in one go
 * instead of training (the training file stays the source of truth). The file is keyed by a hash of the
 * training file, `classifier.json`, the chat-word fold and {@link MODEL_FORMAT}: when any of them changes
 * the model is trained again and the file rewritten. Written to a temporary file and renamed, so a
 * half-written model is never read.
 *
 * Layout: "WWSM", the format (uint32 LE), the header length (uint32 LE), a JSON header (key, kind, labels,
 * where each array is), then the arrays, each at a multiple of 8 bytes: Float32 weights, Uint8 `seen`,
 * Float64 bias.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createHash, randomBytes } from "node:crypto";
import { closeSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { tmpdir } from "node:os";
import {
  classifierFiles,
  loadClassifierData,
  loadClassifierSettings,
  safetyClassifierFromModel,
  trainSafetyModel,
  type SafetyClassifier,
  type TrainedModel,
} from "./safety-classifier.js";
import { FEATURE_BUCKETS, type LogisticModel, type NaiveBayesModel } from "./text-classifier.js";
import { loadSituationExamples, loadSituationSettings, situationReaderFromModel, situationsFile, trainSituationModel } from "./situation-reader.js";

/** Raise when the features, the training or this layout change in a way the key cannot see. */
export const MODEL_FORMAT = 1;
export const MODEL_FILE = "safety-model.bin";
export const SITUATION_MODEL_FILE = "situation-model.bin";
const MAGIC = "WWSM";

export interface ClassifierStoreOptions {
  /** Where the model is kept (`$DATA_DIR/index`); without it the model is trained in memory. */
  dir?: string;
  /** Train and save again even when the saved model is current (`wijkwijzer index`). */
  rebuild?: boolean;
  /** Train in this process, not in a child process (the child itself, and the fallback). */
  inProcess?: boolean;
}

/**
 * Trains and saves the model in a child process, so this process never holds training's memory peak.
 * False when that did not work (then the caller trains in memory).
 */
function trainInChild(knowledgeDir: string, dir: string): boolean {
  try {
    const script = fileURLToPath(new URL("./train-safety-model.ts", import.meta.url));
    const loader = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;
    const run = spawnSync(process.execPath, ["--import", loader, script, knowledgeDir, dir], { stdio: ["ignore", "ignore", "pipe"], timeout: 120_000 });
    return run.status === 0;
  } catch {
    return false;
  }
}

/**
 * The safety classifier: the saved models when they are current, else trained (and saved when there is a
 * `dir`). Two models: the sentence model of `classifier-training.json` and the situation model, which also
 * reads the whole messages of `situations.json` (`situation-reader.ts`).
 *
 * A trained model is also kept under its key in a cache shared by every process on the machine
 * (`<tmpdir>/wijkwijzer-models/`): the same knowledge gives the same model, so a second data dir, a test or a
 * tool reads it instead of training again (the models hold no personal data). `rebuild` ignores the cache.
 */
export function openSafetyClassifier(
  knowledgeDir: string,
  chatWords: ReadonlyMap<string, string>,
  options: ClassifierStoreOptions = {},
): SafetyClassifier {
  const settings = loadClassifierSettings(knowledgeDir);
  const files = classifierFiles(knowledgeDir);
  const saved = (file: string, sources: string[]) => {
    const key = modelKey(sources, chatWords);
    const path = options.dir ? join(options.dir, file) : undefined;
    const shared = key ? join(SHARED_CACHE, `${file.replace(/\.bin$/, "")}-${key.slice(0, 32)}.bin`) : undefined;
    let model = path && key && !options.rebuild ? readSafetyModel(path, key) : null;
    if (!model && shared && key && !options.rebuild) {
      model = readSafetyModel(shared, key);
      if (model && path) keep(path, key, model);
    }
    return { key, path, shared, model };
  };
  const sentence = saved(MODEL_FILE, [files.training, files.settings]);
  const situation = saved(SITUATION_MODEL_FILE, [files.training, situationsFile(knowledgeDir), files.settings]);
  if ((!sentence.model || !situation.model) && options.dir && !options.inProcess && trainInChild(knowledgeDir, options.dir)) {
    for (const part of [sentence, situation]) part.model ??= part.path && part.key ? readSafetyModel(part.path, part.key) : null;
  }
  // Read once, for whichever models must be trained.
  let examples: ReturnType<typeof loadClassifierData>["examples"] | undefined;
  const sentences = () => (examples ??= loadClassifierData(knowledgeDir).examples);
  const trained = (part: typeof sentence, train: () => TrainedModel): TrainedModel => {
    if (part.model) return part.model;
    const model = train();
    if (part.key) for (const at of [part.path, part.shared]) if (at) keep(at, part.key, model);
    if (part.shared) prune(part.shared);
    return model;
  };
  const sentenceModel = trained(sentence, () => trainSafetyModel(sentences(), settings, chatWords));
  const situationModel = trained(situation, () => trainSituationModel(sentences(), loadSituationExamples(knowledgeDir), settings.model, chatWords));
  return { ...safetyClassifierFromModel(sentenceModel, settings.thresholds), situation: situationReaderFromModel(situationModel, loadSituationSettings(knowledgeDir)) };
}

/** Where trained models are shared between processes, by key. */
const SHARED_CACHE = join(tmpdir(), "wijkwijzer-models");

/** How many models of one kind the shared cache keeps (the newest): older knowledge is not read again. */
const SHARED_KEPT = 4;

/** Removes the oldest models of the kind of `path` from the shared cache, beyond {@link SHARED_KEPT}. */
function prune(path: string): void {
  try {
    const dir = dirname(path);
    const kind = basename(path).replace(/-[0-9a-f]+\.bin$/, "-");
    const models = readdirSync(dir)
      .filter((name) => name.startsWith(kind) && name.endsWith(".bin"))
      .map((name) => ({ path: join(dir, name), at: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of models.slice(SHARED_KEPT)) rmSync(old.path, { force: true });
  } catch {
    // Another process pruned at the same time, or the cache is not writable: nothing to do.
  }
}

/** Saves a model; a model that cannot be saved is still used (with a warning). */
function keep(path: string, key: string, model: TrainedModel): void {
  try {
    writeSafetyModel(path, key, model);
  } catch (error) {
    process.emitWarning(`The safety model could not be saved to ${path}: ${(error as Error).message}`);
  }
}

/** The hash a saved sentence model must carry; undefined when a source file cannot be read (training then reports it). */
export function safetyModelKey(knowledgeDir: string, chatWords: ReadonlyMap<string, string>): string | undefined {
  const files = classifierFiles(knowledgeDir);
  return modelKey([files.training, files.settings], chatWords);
}

/** A hash of the format, the source files and the chat-word fold. */
function modelKey(sources: string[], chatWords: ReadonlyMap<string, string>): string | undefined {
  try {
    const hash = createHash("sha256").update(`format ${MODEL_FORMAT}, buckets ${FEATURE_BUCKETS}\n`);
    for (const source of sources) hash.update(readFileSync(source)).update("\n");
    return hash.update(JSON.stringify([...chatWords].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))).digest("hex");
  } catch {
    return undefined;
  }
}

type Section = [offset: number, length: number];

interface Header {
  key: string;
  kind: TrainedModel["kind"];
  buckets: number;
  bayes?: Omit<NaiveBayesModel, "weights" | "seen"> & { weights: Section; seen: Section };
  logistic?: Omit<LogisticModel, "weights" | "bias"> & { weights: Section; bias: Section };
}

/** Writes a trained model with its key. */
export function writeSafetyModel(path: string, key: string, model: TrainedModel): void {
  const arrays: Array<Float32Array | Float64Array | Uint8Array> = [];
  const placeholder = (array: Float32Array | Float64Array | Uint8Array): Section => {
    arrays.push(array);
    return [arrays.length - 1, array.length];
  };
  const header: Header = { key, kind: model.kind, buckets: FEATURE_BUCKETS };
  if (model.bayes) {
    const { weights, seen, ...rest } = model.bayes;
    header.bayes = { ...rest, weights: placeholder(weights), seen: placeholder(seen) };
  }
  if (model.logistic) {
    const { weights, bias, ...rest } = model.logistic;
    header.logistic = { ...rest, weights: placeholder(weights), bias: placeholder(bias) };
  }
  // The offsets depend on the header's length and the header holds the offsets: lay out with a header
  // padded to a fixed size, so one pass suffices.
  const sections = [header.bayes?.weights, header.bayes?.seen, header.logistic?.weights, header.logistic?.bias].filter(
    (s): s is Section => s !== undefined,
  );
  const draft = Buffer.from(JSON.stringify(header));
  const headerSize = align(12 + draft.length + 16 * sections.length + 64);
  let offset = headerSize;
  const offsets = arrays.map((array) => {
    const at = offset;
    offset = align(offset + array.byteLength);
    return at;
  });
  for (const section of sections) section[0] = offsets[section[0]]!;
  const json = Buffer.from(JSON.stringify(header));
  if (12 + json.length > headerSize) throw new Error("the safety model header does not fit");
  const head = Buffer.alloc(headerSize);
  head.write(MAGIC, 0, "latin1");
  head.writeUInt32LE(MODEL_FORMAT, 4);
  head.writeUInt32LE(json.length, 8);
  json.copy(head, 12);
  mkdirSync(join(path, ".."), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  // Section by section from the arrays themselves: no second copy of the model in memory.
  const fd = openSync(temporary, "w");
  try {
    writeSync(fd, head, 0, head.length, 0);
    arrays.forEach((array, i) => writeSync(fd, new Uint8Array(array.buffer, array.byteOffset, array.byteLength), 0, array.byteLength, offsets[i]!));
    ftruncateSync(fd, offset);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** Reads a saved model; null when it is missing, of another format or key, or damaged. */
export function readSafetyModel(path: string, key: string): TrainedModel | null {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return null;
  }
  try {
    if (file.length < 12 || file.toString("latin1", 0, 4) !== MAGIC || file.readUInt32LE(4) !== MODEL_FORMAT) return null;
    const header = JSON.parse(file.toString("utf8", 12, 12 + file.readUInt32LE(8))) as Header;
    if (header.key !== key || header.buckets !== FEATURE_BUCKETS) return null;
    const model: TrainedModel = { kind: header.kind };
    if (header.bayes) {
      const { weights, seen, ...rest } = header.bayes;
      model.bayes = {
        ...rest,
        weights: view(file, weights, Float32Array, FEATURE_BUCKETS * rest.labels.length),
        seen: view(file, seen, Uint8Array, FEATURE_BUCKETS),
      };
    }
    if (header.logistic) {
      const { weights, bias, ...rest } = header.logistic;
      model.logistic = {
        ...rest,
        weights: view(file, weights, Float32Array, FEATURE_BUCKETS * rest.labels.length),
        bias: view(file, bias, Float64Array, rest.labels.length),
      };
    }
    const complete = model.kind === "naive_bayes" ? model.bayes : model.kind === "logistic" ? model.logistic : model.bayes && model.logistic;
    return complete ? model : null;
  } catch {
    return null;
  }
}

type ArrayType<T> = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number };

/** The array at `section` of the file, without a copy; throws when it is not where and as long as it should be. */
function view<T>(file: Buffer, [offset, length]: Section, type: ArrayType<T>, expected: number): T {
  const bytes = length * type.BYTES_PER_ELEMENT;
  if (length !== expected || offset < 0 || offset + bytes > file.length) throw new Error("a safety model section is out of place");
  const start = file.byteOffset + offset;
  if (start % type.BYTES_PER_ELEMENT === 0) return new type(file.buffer, start, length);
  return new type(file.buffer.slice(start, start + bytes), 0, length);
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}
