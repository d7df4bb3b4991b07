/**
 * Remote embeddings through their LangChain integrations, for `EMBEDDINGS=openai|ollama`.
 * Any OpenAI-compatible server works through `baseUrl`. The integrations are imported only when
 * used: the OpenAI client alone takes about a second to load, which local embeddings never need.
 */
import type { Embeddings } from "@langchain/core/embeddings";

export interface ProviderEmbeddingsOptions {
  provider: "openai" | "ollama";
  model?: string;
  baseUrl?: string;
  apiKey?: string;
}

const DEFAULT_MODELS = { openai: "text-embedding-3-small", ollama: "nomic-embed-text" } as const;

/** Creates the provider's embeddings client. Nothing is sent until a text is embedded. */
export async function createProviderEmbeddings(options: ProviderEmbeddingsOptions): Promise<Embeddings> {
  const model = options.model ?? DEFAULT_MODELS[options.provider];
  if (options.provider === "openai") {
    const { OpenAIEmbeddings } = await import("@langchain/openai");
    return new OpenAIEmbeddings({
      model,
      // The OpenAI client refuses to start without a key; local OpenAI-compatible servers ignore it.
      apiKey: options.apiKey ?? "not-needed",
      encodingFormat: "float",
      maxRetries: 2,
      ...(options.baseUrl ? { configuration: { baseURL: options.baseUrl } } : {}),
    });
  }
  const { OllamaEmbeddings } = await import("@langchain/ollama");
  return new OllamaEmbeddings({
    model,
    maxRetries: 2,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.apiKey ? { headers: { Authorization: `Bearer ${options.apiKey}` } } : {}),
  });
}
