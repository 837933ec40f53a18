import { startEmbedded, type EmbeddedServer } from "@/lib/db/embedded";

/** DATABASE_URL when set, else the embedded server of PANTAU_DATA_DIR (started or attached to; a command
 *  that starts it holds the folder until it stops it: a second command waits). */
export async function openDatabase(): Promise<EmbeddedServer> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  return startEmbedded(undefined, false, undefined, true);
}
