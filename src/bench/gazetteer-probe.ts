/**
 * Run in a fresh process by the gazetteer bench (`node --expose-gc --import tsx gazetteer-probe.ts DIR`):
 * loads the national gazetteer once and prints how long it took and what it added to RSS and heap, as JSON.
 */
import { loadGazetteer } from "../listings/gazetteer.js";

const gc = (globalThis as { gc?: () => void }).gc;
const dir = process.argv[2] ?? "knowledge";
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
// A running app has already grown V8's young generation; do the same first, so the figure is what
// the tables add and not the allocator warming up (which any work would cause).
let sink = 0;
for (let i = 0; i < 400_000; i++) sink += `warm ${i}`.split(" ").length;
gc?.();
const before = process.memoryUsage();
const started = performance.now();
const gazetteer = loadGazetteer(dir, []);
const tokens = ["koffie", "in", "vathorst"];
gazetteer.find(tokens, tokens.map(() => false), () => false, tokens);
const loadMs = Math.round(performance.now() - started);
gc?.();
const after = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({ warm: sink > 0, loadMs, rssBeforeMb: mb(before.rss), rssAfterMb: mb(after.rss), rssAddedMb: mb(after.rss - before.rss), heapAddedMb: mb(after.heapUsed - before.heapUsed), peakRssMb: mb(process.resourceUsage().maxRSS * 1024) })}\n`,
);
