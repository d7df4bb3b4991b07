import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openKnowledgeIndex, type OpenIndexOptions } from "../../../src/knowledge/knowledge-index.js";

const DOC = `---
id: doc-a
title: "Koken en zorgen"
publisher: "Movisie"
---

# Koken en zorgen

## Thuiskoks

Vrijwillige thuiskoks koken voor buurtgenoten die dat zelf niet meer kunnen.

## Mantelzorg

Gemeenten ondersteunen de mantelzorger met goede informatie.

## Sport

De buurtsportcoach organiseert wekelijks wandelen voor ouderen.
`;

/** A stand-in embedding model: a bag of words hashed into 64 dimensions, L2-normalised. */
function fakeVector(text: string): number[] {
  const vector = new Array<number>(64).fill(0);
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    let hash = 7;
    for (const char of word) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_003;
    vector[hash % 64]! += 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((x) => x / norm);
}

interface Received {
  path: string;
  authorization?: string;
  inputs: string[];
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
}

/** Serves OpenAI `/v1/embeddings` and Ollama `/api/embed` on 127.0.0.1 with a random port. */
function startFakeProvider(received: Received[]): Promise<Server> {
  const server = createServer(async (request, response) => {
    const body = await readJson(request);
    const inputs = (Array.isArray(body.input) ? body.input : [body.input]) as string[];
    received.push({ path: request.url ?? "", authorization: request.headers.authorization, inputs });
    response.setHeader("content-type", "application/json");
    if (request.url === "/v1/embeddings") {
      const data = inputs.map((text, index) => {
        const vector = fakeVector(text);
        const embedding = body.encoding_format === "base64" ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector;
        return { object: "embedding", index, embedding };
      });
      response.end(JSON.stringify({ object: "list", data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
    } else if (request.url === "/api/embed") {
      response.end(JSON.stringify({ model: body.model, embeddings: inputs.map(fakeVector) }));
    } else {
      response.statusCode = 404;
      response.end(JSON.stringify({ error: "not found" }));
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe.each([
  { provider: "openai" as const, path: "/v1/embeddings", base: (port: number) => `http://127.0.0.1:${port}/v1` },
  { provider: "ollama" as const, path: "/api/embed", base: (port: number) => `http://127.0.0.1:${port}` },
])("EMBEDDINGS=$provider against a local fake server", ({ provider, path, base }) => {
  const received: Received[] = [];
  let server: Server;
  let root: string;
  let options: OpenIndexOptions;

  beforeAll(async () => {
    server = await startFakeProvider(received);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
    root = mkdtempSync(join(tmpdir(), `wijkwijzer-${provider}-`));
    mkdirSync(join(root, "knowledge", "corpus"), { recursive: true });
    writeFileSync(join(root, "knowledge", "corpus", "a.md"), DOC);
    const port = (server.address() as AddressInfo).port;
    options = {
      knowledgeDir: join(root, "knowledge"),
      indexDir: join(root, "index"),
      extraDocuments: [],
      embeddings: { provider, model: "fake-embed", baseUrl: base(port), apiKey: "test-key" },
    };
    return () => rmSync(root, { recursive: true, force: true });
  });

  it("sends the chunk texts to the provider and searches with its vectors", async () => {
    const index = await openKnowledgeIndex(options);
    expect(index.rebuilt).toBe(true);
    const sent = received.flatMap((r) => r.inputs);
    expect(received.every((r) => r.path === path)).toBe(true);
    expect(received[0]?.authorization).toBe("Bearer test-key");
    expect(sent.some((text) => text.includes("Vrijwillige thuiskoks koken voor buurtgenoten"))).toBe(true);
    expect(sent.some((text) => text.includes("ondersteunen de mantelzorger"))).toBe(true);

    const [hit] = await index.search("mantelzorger informatie gemeenten", { k: 1 });
    expect(hit?.section).toBe("Mantelzorg");
    expect(received.at(-1)?.inputs).toEqual(["mantelzorger informatie gemeenten"]);
  });

  it("loads the saved vectors next time and only embeds the question", async () => {
    await openKnowledgeIndex(options);
    received.length = 0;
    const index = await openKnowledgeIndex(options);
    expect(index.rebuilt).toBe(false);
    expect(received).toHaveLength(0);
    const [hit] = await index.search("wandelen ouderen buurtsportcoach", { k: 1 });
    expect(hit?.section).toBe("Sport");
    expect(received.flatMap((r) => r.inputs)).toEqual(["wandelen ouderen buurtsportcoach"]);
  });
});
