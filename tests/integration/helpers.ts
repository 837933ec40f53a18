import type { Actor } from "@/lib/auth/actor";

export function actor(role: Actor["role"], scope: Partial<Pick<Actor, "provinsiKode" | "kabupatenKode" | "puskesmasKode">> = {}): Actor {
  return {
    id: "00000000-0000-0000-0000-000000000000",
    email: `${role.toLowerCase()}@test`,
    nama: role,
    role,
    provinsiKode: scope.provinsiKode ?? null,
    kabupatenKode: scope.kabupatenKode ?? null,
    puskesmasKode: scope.puskesmasKode ?? null,
  };
}

export const ADMIN = actor("ADMIN");
export const BANTEN = actor("DINKES_PROVINSI", { provinsiKode: "36" });
export const SERANG = actor("DINKES_KABUPATEN", { provinsiKode: "36", kabupatenKode: "36.04" });
export const LEBONG = actor("DINKES_KABUPATEN", { provinsiKode: "17", kabupatenKode: "17.07" });
export const ANYAR = actor("PUSKESMAS", { provinsiKode: "36", kabupatenKode: "36.04", puskesmasKode: "P36043001" });
export const BAROS = actor("PUSKESMAS", { provinsiKode: "36", kabupatenKode: "36.04", puskesmasKode: "P36042201" });
