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
  // One search, deep enough that the documents alone still fill k places when listings are dropped.
  const all = await retriever.search(query, { k: k * 2 });
  const top = all[0];
  const documents = all.filter((p) => p.kind === "knowledge");
  if (top?.kind === "listing" && (documents[0]?.score ?? 0) < LISTING_MARGIN * top.score) return all.slice(0, k);
  return documents.slice(0, k);
}
