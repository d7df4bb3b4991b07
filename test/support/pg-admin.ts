/** PostgreSQL helpers for tests and the bench; no test runner needed (the bench imports them). */
import pg from "pg";

/** `url` with every connection's search_path set to `schema` (for a child process's DATABASE_URL). */
export function schemaUrl(url: string, schema: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** Runs one statement on its own connection (creating and dropping schemas). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
