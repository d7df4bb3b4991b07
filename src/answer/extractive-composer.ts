import type { AnswerComposer } from "../core/ports.js";

/** The default composer: quotes the one to three most relevant sentences with numbered sources. */
export function createExtractiveComposer(): AnswerComposer {
  throw new Error("createExtractiveComposer: being built (retrieval work in progress)");
}
