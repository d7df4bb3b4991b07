/** The safety lexicons' text normalisation lives in the one normaliser under `src/text`. */
export { BREAK, foldText, tokenise } from "../text/normalise.js";
