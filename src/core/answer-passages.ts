import type { Passage, Retriever } from "./ports.js";

/**
 * Share of the best listing's score the best document must reach to take its place at the top.
 * Below it, the question names something only the listings have ("wat doet het Geldloket?").
 */
export const LISTING_MARGIN = 0.45;

/**
 * The passages a knowledge answer is built from. Activity questions go to the listings capability
 * first, so here a listing competes only when it clearly wins: when the best document comes close,
 * the documents alone are ranked, and a listing that shares a side word ("maatje", "55-plussers")
 * cannot push out the passage that explains the concept.
 */
export async function searchForAnswer(retriever: Retriever, query: string, k: number): Promise<Passage[]> {
  const all = await retriever.search(query, { k });
  const top = all[0];
  if (!top || top.kind !== "listing") return all.some((p) => p.kind === "listing") ? retriever.search(query, { k, kind: "knowledge" }) : all;
  const bestDocument = all.find((p) => p.kind === "knowledge");
  if (!bestDocument || bestDocument.score < LISTING_MARGIN * top.score) return all;
  return retriever.search(query, { k, kind: "knowledge" });
}
