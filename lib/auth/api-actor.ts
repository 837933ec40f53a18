import "server-only";
import { actorForToken } from "@/lib/data/api-tokens";
import type { Actor } from "./actor";
import { currentActor } from "./session";

/** A bearer token past its expiry: answered 401 with its own message (lib/api/errors.ts). */
export class TokenExpiredError extends Error {}

/** For route handlers: a Bearer API token when given, else the browser session. */
export async function apiActor(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return null;
    const check = await actorForToken(match[1]);
    if (check.ok) return check.actor;
    if (check.reason === "expired") throw new TokenExpiredError();
    return null;
  }
  return currentActor();
}
