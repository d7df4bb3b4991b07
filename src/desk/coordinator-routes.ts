/**
 * The coordinator's part of the desk API: figures, knowledge gaps, needs per wijk, stale
 * listings, "ben je gegaan?" outcomes, the audit log and CSV exports. Workers get 403.
 */
import type { Response, Router } from "express";
import type { DeskAuth, DeskPrincipal } from "./desk-auth.js";
import type { DeskDeps } from "./desk-router.js";
import { deskStats, MIN_CELL, parsePeriod, PeriodError, toCsv } from "./desk-stats.js";

interface CoordinatorDeps extends DeskDeps {
  auth: DeskAuth;
  audit: (p: DeskPrincipal, action: string, target?: string) => Promise<void>;
}

const YEAR_MS = 365 * 86_400_000;

export function coordinatorRoutes(api: Router, deps: CoordinatorDeps): void {
  const { stores, now } = deps;
  const coordinator = deps.auth.requireRole("coordinator");
  const me = (res: Response) => res.locals.desk as DeskPrincipal;
  const period = (query: Record<string, unknown>, res: Response) => {
    try {
      return parsePeriod(query.from, query.to, now());
    } catch (error) {
      if (error instanceof PeriodError) res.status(400).json({ error: "period", message: error.message });
      else throw error;
      return undefined;
    }
  };

  api.get("/stats", coordinator, async (req, res) => {
    const p = period(req.query, res);
    if (!p) return;
    await deps.audit(me(res), "stats");
    res.json(await deskStats(stores.usage, p));
  });

  api.get("/stats.csv", coordinator, async (req, res) => {
    const p = period(req.query, res);
    if (!p) return;
    const table = String(req.query.table ?? "days");
    let csv: string;
    if (table === "needs") {
      const needs = (await stores.usage.needs(p)).filter((n) => n.count >= MIN_CELL);
      csv = toCsv(["gebied", "categorie", "aantal"], needs.map((n) => [n.area, n.category, n.count]));
    } else if (table === "gaps") {
      const gaps = await stores.usage.gaps(p, { includeHandled: true, limit: 1000 });
      csv = toCsv(["vraag", "aantal", "afgehandeld"], gaps.map((g) => [g.question, g.count, g.handled ? "ja" : "nee"]));
    } else if (table === "outcomes") {
      const outcomes = await stores.checkIns.outcomes();
      csv = toCsv(["activiteit", "id", "gegaan", "niet_gegaan", "redenen"], outcomes.map((o) => [o.listingName, o.listingId, o.went, o.notWent, o.reasons.map((r) => `${r.reason}:${r.count}`).join(" ")]));
    } else {
      const days = await stores.usage.perDay(p);
      csv = toCsv(["dag", "gesprekken", "berichten", "doorverwijzingen"], days.map((d) => [d.day, d.conversations, d.messages, d.handoffs]));
    }
    await deps.audit(me(res), "export_csv", table);
    res.type("text/csv; charset=utf-8").set("content-disposition", `attachment; filename="wijkwijzer-${table}.csv"`).send(csv);
  });

  api.get("/gaps", coordinator, async (req, res) => {
    const p = period(req.query, res);
    if (!p) return;
    res.json({ gaps: await stores.usage.gaps(p, { includeHandled: req.query.all === "1", limit: 200 }) });
  });

  api.post("/gaps/:key/handled", coordinator, async (req, res) => {
    const done = await stores.usage.markGapHandled(String(req.params.key), now());
    await deps.audit(me(res), "gap_handled", `gap:${req.params.key}`);
    res.status(done ? 200 : 404).json({ handled: done });
  });

  api.get("/stale-listings", coordinator, async (_req, res) => {
    const cutoff = new Date(now().getTime() - YEAR_MS).toISOString().slice(0, 10);
    const stale = (await deps.listings())
      .filter((l) => !l.lastVerified || l.lastVerified < cutoff)
      .sort((a, b) => (a.lastVerified ?? "").localeCompare(b.lastVerified ?? ""))
      .map((l) => ({ id: l.id, name: l.name, organization: l.organization ?? null, city: l.city ?? null, lastVerified: l.lastVerified ?? null }));
    res.json({ cutoff, listings: stale });
  });

  api.get("/outcomes", coordinator, async (_req, res) => {
    res.json({ outcomes: await stores.checkIns.outcomes() });
  });

  api.get("/audit", coordinator, async (_req, res) => {
    const entries = await stores.audit.recent(200);
    res.json({ entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })) });
  });
}
