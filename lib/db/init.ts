import pg from "pg";
import { loadCatalog } from "./load-catalog";
import { loadWilayah, type LoadCounts } from "./load-wilayah";
import { migrate } from "./migrate";

/** `cli init`: migrate, load the indicator catalog and the national wilayah tree. Idempotent. */
export async function initDatabase(url: string): Promise<{ migrations: string[]; indikator: number; wilayah: LoadCounts }> {
  const { applied } = await migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const indikator = await loadCatalog(client);
    const wilayah = await loadWilayah(client);
    return { migrations: applied, indikator, wilayah };
  } finally {
    await client.end();
  }
}
