/**
 * A local fake of the two chat APIs Wijkwijzer talks to: OpenAI-compatible `POST /v1/chat/completions`
 * and Ollama `POST /api/chat`. It listens on 127.0.0.1 with a free port, records every request body
 * and answers from a script, so tests can drive the REAL LangChain clients without any network.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type FakeLlmFlavour = "openai" | "ollama";

/** What the fake answers to one request. */
export type FakeLlmReply =
  /** A well-formed completion with this text. */
  | { kind: "text"; text: string }
  /** Never answers: the request hangs until the client gives up (records an abort). */
  | { kind: "slow" }
  /** An HTTP error status with a short JSON error body. */
  | { kind: "status"; status: number }
  /** HTTP 200 with a body the client cannot parse. */
  | { kind: "malformed" };

/** A scripted step: a fixed reply, or one computed from the recorded request. */
export type FakeLlmStep = FakeLlmReply | ((request: RecordedLlmRequest) => FakeLlmReply);

export interface RecordedLlmRequest {
  path: string;
  /** The raw request body, exactly as received (grep it for personal data). */
  raw: string;
  /** The parsed JSON body. */
  body: { model?: string; stream?: boolean; messages?: Array<{ role: string; content: unknown }> };
  /** All message contents joined, for easy assertions. */
  text: string;
}

export interface FakeLlmServer {
  /** Base URL to configure: `…/v1` for openai, the root for ollama. */
  baseUrl: string;
  flavour: FakeLlmFlavour;
  requests: RecordedLlmRequest[];
  /** Requests the client abandoned before the fake answered. */
  aborted: number;
  /** Replaces the script: steps are used in order, the last one repeats. */
  script(...steps: FakeLlmStep[]): void;
  close(): Promise<void>;
}

/** Ready-made replies for the scenarios the acceptance tests need. */
export const fakeReplies = {
  cited: (text = "Een buurthuis is een plek in de wijk waar buren elkaar ontmoeten [1]. U kunt er vaak gratis koffie drinken [3].") =>
    ({ kind: "text", text }) as const,
  citesMissing: { kind: "text", text: "Bij het buurthuis is elke dag inloop [7]." } as const,
  noCitation: { kind: "text", text: "Een buurthuis is een plek waar buren elkaar ontmoeten. Er is elke dag koffie." } as const,
  slow: { kind: "slow" } as const,
  serverError: { kind: "status", status: 500 } as const,
  malformed: { kind: "malformed" } as const,
};

export async function startFakeLlmServer(flavour: FakeLlmFlavour): Promise<FakeLlmServer> {
  let steps: FakeLlmStep[] = [fakeReplies.cited()];
  let next = 0;
  const sockets = new Set<Socket>();
  const state: Pick<FakeLlmServer, "requests" | "aborted"> = { requests: [], aborted: 0 };
  const chatPath = flavour === "openai" ? "/v1/chat/completions" : "/api/chat";

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (req.method !== "POST" || path !== chatPath) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: `no route ${path}` }));
      return;
    }
    let body: RecordedLlmRequest["body"] = {};
    try {
      body = JSON.parse(raw) as RecordedLlmRequest["body"];
    } catch {
      res.writeHead(400).end("bad json");
      return;
    }
    const text = (body.messages ?? []).map((m) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content))).join("\n");
    const request: RecordedLlmRequest = { path, raw, body, text };
    state.requests.push(request);
    const step = steps[Math.min(next, steps.length - 1)]!;
    next += 1;
    const reply = typeof step === "function" ? step(request) : step;
    answer(reply, body, res);
  }

  function answer(reply: FakeLlmReply, body: RecordedLlmRequest["body"], res: ServerResponse) {
    switch (reply.kind) {
      case "slow":
        // Hold the request open; the client's abort closes the socket, which we count.
        res.on("close", () => {
          if (!res.writableEnded) state.aborted += 1;
        });
        return;
      case "status":
        res
          .writeHead(reply.status, { "content-type": "application/json" })
          .end(JSON.stringify({ error: { message: "fake server error", type: "server_error" } }));
        return;
      case "malformed":
        res.writeHead(200, { "content-type": flavour === "openai" ? "application/json" : "application/x-ndjson" });
        res.end(flavour === "openai" ? '{"id": "x", "choices": [{"message": ' : '{"message": {"role": "assistant", "content": "hal\n');
        return;
      case "text":
        if (flavour === "openai") sendOpenAi(reply.text, body, res);
        else sendOllama(reply.text, body, res);
        return;
    }
  }

  function sendOpenAi(text: string, body: RecordedLlmRequest["body"], res: ServerResponse) {
    const base = { id: "chatcmpl-fake", created: 1_700_000_000, model: body.model ?? "fake" };
    if (body.stream) {
      res.writeHead(200, { "content-type": "text/event-stream" });
      const chunk = { ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta: { role: "assistant", content: text }, finish_reason: null }] };
      const done = { ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta: {}, finish_reason: "stop" }] };
      res.end(`data: ${JSON.stringify(chunk)}\n\ndata: ${JSON.stringify(done)}\n\ndata: [DONE]\n\n`);
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        ...base,
        object: "chat.completion",
        choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }),
    );
  }

  function sendOllama(text: string, body: RecordedLlmRequest["body"], res: ServerResponse) {
    const base = { model: body.model ?? "fake", created_at: "2025-01-01T00:00:00Z" };
    const final = { ...base, message: { role: "assistant", content: "" }, done: true, done_reason: "stop", prompt_eval_count: 10, eval_count: 10 };
    if (body.stream === false) {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...final, message: { role: "assistant", content: text } }));
      return;
    }
    res.writeHead(200, { "content-type": "application/x-ndjson" });
    res.end(`${JSON.stringify({ ...base, message: { role: "assistant", content: text }, done: false })}\n${JSON.stringify(final)}\n`);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const root = `http://127.0.0.1:${port}`;

  return {
    baseUrl: flavour === "openai" ? `${root}/v1` : root,
    flavour,
    get requests() {
      return state.requests;
    },
    get aborted() {
      return state.aborted;
    },
    script(...newSteps) {
      steps = newSteps.length > 0 ? newSteps : [fakeReplies.cited()];
      next = 0;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
