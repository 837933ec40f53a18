import type { Tingkat } from "./kode";

/** The page URL of a unit: `/wilayah`, `/wilayah/<kode>`, or `/puskesmas/<kode>`. */
export function wilayahHref(w: { tingkat: Tingkat; kode: string }, query?: string): string {
  const path = w.tingkat === "puskesmas" ? `/puskesmas/${w.kode}` : w.kode ? `/wilayah/${w.kode}` : "/wilayah";
  return query ? `${path}?${query}` : path;
}
