import { startEmbedded } from "./embedded";
import { migrate } from "./migrate";

// Resolves the database to use: DATABASE_URL when set, else the embedded PostgreSQL in PANTAU_DATA_DIR.
// Migrations are applied once per process before the first use.

interface ConnectionState {
  url: Promise<string>;
}

const globalState = globalThis as typeof globalThis & { __pantauConnection?: ConnectionState };

async function resolveUrl(): Promise<string> {
  const url = process.env.DATABASE_URL || (await startEmbedded()).url;
  await migrate(url);
  return url;
}

/** The migrated database's connection string (starts the embedded server on first call if needed). */
export function databaseUrl(): Promise<string> {
  if (!globalState.__pantauConnection) {
    const url = resolveUrl();
    // A failed start must not be cached: the next request tries again.
    url.catch(() => {
      globalState.__pantauConnection = undefined;
    });
    globalState.__pantauConnection = { url };
  }
  return globalState.__pantauConnection.url;
}
