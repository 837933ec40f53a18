import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { WilayahRef } from "./wilayah";
import { getWilayah } from "./wilayah";

/** The unit a user's scope covers: the nation, their provinsi, kabupaten or puskesmas. */
export async function scopeSummary(actor: Actor): Promise<WilayahRef> {
  const kode =
    actor.role === "PUSKESMAS" ? actor.puskesmasKode
    : actor.role === "DINKES_KABUPATEN" ? actor.kabupatenKode
    : actor.role === "DINKES_PROVINSI" ? actor.provinsiKode
    : "";
  const node = await getWilayah(actor, kode ?? "-");
  return { tingkat: node.tingkat, kode: node.kode, nama: node.nama };
}
