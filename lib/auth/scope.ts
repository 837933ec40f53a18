import type { Actor } from "./actor";

// Who may see what: pure rules, used by lib/data before any read or write.

/** The place of a unit in the tree, by its ancestors' codes (null where it has none at that level). */
export interface WilayahPlace {
  provinsiKode: string | null;
  kabupatenKode: string | null;
  /** Only for a puskesmas or a desa: the puskesmas it is (or that serves it). */
  puskesmasKode: string | null;
}

export function canView(actor: Actor, place: WilayahPlace): boolean {
  switch (actor.role) {
    case "ADMIN":
      return true;
    case "DINKES_PROVINSI":
      return place.provinsiKode !== null && place.provinsiKode === actor.provinsiKode;
    case "DINKES_KABUPATEN":
      return place.kabupatenKode !== null && place.kabupatenKode === actor.kabupatenKode;
    case "PUSKESMAS":
      return place.puskesmasKode !== null && place.puskesmasKode === actor.puskesmasKode;
  }
}

/**
 * The code of the unit a user's scope covers: "" (the nation) for an administrator, else their provinsi,
 * kabupaten or puskesmas; null for an account that lacks the code its role needs. The one role → unit rule.
 */
export function ownUnitKode(actor: Actor): string | null {
  switch (actor.role) {
    case "ADMIN":
      return "";
    case "DINKES_PROVINSI":
      return actor.provinsiKode;
    case "DINKES_KABUPATEN":
      return actor.kabupatenKode;
    case "PUSKESMAS":
      return actor.puskesmasKode;
  }
}

/** Where a user lands after login: their own unit. */
export function homePath(actor: Actor): string {
  const kode = ownUnitKode(actor);
  if (!kode) return "/wilayah";
  return actor.role === "PUSKESMAS" ? `/puskesmas/${kode}` : `/wilayah/${kode}`;
}
