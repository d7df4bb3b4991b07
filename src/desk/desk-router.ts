/**
 * The web desk under `/desk`: the page, login and logout, the worker's API (tickets, claim,
 * reply, close, saved replies, listings search, office hours) and the live event stream. The
 * coordinator's API lives in `coordinator-routes.ts`. Every action is written to the audit log;
 * resident text never goes to the log.
 */
import express, { type Request, type Response, type Router } from "express";
import type { ConversationStore } from "../core/ports.js";
import type { HandoffService } from "../handoff/handoff-service.js";
import type { Worker } from "../handoff/handoff-model.js";
import type { OfficeHours } from "../handoff/office-hours.js";
import type { Listing } from "../listings/listing-model.js";
import type { Logger } from "../log/logger.js";
import { createDeskAuth, type DeskPrincipal } from "./desk-auth.js";
import type { DeskEvents } from "./desk-events.js";
import { assetRoutes, deskPage, loginPage } from "./desk-page.js";
import type { DeskStores } from "./desk-ports.js";
import { coordinatorRoutes } from "./coordinator-routes.js";
import { searchListings } from "./listing-paste.js";
import { residentLanguage, ticketJson, ticketMessages } from "./ticket-views.js";

export interface DeskDeps {
  stores: DeskStores;
  handoff: HandoffService;
  conversations: ConversationStore;
  events: DeskEvents;
  listings: () => Promise<Listing[]>;
  officeHours: OfficeHours;
  /** As configured, e.g. `ma-vr 09:00-17:00`. */
  officeHoursText: string;
  now: () => Date;
  logger?: Logger;
  /** Wrong logins allowed per address and account in 15 minutes (default 5). */
  loginAttempts?: number;
}

/** What the resident sees of a web worker: the first name only. */
export function workerOf(p: DeskPrincipal): Worker {
  return { id: `desk:${p.user.email}`, firstName: p.user.name.trim().split(/\s+/)[0] || p.user.name, ...(p.user.role === "coordinator" ? { coordinator: true } : {}) };
}

const CLAIM_ERRORS = { not_found: 404, closed: 409, taken: 409, not_member: 403, not_claimer: 409 } as const;

