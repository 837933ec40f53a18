import { describe, expect, it } from "vitest";
import { readBodyText } from "@/lib/api/body";
import { IMPORT_MSG } from "@/lib/i18n/import";

// Request bodies are capped before they are read: Content-Length first, then the bytes as they stream in,
// and a deadline for a body that trickles in.
const LIMITS = { maxBytes: 1024, maxSeconds: 0.3 };

function streamed(chunks: number, size: number, delayMs = 0): { request: Request; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pulled >= chunks) return controller.close();
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  const request = new Request("http://x/api", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

async function errorOf(r: Awaited<ReturnType<typeof readBodyText>>): Promise<{ status: number; code: string; message: string }> {
  if (!("error" in r)) throw new Error("accepted");
  const json = (await r.error.json()) as { error: { code: string; message: string } };
  return { status: r.error.status, ...json.error };
}

describe("readBodyText", () => {
  it("reads a body within the limit (exactly maxBytes)", async () => {
    const r = await readBodyText(new Request("http://x/api", { method: "POST", body: "a".repeat(1024) }), LIMITS);
    expect(r).toEqual({ text: "a".repeat(1024) });
  });

  it("refuses by Content-Length before reading a byte", async () => {
    const { request, pulled } = streamed(100, 1024);
    const withLength = new Request(request, { headers: { "content-length": "102400" }, duplex: "half" } as RequestInit);
    const e = await errorOf(await readBodyText(withLength, LIMITS));
    expect(e).toEqual({ status: 413, code: "PAYLOAD_TOO_LARGE", message: IMPORT_MSG.badan.terlaluBesar(256 * 1024) });
    expect(pulled()).toBeLessThanOrEqual(2); // Request primes its stream (a chunk per wrapper); not read on
  });

  it("refuses a chunked body (no Content-Length) as soon as the bytes pass the limit", async () => {
    const { request, pulled } = streamed(10_000, 512);
    const e = await errorOf(await readBodyText(request, LIMITS));
    expect(e.status).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(4);
  });

  it("refuses a body that trickles in slower than the deadline with 408", async () => {
    const { request } = streamed(100, 1, 100);
    const started = Date.now();
    const e = await errorOf(await readBodyText(request, LIMITS));
    expect(e).toMatchObject({ status: 408, code: "REQUEST_TIMEOUT" });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
