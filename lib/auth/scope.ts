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

/** Where a user lands after login: their own unit. */
export function homePath(actor: Actor): string {
  switch (actor.role) {
    case "ADMIN":
      return "/wilayah";
    case "DINKES_PROVINSI":
      return `/wilayah/${actor.provinsiKode}`;
    case "DINKES_KABUPATEN":
      return `/wilayah/${actor.kabupatenKode}`;
    case "PUSKESMAS":
      return `/puskesmas/${actor.puskesmasKode}`;
  }
}
