// The acting user as every lib/data function receives it (first argument).
export type Role = "ADMIN" | "DINKES_PROVINSI" | "DINKES_KABUPATEN" | "PUSKESMAS";

export interface Actor {
  id: string;
  email: string;
  nama: string;
  role: Role;
  provinsiKode: string | null;
  kabupatenKode: string | null;
  puskesmasKode: string | null;
}

export const ROLES: readonly Role[] = ["ADMIN", "DINKES_PROVINSI", "DINKES_KABUPATEN", "PUSKESMAS"];
