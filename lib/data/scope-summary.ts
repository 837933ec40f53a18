import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ownUnitKode } from "@/lib/auth/scope";
import type { WilayahRef } from "./wilayah";
import { getWilayah } from "./wilayah";

/** The unit a user's scope covers: the nation, their provinsi, kabupaten or puskesmas. */
export async function scopeSummary(actor: Actor): Promise<WilayahRef> {
  const node = await getWilayah(actor, ownUnitKode(actor) ?? "-");
  return { tingkat: node.tingkat, kode: node.kode, nama: node.nama };
}
