/**
 * The listings search on the desk: a worker finds an activity and pastes it into a reply.
 * Every word of the query must occur in the listing (name, organisation, description,
 * categories, address or place), accents and case ignored.
 */
import type { Listing } from "../listings/listing-model.js";

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The listing as plain text for a message to a resident. */
export function pasteText(l: Listing): string {
  const where = [l.address, [l.postcode, l.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return [
    l.name + (l.organization ? ` (${l.organization})` : ""),
    where ? `Adres: ${where}` : undefined,
    `Wanneer: ${l.schedule || "op afspraak"}`,
    l.cost ? `Kosten: ${l.cost}` : undefined,
    l.phone ? `Telefoon: ${l.phone}` : undefined,
    l.website ? `Website: ${l.website}` : undefined,
  ]
    .filter(Boolean)
    .join("\n");
}

export function searchListings(listings: Listing[], query: string, limit: number) {
  const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
  if (words.length === 0) return [];
  return listings
    .filter((l) => {
      const hay = fold([l.name, l.organization, l.description, l.categories.join(" "), l.address, l.postcode, l.city].filter(Boolean).join(" "));
      return words.every((w) => hay.includes(w));
    })
    .slice(0, limit)
    .map((l) => ({ id: l.id, name: l.name, city: l.city ?? null, categories: l.categories, text: pasteText(l) }));
}
