import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log/logger.js";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger("info", stream) };
}

describe("createLogger", () => {
  it("never writes tokens or personal data, by key or inside text", () => {
    const { lines, logger } = capture();
    logger.info({ token: "123456:SECRET", headers: { authorization: "Bearer xoxb-secret-1" } }, "start");
    logger.warn("mail piet@voorbeeld.nl of bel 06-12345678, token bot123456:ABCDEFGHIJKLMNOP");
    logger.error({ err: Object.assign(new Error("iban NL91ABNA0417164300 refused xoxb-1-2-3"), { code: "E_TEST" }) }, "failed");
    const all = lines.join("\n");
    for (const secret of ["SECRET", "xoxb-secret-1", "piet@voorbeeld.nl", "06-12345678", "ABCDEFGHIJKLMNOP", "NL91ABNA0417164300", "xoxb-1-2-3"]) {
      expect(all).not.toContain(secret);
    }
    const error = JSON.parse(lines[2]!) as { err: { type: string; code: string; message: string } };
    expect(error.err).toEqual({ type: "Error", code: "E_TEST", message: "iban [iban] refused [token]" });
    expect(JSON.parse(lines[1]!).msg).toBe("mail [e-mail] of bel [telefoon], token [token]");
  });
});
