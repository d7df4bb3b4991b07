/**
 * The desk's HTML: a login page and the app shell (the rest is drawn by `public/desk.js`, a small
 * script without a build step). Styling comes from the NL Design System packages, served from
 * node_modules by this server, so the page needs no internet.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Router } from "express";
import type { DeskUser } from "./desk-ports.js";

const require = createRequire(import.meta.url);
const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), "public");
const ASSETS: Record<string, { path: string; type: string }> = {
  "utrecht-tokens.css": { path: require.resolve("@utrecht/design-tokens/dist/index.css"), type: "text/css" },
  "utrecht-components.css": { path: require.resolve("@utrecht/component-library-css/dist/index.css"), type: "text/css" },
  "desk.css": { path: join(PUBLIC, "desk.css"), type: "text/css" },
  "desk.js": { path: join(PUBLIC, "desk.js"), type: "text/javascript" },
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Serves the CSS and the script, read once. */
export function assetRoutes(router: Router): void {
  const cache = new Map<string, Buffer>();
  router.get("/assets/:name", (req, res) => {
    const asset = ASSETS[req.params.name];
    if (!asset) return void res.status(404).end();
    let body = cache.get(req.params.name);
    if (!body) cache.set(req.params.name, (body = readFileSync(asset.path)));
    res.type(asset.type).set("cache-control", "no-cache").send(body);
  });
}

function layout(title: string, main: string, script = false): string {
  return `<!doctype html>
<html lang="nl" class="utrecht-theme">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Wijkwijzer desk</title>
<link rel="stylesheet" href="/desk/assets/utrecht-tokens.css">
<link rel="stylesheet" href="/desk/assets/utrecht-components.css">
<link rel="stylesheet" href="/desk/assets/desk.css">
${script ? '<script src="/desk/assets/desk.js" defer></script>' : ""}
</head>
<body class="utrecht-document utrecht-document--surface">
<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">Naar de inhoud</a>
<div class="utrecht-page desk-page">
<header class="utrecht-page-header desk-header"><p class="desk-brand">Wijkwijzer <span>desk</span></p><div id="who"></div></header>
<main id="main" class="utrecht-page-content" tabindex="-1">
${main}
</main>
</div>
</body>
</html>`;
}

export function loginPage(error?: string): string {
  return layout(
    "Inloggen",
    `<h1 class="utrecht-heading-1">Inloggen</h1>
<p class="utrecht-paragraph">Voor sociaal werkers en coördinatoren.</p>
${error ? `<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph"><strong>Fout:</strong> ${escape(error)}</p></div>` : ""}
<form method="post" action="/desk/login" class="desk-form">
<div class="utrecht-form-field utrecht-form-field--text">
<label class="utrecht-form-label" for="email">E-mailadres</label>
<input class="utrecht-textbox utrecht-textbox--html-input" id="email" name="email" type="email" autocomplete="username" required>
</div>
<div class="utrecht-form-field utrecht-form-field--text">
<label class="utrecht-form-label" for="password">Wachtwoord</label>
<input class="utrecht-textbox utrecht-textbox--html-input" id="password" name="password" type="password" autocomplete="current-password" required>
</div>
<button class="utrecht-button utrecht-button--primary-action" type="submit">Inloggen</button>
</form>`,
  );
}

export function deskPage(user: DeskUser): string {
  return layout(
    "Hulpvragen",
    `<div id="app" data-role="${escape(user.role)}"><h1 class="utrecht-heading-1">Hulpvragen</h1><p class="utrecht-paragraph">Even laden…</p></div>
<noscript><p class="utrecht-paragraph">De desk heeft JavaScript nodig.</p></noscript>`,
    true,
  );
}
