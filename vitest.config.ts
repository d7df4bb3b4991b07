import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Native modules (better-sqlite3, hnswlib-node) and local HTTP servers are safer in forks.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
