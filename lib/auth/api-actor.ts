import "server-only";
import { actorForToken } from "@/lib/data/api-tokens";
import type { Actor } from "./actor";
import { currentActor } from "./session";

/** For route handlers: a Bearer API token when given, else the browser session. */
export async function apiActor(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? actorForToken(match[1]) : null;
  }
  return currentActor();
}
