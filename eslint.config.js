import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "data/", "coverage/", "bench/results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": "off",
    },
  },
  {
    // The desk's browser script: no build step, browser globals.
    files: ["src/desk/public/**/*.js"],
    languageOptions: {
      sourceType: "script",
      globals: { document: "readonly", window: "readonly", fetch: "readonly", location: "readonly", EventSource: "readonly", URLSearchParams: "readonly", Node: "readonly", setTimeout: "readonly" },
    },
  },
  {
    // The core knows no platform: keep grammY, Bolt, LangChain and adapters out of it.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["grammy", "grammy/*", "@grammyjs/*"], message: "src/core knows no platform." },
            { group: ["@slack/*"], message: "src/core knows no platform." },
            { group: ["@langchain/*", "langchain", "hnswlib-node"], message: "src/core knows no LangChain." },
            { group: ["**/channels/**", "**/store/**", "better-sqlite3"], message: "src/core depends on ports only." },
          ],
        },
      ],
    },
  },
);
