import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { actorForSession } from "@/lib/data/users";
import { span } from "@/lib/timing";
import type { Actor } from "./actor";
import { authOptions } from "./options";

/** The logged-in actor, re-read from the database on every request (role changes and logout apply at once). */
export function currentActor(): Promise<Actor | null> {
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
