import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./connection";
import { mapDatabaseError } from "./errors";
import { webPoolConfig } from "./pool";

// The one Prisma client of the process. Only lib/data (and scripts through it) may import this module.
// Same connection limits as the web pool; outage errors become DatabaseUnavailableError.

function withDatabaseErrors(client: PrismaClient) {
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw mapDatabaseError(error);
        }
      },
    },
  });
}

export type Db = ReturnType<typeof withDatabaseErrors>;

const globalState = globalThis as typeof globalThis & { __pantauPrisma?: Promise<Db> };

async function create(): Promise<Db> {
  const connectionString = await databaseUrl().catch((error: unknown) => Promise.reject(mapDatabaseError(error)));
  return withDatabaseErrors(new PrismaClient({ adapter: new PrismaPg(webPoolConfig(connectionString)) }));
}

export function db(): Promise<Db> {
  if (!globalState.__pantauPrisma) {
    const client = create();
    client.catch(() => {
      globalState.__pantauPrisma = undefined;
    });
    globalState.__pantauPrisma = client;
  }
  return globalState.__pantauPrisma;
}
