import { startEmbedded, type EmbeddedServer } from "@/lib/db/embedded";

/** DATABASE_URL when set, else the embedded server of PANTAU_DATA_DIR (started or attached to). `command`:
 *  a CLI command, which holds the folder while it runs a server it started (a second command waits); the
 *  app (`serve`, `demo`) holds nothing, and a command attaches to its server at once. */
export async function openDatabase({ command = false } = {}): Promise<EmbeddedServer> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  return startEmbedded(undefined, false, undefined, command);
}
