import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./connection";

// The one Prisma client of the process. Only lib/data (and scripts through it) may import this module.

const globalState = globalThis as typeof globalThis & { __pantauPrisma?: Promise<PrismaClient> };

async function create(): Promise<PrismaClient> {
  const connectionString = await databaseUrl();
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10, connectionTimeoutMillis: 5000 }) });
}

export function db(): Promise<PrismaClient> {
  if (!globalState.__pantauPrisma) {
    const client = create();
    client.catch(() => {
      globalState.__pantauPrisma = undefined;
    });
    globalState.__pantauPrisma = client;
  }
  return globalState.__pantauPrisma;
}

export async function disconnect(): Promise<void> {
  const client = globalState.__pantauPrisma;
  globalState.__pantauPrisma = undefined;
  if (client) await (await client).$disconnect();
}
