import type { ImportIssue } from "./import-report.js";
import type { RawListing } from "./listing-model.js";

/** The centroid of a 4-digit postcode area (`knowledge/geo/nl/pc4.tsv`). */
export type PostcodeAreas = ReadonlyMap<string, { lat: number; lon: number }>;

/** What the estimate did to a raw listing: nothing, filled coordinates (warn), or could not (say what to add). */
export type Estimate =
  | { kind: "none" }
  | { kind: "estimated"; raw: RawListing; warning: Omit<ImportIssue, "row" | "path" | "id"> }
  | { kind: "unknown"; postcode: string };

/** A full Dutch postcode in an address ("Dorpsstraat 1, 3701 AB Zeist"); a house number alone is not one. */
const PC6_IN_TEXT = /(?:^|[\s,])([1-9]\d{3})\s?([A-Za-z]{2})(?![\p{L}\p{N}])/u;
/** A city cell that starts with a postcode ("3701 Zeist", "3701AB Zeist"). */
const PC_BEFORE_CITY = /^\s*([1-9]\d{3})(?:\s?([A-Za-z]{2}))?\s+\p{L}/u;

/**
 * When a listing has neither latitude nor longitude, takes the centroid of its postcode area (the postcode
 * column, else a postcode in the address or the city cell). The point is the middle of the area, not the
 * building: the report says so, as a warning, so the coordinator can check it.
 */
export function estimateFromPostcode(raw: RawListing, areas: PostcodeAreas | undefined): Estimate {
  if ((raw.latitude ?? "").trim() !== "" || (raw.longitude ?? "").trim() !== "") return { kind: "none" };
  const hasOwn = (raw.postcode ?? "").trim() !== "";
  const own = /^\s*([1-9]\d{3})\s*([A-Za-z]{2})?\s*$/.exec(raw.postcode ?? "");
  // A postcode column that is filled but wrong is the schema's to report; only an empty one is looked for elsewhere.
  const inAddress = hasOwn ? null : PC6_IN_TEXT.exec(raw.address ?? "");
  const inCity = hasOwn || inAddress ? null : (PC_BEFORE_CITY.exec(raw.city ?? "") ?? PC6_IN_TEXT.exec(raw.city ?? ""));
  const found = own ?? inAddress ?? inCity;
  if (!found) return { kind: "none" };
  const pc4 = found[1]!;
  const area = areas?.get(pc4);
  if (!area) return areas && areas.size > 0 ? { kind: "unknown", postcode: pc4 } : { kind: "none" };
  const postcode = found[2] ? `${pc4} ${found[2].toUpperCase()}` : pc4;
  const from = own ? "" : inAddress ? " (uit het adres)" : " (uit de plaats)";
  return {
    kind: "estimated",
    raw: { ...raw, latitude: String(area.lat), longitude: String(area.lon), ...(own ? {} : { postcode }) },
    warning: {
      field: "latitude",
      message: `coördinaten geschat uit postcode ${pc4}${from}: controleer ze. Het punt ${area.lat}, ${area.lon} is het midden van het postcodegebied, niet het gebouw; vul latitude en longitude in voor de precieze plek`,
    },
  };
}
