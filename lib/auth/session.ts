import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { actorForSession } from "@/lib/data/users";
import { span } from "@/lib/timing";
import type { Actor } from "./actor";
import { authOptions } from "./options";

// Per request: the request's headers object stays the same through a server action and the page rendered
// after it, and through the layout and the page of one render.
const perRequest = new WeakMap<object, Promise<Actor | null>>();

/**
 * The logged-in actor, re-read from the database on every request (role changes and logout apply at once);
 * once per request: a form's save runs the action and then renders the page, layout and page both ask.
 */
export async function currentActor(): Promise<Actor | null> {
  const key = await headers();
  let actor = perRequest.get(key);
  if (!actor) {
    actor = readActor();
    perRequest.set(key, actor);
  }
  return actor;
}

function readActor(): Promise<Actor | null> {
  return span("session", async () => {
    const session = await getServerSession(authOptions);
    const token = session as unknown as { uid?: string; sv?: number } | null; // fields copied in the session callback
    if (!token?.uid) return null;
    return actorForSession(token.uid, token.sv ?? 0);
  });
}

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}
