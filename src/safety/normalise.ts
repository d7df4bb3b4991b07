/** The safety lexicons' text normalisation lives in the one normaliser under `src/text`. */
export { BREAK, SOFT_BREAK, foldText, isBreak, tokenise } from "../text/normalise.js";
