/**
 * In-memory fakes of the core's ports, for unit tests of `createAssistant` without an index,
 * listings or network. The store is the real SQLite one on ":memory:" (see {@link createTestStore}),
 * so what a test reads back is what production would have stored.
 */
import type {
  AnswerComposer,
  ComposeRequest,
  ConversationStore,
  ListingRequest,
  ListingResponse,
  ListingSearch,
  Passage,
  RetrieveOptions,
  Retriever,
} from "../../src/core/ports.js";
import { createAssistant, type Assistant, type AssistantDeps } from "../../src/core/assistant.js";
import type { Channel, InboundMessage, Persona } from "../../src/core/types.js";
import type { SqliteDatabase } from "../../src/store/sqlite/database.js";
import { openSqliteStores } from "../../src/store/sqlite/sqlite-stores.js";

/** A knowledge passage with sensible defaults. */
export function passage(overrides: Partial<Passage> & Pick<Passage, "text">): Passage {
  return {
    id: "doc#1",
    title: "Sociale basis in actie",
    source: "doc",
    url: "https://www.movisie.nl/sociale-basis",
    publisher: "Movisie",
    year: 2023,
    kind: "knowledge",
    score: 1,
    ...overrides,
  };
}

export interface FakeRetriever extends Retriever {
  /** Every query and its options, in order. */
  calls: Array<{ query: string; options: RetrieveOptions }>;
}

/** A retriever that returns the given passages (or computes them from the query), or fails. */
export function createFakeRetriever(result: Passage[] | ((query: string) => Passage[]) | Error = []): FakeRetriever {
  const calls: FakeRetriever["calls"] = [];
  return {
    calls,
    async search(query, options) {
      calls.push({ query, options });
      if (result instanceof Error) throw result;
      const passages = typeof result === "function" ? result(query) : result;
      return passages.slice(0, options.k);
    },
  };
}

export interface FakeComposer extends AnswerComposer {
  requests: ComposeRequest[];
}

/**
 * A composer that quotes the first passage with source [1]; not confident without passages.
 * Deterministic, so a test can assert the exact answer.
 */
export function createFakeComposer(): FakeComposer {
  const requests: ComposeRequest[] = [];
  return {
    requests,
    async compose(request) {
      requests.push(request);
      const first = request.passages[0];
      if (!first) return { text: "", sources: [], confident: false };
      const source = {
        title: first.title,
        ...(first.publisher ? { publisher: first.publisher } : {}),
        ...(first.year ? { year: first.year } : {}),
        ...(first.url ? { url: first.url } : {}),
      };
      return { text: `${first.text} [1]`, sources: [source], confident: true };
    },
  };
}

export interface FakeListings extends ListingSearch {
  requests: ListingRequest[];
}

/** Listings that answer only messages matching `pattern` (default: never), with one fixed reply. */
export function createFakeListings(pattern?: RegExp): FakeListings {
  const requests: ListingRequest[] = [];
  return {
    requests,
    async respond(request): Promise<ListingResponse | null> {
      requests.push(request);
      if (!pattern || !pattern.test(request.text)) return null;
      return {
        kind: "results",
        replies: [{ text: "Koffieochtend in Buurthuis De Linde, di 10:00-12:00, gratis." }],
        sources: [{ title: "Buurthuis De Linde" }],
      };
    },
  };
}

export interface TestStore {
  db: SqliteDatabase;
  store: ConversationStore;
}

/** The real SQLite conversation store on a throw-away in-memory database. */
export function createTestStore(): TestStore {
  const { db, conversations } = openSqliteStores(":memory:");
  return { db, store: conversations };
}

/** A clock that starts at a fixed moment and moves one second a call. */
export function createTestClock(start = new Date("2025-03-04T09:00:00Z")): () => Date {
  let t = start.getTime();
  return () => new Date((t += 1000));
}

let counter = 0;

/** An inbound text message from one resident on the terminal channel, unless overridden. */
export function inbound(text: string, overrides: Partial<InboundMessage> = {}): InboundMessage {
  counter += 1;
  const channel: Channel = overrides.channel ?? "terminal";
  const persona: Persona = overrides.persona ?? "resident";
  return {
    id: `m${counter}`,
    channel,
    conversationId: `${channel}:conv-1`,
    userId: `${channel}:user-1`,
    persona,
    text,
    receivedAt: new Date("2025-03-04T09:00:00Z"),
    ...overrides,
  };
}

/**
 * An assistant over one fake passage, fake listings (a "koffie" search finds one) and a test clock:
 * the conversation tests give it a store, the safety check and whatever else they exercise.
 */
export function createSmallAssistant(deps: Pick<AssistantDeps, "store" | "safety"> & Partial<AssistantDeps>): Assistant {
  return createAssistant({
    retriever: createFakeRetriever([passage({ text: "De sociale basis is alles wat mensen zonder indicatie in hun buurt kunnen doen." })]),
    composer: createFakeComposer(),
    listings: createFakeListings(/koffie/i),
    now: createTestClock(),
    retentionDays: 90,
    wijkteamContact: "Wijkteam: 030-0000000.",
    ...deps,
  });
}
