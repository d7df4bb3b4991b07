/**
 * Desk logins: slow password check, a session cookie (HttpOnly, SameSite=Strict, Secure over
 * https), a CSRF token per session for every state change under /desk/api, and a rate limit on
 * wrong logins. Only the cookie token's hash is stored.
 */
import { createHash, randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Logger } from "../log/logger.js";
import type { DeskRole, DeskSession, DeskStores, DeskUser } from "./desk-ports.js";
import { DUMMY_HASH, verifyPassword } from "./passwords.js";

export const SESSION_COOKIE = "wijkwijzer_desk";
const SESSION_HOURS = 12;

export interface DeskPrincipal {
  user: DeskUser;
  session: DeskSession;
}

export interface DeskAuthDeps {
  stores: DeskStores;
  now: () => Date;
  logger?: Logger;
  /** Wrong logins allowed per address and account in 15 minutes (default 5). */
  loginAttempts?: number;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** Over https (directly or behind a proxy that says so) the cookie is Secure. */
function isHttps(req: Request): boolean {
  return req.secure || String(req.headers["x-forwarded-proto"] ?? "").split(",")[0]?.trim() === "https";
}

function cookie(req: Request, value: string, maxAgeSeconds: number): string {
  return [`${SESSION_COOKIE}=${value}`, "Path=/desk", "HttpOnly", "SameSite=Strict", `Max-Age=${maxAgeSeconds}`, ...(isHttps(req) ? ["Secure"] : [])].join("; ");
}

export type LoginResult = { ok: true; principal: DeskPrincipal; cookie: string } | { ok: false; status: 401 | 429 };

export function createDeskAuth(deps: DeskAuthDeps) {
  const { stores, now } = deps;
  const points = deps.loginAttempts ?? 5;
  const perAccount = new RateLimiterMemory({ points, duration: 15 * 60 });
  const perAddress = new RateLimiterMemory({ points: points * 6, duration: 15 * 60 });

  async function blocked(accountKey: string, address: string): Promise<boolean> {
    const [a, b] = await Promise.all([perAccount.get(accountKey), perAddress.get(address)]);
    return (a?.consumedPoints ?? 0) >= points || (b?.consumedPoints ?? 0) >= points * 6;
  }

  async function login(req: Request, email: string, password: string): Promise<LoginResult> {
    const address = req.ip ?? "unknown";
    const normalised = email.trim().toLowerCase();
    const accountKey = `${address}|${normalised}`;
    if (await blocked(accountKey, address)) return { ok: false, status: 429 };
    const user = normalised ? await stores.users.get(normalised) : undefined;
    // The same slow work with or without an account: the timing does not tell.
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid) {
      await Promise.all([perAccount.penalty(accountKey, 1), perAddress.penalty(address, 1)]);
      await stores.audit.record({ actor: normalised || "(leeg)", action: "login_failed", at: now() });
      return { ok: false, status: (await blocked(accountKey, address)) ? 429 : 401 };
    }
    await perAccount.delete(accountKey);
    const token = randomBytes(32).toString("base64url");
    const created = now();
    const session: DeskSession = {
      id: hashToken(token),
      email: user.email,
      csrfToken: randomBytes(24).toString("base64url"),
      createdAt: created,
      expiresAt: new Date(created.getTime() + SESSION_HOURS * 3_600_000),
    };
    await stores.sessions.purgeExpired(created);
    await stores.sessions.create(session);
    await stores.audit.record({ actor: user.email, action: "login", at: created });
    return { ok: true, principal: { user, session }, cookie: cookie(req, token, SESSION_HOURS * 3600) };
  }

  /** The logged-in user of a request, when the session cookie is valid. */
  async function principal(req: Request): Promise<DeskPrincipal | undefined> {
    const token = readCookie(req, SESSION_COOKIE);
    if (!token) return undefined;
    const session = await stores.sessions.get(hashToken(token), now());
    if (!session) return undefined;
    const user = await stores.users.get(session.email);
    return user ? { user, session } : undefined;
  }

  async function logout(req: Request): Promise<string> {
    const found = await principal(req);
    if (found) {
      await stores.sessions.delete(found.session.id);
      await stores.audit.record({ actor: found.user.email, action: "logout", at: now() });
    }
    return cookie(req, "", 0);
  }

  /** 401 without a session; 403 on a state change without the session's CSRF token. */
  function requireSession() {
    return async (req: Request, res: Response, next: NextFunction) => {
      try {
        const found = await principal(req);
        if (!found) return void res.status(401).json({ error: "not_logged_in", message: "Log eerst in." });
        if (req.method !== "GET" && req.method !== "HEAD" && req.get("x-csrf-token") !== found.session.csrfToken) {
          return void res.status(403).json({ error: "csrf", message: "Deze actie mist een geldige CSRF-token. Laad de pagina opnieuw." });
        }
        res.locals.desk = found;
        next();
      } catch (error) {
        next(error);
      }
    };
  }

  function requireRole(role: DeskRole) {
    return (_req: Request, res: Response, next: NextFunction) => {
      const found = res.locals.desk as DeskPrincipal;
      if (found.user.role !== role) return void res.status(403).json({ error: "forbidden", message: "Dit is alleen voor coördinatoren." });
      next();
    };
  }

  return { login, logout, principal, requireSession, requireRole };
}

export type DeskAuth = ReturnType<typeof createDeskAuth>;
