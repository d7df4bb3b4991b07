import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkListings } from "../../../src/listings/import-listings.js";
import { loadPostcodeAreas } from "../../../src/listings/national-places.js";
import { estimateFromPostcode } from "../../../src/listings/postcode-estimate.js";
import { FIXTURES, KNOWLEDGE_DIR } from "./helpers.js";

const areas = loadPostcodeAreas(KNOWLEDGE_DIR);
const ZEIST_3703 = { lat: 52.07679, lon: 5.2274 };

describe("estimateFromPostcode", () => {
  it.each<[Record<string, string>, string, string]>([
    [{ postcode: "3703 CD" }, "3703", ""],
    [{ postcode: "3703cd" }, "3703", ""],
    [{ postcode: "3703" }, "3703", ""],
    [{ address: "Dorpsstraat 4, 3703 CD Zeist" }, "3703", "3703 CD"],
    [{ address: "Dorpsstraat 4", city: "3703 Zeist" }, "3703", "3703"],
    [{ address: "Dorpsstraat 4", city: "3703CD Zeist" }, "3703", "3703 CD"],
  ])("takes the PC4 centroid for %j", (cells, pc4, filled) => {
    const estimate = estimateFromPostcode({ id: "x", latitude: "", longitude: "", ...cells }, areas);
    expect(estimate.kind).toBe("estimated");
    if (estimate.kind !== "estimated") return;
    expect(Number(estimate.raw.latitude)).toBeCloseTo(ZEIST_3703.lat, 5);
    expect(Number(estimate.raw.longitude)).toBeCloseTo(ZEIST_3703.lon, 5);
    expect(estimate.warning.message).toContain(`coördinaten geschat uit postcode ${pc4}`);
    expect(estimate.raw.postcode ?? "").toBe(filled || (cells.postcode ?? ""));
  });

  it.each([
    [{ postcode: "3703 CD", latitude: "52.1", longitude: "" }],
    [{ postcode: "", address: "Hoofdweg 1234" }],
    [{ postcode: "" }],
    [{ postcode: "37-03", address: "Dorpsstraat 4, 3703 CD Zeist" }],
  ])("leaves %j to the schema", (cells) => {
    expect(estimateFromPostcode({ id: "x", latitude: "", longitude: "", ...cells }, areas).kind).toBe("none");
  });

  it("says which postcode it does not know", () => {
    expect(estimateFromPostcode({ id: "x", postcode: "1000" }, areas)).toEqual({ kind: "unknown", postcode: "1000" });
  });
});

describe("HSDS locations without coordinates", () => {
  it("get the same estimate and warning from their postal code, and stay refused without one", () => {
    const feed = JSON.parse(readFileSync(join(FIXTURES, "hsds-valid.json"), "utf8")) as { locations: Array<Record<string, unknown>>; physical_addresses: Array<Record<string, unknown>> };
    delete feed.locations[0]!.latitude;
    delete feed.locations[0]!.longitude;
    const checked = checkListings("feed.json", JSON.stringify(feed), { postcodeAreas: areas });
    expect(checked.errors).toEqual([]);
    expect(checked.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: "svc-koffie", field: "locations[0].latitude", message: expect.stringContaining("coördinaten geschat uit postcode 8023: controleer ze") }),
      ]),
    );
    const koffie = checked.listings.find((l) => l.id === "svc-koffie")!;
    expect(koffie.latitude).toBe(areas.get("8023")!.lat);

    feed.physical_addresses[0]!.postal_code = "";
    const refused = checkListings("feed.json", JSON.stringify(feed), { postcodeAreas: areas });
    expect(refused.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "locations[0].latitude", message: expect.stringContaining("vul de postcode in (1234 AB)") })]),
    );
    expect(refused.errors.some((e) => e.field === "locations[0].longitude")).toBe(false);
  });
});
