import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPdokGeocoder } from "../../../src/listings/geocoder.js";
import { FIXTURES, conversation, serviceWith } from "../../unit/listings/helpers.js";

/** A fake PDOK Locatieserver: knows "8011 AA" and "Zwolle", is slow for "traag", fails for "kapot". */
function fakePdok(): Promise<{ server: Server; base: string; queries: string[] }> {
  const queries: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const q = url.searchParams.get("q") ?? "";
    queries.push(`${url.pathname}?q=${q}`);
    if (url.pathname !== "/bzk/locatieserver/search/v3_1/free") {
      res.writeHead(404).end();
      return;
    }
    if (q === "kapot") {
      res.writeHead(500).end("boom");
      return;
    }
    const docs =
      q === "8011 AA"
        ? [{ type: "postcode", weergavenaam: "8011AA Zwolle", centroide_ll: "POINT(6.09500 52.51300)" }]
        : q.toLowerCase() === "zwolle"
          ? [{ type: "woonplaats", weergavenaam: "Zwolle, Zwolle, Overijssel", centroide_ll: "POINT(6.0944 52.5168)" }]
          : [];
    const send = () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ response: { numFound: docs.length, docs } }));
    if (q === "traag") setTimeout(send, 1000);
    else send();
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}/bzk/locatieserver/search/v3_1`, queries });
    }),
  );
}

describe("PDOK geocoder (GEOCODER=pdok)", () => {
  let pdok: Awaited<ReturnType<typeof fakePdok>>;
  beforeAll(async () => {
    pdok = await fakePdok();
  });
  afterAll(() => new Promise<void>((resolve) => pdok.server.close(() => resolve())));

  it("reads centroide_ll as POINT(lon lat) and caches answers", async () => {
    const geocoder = createPdokGeocoder({ baseUrl: pdok.base });
    expect(await geocoder.geocode("8011 AA")).toEqual({ name: "8011 AA", lat: 52.513, lon: 6.095 });
    await geocoder.geocode("8011 AA");
    expect(pdok.queries.filter((q) => q.endsWith("q=8011 AA"))).toHaveLength(1);
    expect(await geocoder.geocode("Nergenshuizen")).toBeUndefined();
  });

  it("falls back to the local gazetteer on an error or a timeout", async () => {
    const fallback = { geocode: async (q: string) => ({ name: `lokaal ${q}`, lat: 1, lon: 2 }) };
    const geocoder = createPdokGeocoder({ baseUrl: pdok.base, timeoutMs: 200, fallback });
    expect(await geocoder.geocode("kapot")).toEqual({ name: "lokaal kapot", lat: 1, lon: 2 });
    expect(await geocoder.geocode("traag")).toEqual({ name: "lokaal traag", lat: 1, lon: 2 });
  });

  it("lets the search find a place the local tables do not know", async () => {
    // Only the HSDS file (no city column for "Zwolle" in the gazetteer tables): the town comes from PDOK.
    const { service } = await serviceWith([join(FIXTURES, "hsds-nested.json")], { pdok: pdok.base });
    const r = await conversation(service)("computerhulp in 8011 AA");
    expect(r?.kind).toBe("results");
    expect(r?.replies[0]!.text).toContain("in de buurt van 8011 AA");
    expect(r?.replies[0]!.text).toContain("Digicafé Zwolle-Zuid");
    expect(r?.replies[0]!.text).toMatch(/\(2,\d km, iets verder weg\)/);
  });
});
