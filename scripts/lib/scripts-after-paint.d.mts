// Types of scripts-after-paint.mjs (plain JavaScript, run by scripts/next-server.mjs under node).
import type { IncomingMessage, ServerResponse } from "node:http";

export function deferHeadScripts(head: string, steps?: number[]): string;
export function acceptsGzip(header: string | undefined): boolean;
export function deferredScripts(html: string): string[];
export function isDocumentRequest(req: Pick<IncomingMessage, "method" | "url" | "headers">): boolean;
export function rewriteDocument(req: IncomingMessage, res: ServerResponse, steps?: number[]): void;
