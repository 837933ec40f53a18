import "server-only";
import { BODY_LIMITS } from "@/lib/import/limits";
import { apiError } from "./errors";

// A request body read with bounds (issue 13): refused with 413 when Content-Length announces more than
// maxBytes, and again while streaming when the bytes received pass it (a chunked or lying body); refused
// with 408 when it has not all arrived within maxSeconds (a client sending a byte a second). Nothing beyond
// the limit is buffered.

export type BodyResult = { text: string } | { error: Response };

export async function readBodyText(request: Request, limits: { maxBytes: number; maxSeconds: number } = BODY_LIMITS): Promise<BodyResult> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limits.maxBytes)) return { error: apiError("PAYLOAD_TOO_LARGE") };
  if (!request.body) return { text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), limits.maxSeconds * 1000)));
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timeout]);
      if (next === "timeout") {
        void reader.cancel().catch(() => {});
        return { error: apiError("REQUEST_TIMEOUT") };
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limits.maxBytes) {
        void reader.cancel().catch(() => {});
        return { error: apiError("PAYLOAD_TOO_LARGE") };
      }
      chunks.push(next.value);
    }
  } catch {
    return { error: apiError("BAD_REQUEST") }; // the client went away mid-body
  } finally {
    clearTimeout(timer);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { text: new TextDecoder().decode(bytes) };
}
