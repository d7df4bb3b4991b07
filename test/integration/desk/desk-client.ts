/** A desk user over real HTTP: login, cookie, CSRF token, JSON calls and the event stream. */
export interface DeskClient {
  cookie: string;
  csrf: string;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown, options?: { csrf?: boolean }): Promise<Response>;
  events(): { seen: Array<{ type: string; ticket: { id: number; status?: string } }>; close(): void };
}

export async function login(base: string, email: string, password: string): Promise<Response> {
  return fetch(`${base}/desk/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
    redirect: "manual",
  });
}

export async function deskClient(base: string, email: string, password: string): Promise<DeskClient> {
  const res = await login(base, email, password);
  if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  const me = (await (await fetch(`${base}/desk/api/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  const client: DeskClient = {
    cookie,
    csrf: me.csrfToken,
    get: (path) => fetch(`${base}${path}`, { headers: { cookie } }),
    post: (path, body, options) =>
      fetch(`${base}${path}`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", ...(options?.csrf === false ? {} : { "x-csrf-token": me.csrfToken }) },
        body: JSON.stringify(body ?? {}),
      }),
    events() {
      const seen: Array<{ type: string; ticket: { id: number; status?: string } }> = [];
      const abort = new AbortController();
      void (async () => {
        const res = await fetch(`${base}/desk/api/events`, { headers: { cookie }, signal: abort.signal });
        const reader = res.body!.getReader();
        const decoder = new TextDecoder();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split("\n").find((l) => l.startsWith("data: "));
            if (data) seen.push(JSON.parse(data.slice(6)));
          }
        }
      })().catch(() => undefined);
      return { seen, close: () => abort.abort() };
    },
  };
  return client;
}
