/** The {@link ListingsRepository} contract: every implementation passes these tests. */
import { expect, it } from "vitest";
import { generateListings } from "../../../src/listings/generate-listings.js";
import type { Listing } from "../../../src/listings/listing-model.js";
import type { OpenedDatabase } from "../../support/store-backends.js";

const t0 = new Date("2026-11-23T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
// Fictional listings (generated), with ids the tests can read.
const listings = (n: number, prefix: string, seed = 3): Listing[] => generateListings(n, seed).map((l, i) => ({ ...l, id: `${prefix}-${i + 1}` }));

export function listingsRepositoryContract(db: () => OpenedDatabase): void {
  const repo = () => db().stores.listings;

  it("imports a source and gives every listing back exactly, by id", async () => {
    const r = repo();
    const incoming = listings(12, "zwl");
    const plan = await r.replaceSource("/data/zwolle.csv", "hash-1", incoming, t0);
    expect(plan).toEqual({ added: 12, updated: 0, unchanged: 0, removed: 0, conflicts: [] });
    expect(await r.count()).toBe(12);
    expect(await r.all()).toEqual([...incoming].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
    expect(await r.sources()).toEqual(["/data/zwolle.csv"]);
    expect(await r.sourceHash("/data/zwolle.csv")).toBe("hash-1");
    expect(await r.sourceHash("/data/none.csv")).toBeUndefined();
  });

  it("re-imports a source: updates by id, removes what is gone, counts what is unchanged", async () => {
    const r = repo();
    const first = listings(5, "zwl");
    await r.replaceSource("/data/zwolle.csv", "hash-1", first, t0);
    const edited = [{ ...first[0]!, name: "Koffie-ochtend (nieuw)" }, first[1]!, first[2]!, { ...first[3]!, id: "zwl-new" }];
    expect(await r.plan("/data/zwolle.csv", edited)).toEqual({ added: 1, updated: 1, unchanged: 2, removed: 2, conflicts: [] });
    // A plan changes nothing.
    expect(await r.count()).toBe(5);
    expect(await r.replaceSource("/data/zwolle.csv", "hash-2", edited, at(1))).toEqual({ added: 1, updated: 1, unchanged: 2, removed: 2, conflicts: [] });
    const stored = await r.all();
    expect(stored.map((l) => l.id).sort()).toEqual(["zwl-1", "zwl-2", "zwl-3", "zwl-new"]);
    expect(stored.find((l) => l.id === "zwl-1")?.name).toBe("Koffie-ochtend (nieuw)");
    expect(await r.sourceHash("/data/zwolle.csv")).toBe("hash-2");
  });

  it("refuses ids another source holds, changing nothing", async () => {
    const r = repo();
    await r.replaceSource("/data/a.csv", "a", listings(3, "x"), t0);
    const before = await r.version();
    const clash = [...listings(2, "y"), { ...listings(1, "x")[0]! }];
    const plan = await r.replaceSource("/data/b.csv", "b", clash, at(1));
    expect(plan.conflicts).toEqual([{ id: "x-1", source: "/data/a.csv" }]);
    expect(await r.sources()).toEqual(["/data/a.csv"]);
    expect(await r.count()).toBe(3);
    expect(await r.version()).toBe(before);
  });

  it("removes a source with its listings and leaves other sources alone", async () => {
    const r = repo();
    await r.replaceSource("/data/a.csv", "a", listings(3, "a"), t0);
    await r.replaceSource("/data/b.csv", "b", listings(2, "b"), t0);
    expect(await r.removeSource("/data/a.csv")).toBe(3);
    expect(await r.removeSource("/data/a.csv")).toBe(0);
    expect(await r.sources()).toEqual(["/data/b.csv"]);
    expect((await r.all()).map((l) => l.id)).toEqual(["b-1", "b-2"]);
  });

  it("changes its version on every committed import or removal, also one made by another instance", async () => {
    const r = repo();
    const v0 = await r.version();
    expect(await r.version()).toBe(v0);
    await r.replaceSource("/data/a.csv", "a", listings(3, "a"), t0);
    const v1 = await r.version();
    expect(v1).not.toBe(v0);
    const other = (await db().another()).listings;
    expect(await other.version()).toBe(v1);
    await other.replaceSource("/data/b.csv", "b", listings(2, "b"), at(1));
    const v2 = await r.version();
    expect(v2).not.toBe(v1);
    await other.removeSource("/data/b.csv");
    expect(await r.version()).not.toBe(v2);
    expect(await r.count()).toBe(3);
  });

  it("imports thousands of listings in one go", async () => {
    const r = repo();
    const many = listings(2500, "big", 11);
    expect((await r.replaceSource("/data/big.csv", "big", many, t0)).added).toBe(2500);
    expect(await r.count()).toBe(2500);
    expect((await r.all()).find((l) => l.id === "big-2500")).toEqual(many[2499]);
  });
}
