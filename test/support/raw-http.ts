/**
 * Raw HTTP requests for tests that must control how a body is sent: announce a large body and send
 * only its start, or stream it in chunks, and see what the server answers meanwhile.
 */
import { request } from "node:http";

export interface RawResponse {
  status: number;
  /** Bytes of the body the client had written when the answer came. */
  sentBeforeAnswer: number;
}

export interface RawPostOptions {
  url: string;
  headers: Record<string, string>;
  /** Total bytes to send (the announced Content-Length unless `chunked`). */
  size: number;
  /** Send without Content-Length, as a chunked stream. */
  chunked?: boolean;
  /** Bytes per write; the next write follows a short pause (and only after the previous one drained). */
  chunkBytes?: number;
}

/** POSTs `size` bytes of `x`, stopping as soon as the server answers; resolves with the status. */
export function rawPost(options: RawPostOptions): Promise<RawResponse> {
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  const url = new URL(options.url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { ...options.headers, ...(options.chunked ? {} : { "content-length": String(options.size) }) },
      },
      (res) => {
        answered = true;
        const status = res.statusCode ?? 0;
        res.resume();
        resolve({ status, sentBeforeAnswer: sent });
        req.destroy();
      },
    );
    // A server that answers early and closes may reset the upload; only a missing answer is a failure.
    req.on("error", (error) => {
      if (!answered) setTimeout(() => (answered ? undefined : reject(error)), 50);
    });
    const chunk = Buffer.alloc(chunkBytes, "x");
    // One chunk at a time with a pause between, so an early answer is read before the next write.
    const writeMore = () => {
      if (answered) return;
      if (sent >= options.size) return void req.end();
      const piece = chunk.subarray(0, Math.min(chunkBytes, options.size - sent));
      sent += piece.length;
      if (req.write(piece)) setTimeout(writeMore, 2);
      else req.once("drain", () => setTimeout(writeMore, 2));
    };
    writeMore();
  });
}
