import type { Actor, Role } from "./actor";

// Permissions are a closed list mapped to roles in one table; code asks for a permission, not a role.
export type Permission =
  | "wilayah.lihat"
  | "laporan.isi"
  | "laporan.verifikasi"
  | "laporan.bukaKunci"
  | "sasaran.kelola"
  | "laporan.ekspor"
  | "pengguna.kelola"
  | "import.jalankan"
  | "sasaran.impor"
  /** Hold an API token. Not PUSKESMAS: API reads must never show drafts, and a puskesmas user sees its own. */
  | "api.token";

const TABLE: Record<Permission, readonly Role[]> = {
  "wilayah.lihat": ["ADMIN", "DINKES_PROVINSI", "DINKES_KABUPATEN", "PUSKESMAS"],
  "laporan.isi": ["PUSKESMAS"],
  "laporan.verifikasi": ["DINKES_KABUPATEN"],
  "laporan.bukaKunci": ["DINKES_KABUPATEN"],
  "sasaran.kelola": ["DINKES_KABUPATEN"],
  "laporan.ekspor": ["ADMIN", "DINKES_PROVINSI", "DINKES_KABUPATEN", "PUSKESMAS"],
  "pengguna.kelola": ["ADMIN"],
  "import.jalankan": ["ADMIN", "DINKES_KABUPATEN", "PUSKESMAS"],
  /** Sasaran and population files: the kabupaten that sets sasaran, and the national administrator (CLI). */
  "sasaran.impor": ["ADMIN", "DINKES_KABUPATEN"],
  "api.token": ["ADMIN", "DINKES_PROVINSI", "DINKES_KABUPATEN"],
};

export function can(actor: Pick<Actor, "role">, permission: Permission): boolean {
  return TABLE[permission].includes(actor.role);
}

export class ForbiddenError extends Error {
  readonly code = "FORBIDDEN";
  constructor(message = "Anda tidak berhak mengakses data ini.") {
    super(message);
  }
}

export class NotFoundError extends Error {
  readonly code = "NOT_FOUND";
  constructor(message = "Data tidak ditemukan.") {
    super(message);
  }
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new ForbiddenError();
}