export function createDeskRouter(deps: DeskDeps): Router {
  const { stores, handoff, now } = deps;
  const auth = createDeskAuth({ stores, now, ...(deps.logger ? { logger: deps.logger } : {}), ...(deps.loginAttempts ? { loginAttempts: deps.loginAttempts } : {}) });
  const router = express.Router();
  const audit = (p: DeskPrincipal, action: string, target?: string) =>
    stores.audit.record({ actor: p.user.email, action, ...(target ? { target } : {}), at: now() });
  const me = (res: Response) => res.locals.desk as DeskPrincipal;

  router.use((req, res, next) => {
    // Only this page's own script and styles; never inside another site's frame.
    res.set({
      "content-security-policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
    // A state change sent from another site's page is refused (SameSite=Strict covers the cookie; this covers login).
    const origin = req.get("origin");
    if (req.method === "POST" && origin && origin !== "null" && new URL(origin).host !== req.get("host")) {
      return void res.status(403).json({ error: "origin", message: "Dit verzoek komt van een andere website." });
    }
    next();
  });
  assetRoutes(router);
  router.get("/", async (req, res) => {
    const found = await auth.principal(req);
    res.set("cache-control", "no-store").type("html").send(found ? deskPage(found.user) : loginPage());
  });

  router.post("/login", express.urlencoded({ extended: false, limit: "10kb" }), express.json({ limit: "10kb" }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const wantsJson = req.is("application/json") === "application/json";
    const result = await auth.login(req, String(body.email ?? ""), String(body.password ?? ""));
    if (!result.ok) {
      const message = result.status === 429 ? "Te vaak een verkeerd wachtwoord. Wacht een kwartier en probeer het dan opnieuw." : "E-mailadres of wachtwoord klopt niet.";
      if (result.status === 429) res.set("retry-after", "900");
      if (wantsJson) return void res.status(result.status).json({ error: result.status === 429 ? "too_many_attempts" : "wrong_login", message });
      return void res.status(result.status).type("html").send(loginPage(message));
    }
    res.set("set-cookie", result.cookie).redirect(303, "/desk");
  });

  router.post("/logout", async (req, res) => {
    res.set("set-cookie", await auth.logout(req)).redirect(303, "/desk");
  });

  const api = express.Router();
  router.use("/api", express.json({ limit: "20kb" }), auth.requireSession(), api);

  api.get("/me", (_req, res) => {
    const { user, session } = me(res);
    const next = deps.officeHours.nextOpening(now());
    res.json({
      user: { email: user.email, name: user.name, role: user.role },
      csrfToken: session.csrfToken,
      officeHours: { hours: deps.officeHoursText, open: deps.officeHours.isOpen(now()), next: next?.text ?? null },
    });
  });

  api.get("/tickets", async (_req, res) => {
    const tickets = await handoff.tickets.listForDesk(new Date(now().getTime() - 24 * 3_600_000), 200);
    res.json({ tickets: tickets.map(ticketJson) });
  });

  api.get("/tickets/:id", async (req, res) => {
    const ticket = await handoff.tickets.get(Number(req.params.id));
    if (!ticket) return void res.status(404).json({ error: "not_found", message: "Deze hulpvraag bestaat niet (meer)." });
    const messages = await ticketMessages(deps.conversations, ticket);
    const state = await deps.conversations.getState(ticket.conversationId);
    await audit(me(res), "view_ticket", `ticket:${ticket.id}`);
    res.json({
      ticket: { ...ticketJson(ticket), mine: ticket.workerId === workerOf(me(res)).id, language: residentLanguage(state, await deps.conversations.recentMessages(ticket.conversationId, 60)), area: typeof state.place === "string" ? state.place : null },
      messages,
    });
  });

  api.post("/tickets/:id/claim", async (req, res) => {
    const result = await handoff.claim(Number(req.params.id), workerOf(me(res)));
    await audit(me(res), result.ok ? "claim" : `claim_refused:${result.reason}`, `ticket:${req.params.id}`);
    if (!result.ok) {
      return void res.status(CLAIM_ERRORS[result.reason]).json({
        error: result.reason,
        message: result.reason === "taken" ? `${result.ticket?.workerName ?? "Een collega"} heeft dit gesprek al overgenomen.` : "Dat kan niet (meer) met deze hulpvraag.",
        ...(result.ticket ? { ticket: ticketJson(result.ticket) } : {}),
      });
    }
    res.json({ ticket: ticketJson(result.ticket) });
  });

  api.post("/tickets/:id/messages", async (req, res) => {
    const text = typeof req.body?.text === "string" ? req.body.text : "";
    if (!text.trim() || text.length > 4000) return void res.status(400).json({ error: "text", message: "Schrijf een bericht (hoogstens 4000 tekens)." });
    const { result } = await handoff.workerReply(Number(req.params.id), workerOf(me(res)), text);
    await audit(me(res), result === "relayed" ? "reply" : `reply_refused:${result}`, `ticket:${req.params.id}`);
    if (result === "relayed") return void res.status(202).json({ status: "queued" });
    const status = result === "unknown_thread" ? 404 : result === "empty" ? 400 : 409;
    res.status(status).json({ error: result, message: result === "not_claimed" ? "Neem het gesprek eerst over." : result === "not_claimer" ? "Een collega heeft dit gesprek." : "Dit gesprek is gesloten." });
  });

  api.post("/tickets/:id/close", async (req, res) => {
    const ticket = await handoff.tickets.get(Number(req.params.id));
    const p = me(res);
    if (ticket?.status === "claimed" && ticket.workerId !== workerOf(p).id && p.user.role !== "coordinator") {
      await audit(p, "close_refused:not_claimer", `ticket:${req.params.id}`);
      return void res.status(409).json({ error: "not_claimer", message: "Alleen wie het gesprek heeft, of een coördinator, sluit het af." });
    }
    const result = await handoff.close(Number(req.params.id), workerOf(p));
    await audit(p, result.ok ? "close" : `close_refused:${result.reason}`, `ticket:${req.params.id}`);
    if (!result.ok) return void res.status(CLAIM_ERRORS[result.reason]).json({ error: result.reason, message: "Deze hulpvraag is al gesloten." });
    res.json({ ticket: ticketJson(result.ticket) });
  });

  api.get("/replies", async (_req, res) => {
    res.json({ replies: (await stores.replies.list()).map((r) => ({ id: r.id, title: r.title, text: r.text })) });
  });
  api.post("/replies", async (req, res) => {
    const title = String(req.body?.title ?? "").trim();
    const text = String(req.body?.text ?? "").trim();
    if (!title || !text || title.length > 80 || text.length > 2000) {
      return void res.status(400).json({ error: "reply", message: "Geef een korte titel (tot 80 tekens) en een tekst (tot 2000 tekens)." });
    }
    const saved = await stores.replies.add({ title, text, createdBy: me(res).user.email, createdAt: now() });
    await audit(me(res), "reply_saved", `reply:${saved.id}`);
    res.status(201).json({ reply: { id: saved.id, title: saved.title, text: saved.text } });
  });
  api.post("/replies/:id/delete", async (req, res) => {
    const removed = await stores.replies.remove(Number(req.params.id));
    await audit(me(res), "reply_removed", `reply:${req.params.id}`);
    res.status(removed ? 200 : 404).json({ removed });
  });

  api.get("/listings", async (req, res) => {
    res.json({ listings: searchListings(await deps.listings(), String(req.query.q ?? ""), 10) });
  });

  api.get("/events", (req: Request, res: Response) => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive", "x-accel-buffering": "no" });
    res.write("retry: 3000\n\n");
    let closed = false;
    const end = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      res.end();
    };
    // A removed user or an ended session loses the stream too, not only the next request.
    const stillLoggedIn = async () => (await auth.principal(req).catch(() => undefined)) !== undefined;
    // One after another, so the browser gets the changes in the order they happened.
    let chain: Promise<void> = Promise.resolve();
    const unsubscribe = deps.events.subscribe((event) => {
      chain = chain.then(async () => {
        if (!(await stillLoggedIn())) return end();
        if (closed) return;
        const ticket = await handoff.tickets.get(event.ticketId).catch(() => undefined);
        res.write(`event: ticket\ndata: ${JSON.stringify({ type: event.type, ticket: ticket ? ticketJson(ticket) : { id: event.ticketId } })}\n\n`);
      });
    });
    // Proxies close quiet connections; a comment every 25 s keeps it open.
    const heartbeat = setInterval(() => void stillLoggedIn().then((ok) => (ok ? res.write(": ping\n\n") : end())), 25_000);
    heartbeat.unref();
    req.on("close", end);
  });

  coordinatorRoutes(api, { ...deps, auth, audit });
  return router;
}
