import express, { type Express } from "express";
import type { Server } from "node:http";

export interface HttpServer {
  /** Express app: adapters mount their routes (`/telegram/webhook`, `/slack/events`) before `listen`. */
  app: Express;
  listen(port: number): Promise<number>;
  /**
   * The first step of a shutdown: from now on every request (also `/healthz`, so a load balancer
   * takes this instance out) gets 503 with `Connection: close`; the platforms deliver again later.
   */
  beginShutdown(): void;
  readonly stopping: boolean;
  /** Closes the server and every connection; the port is free when this resolves. */
  close(): Promise<void>;
}

/**
 * The one HTTP server the process runs: Telegram's webhook, Slack's events and `/healthz`
 * share it. Body parsing is left to each route (Slack needs the raw body for signatures).
 */
export function createHttpServer(health: () => Record<string, unknown> = () => ({})): HttpServer {
  const app = express();
  app.disable("x-powered-by");
  let stopping = false;
  app.use((_req, res, next) => {
    if (!stopping) return next();
    res.set("connection", "close");
    res.status(503).json({ status: "stopping" });
  });
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", ...health() });
  });
  let server: Server | undefined;
  return {
    app,
    listen(port) {
      return new Promise((resolve, reject) => {
        const s = app.listen(port, "0.0.0.0");
        s.once("listening", () => {
          server = s;
          const address = s.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
        s.once("error", reject);
      });
    },
    beginShutdown() {
      stopping = true;
    },
    get stopping() {
      return stopping;
    },
    close() {
      stopping = true;
      return new Promise((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
