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

/** The command line acts as a national administrator (it runs on the server, with database access). */
export const CLI_ACTOR: Actor = {
  id: "00000000-0000-0000-0000-000000000001",
  email: "cli@pantau.local",
  nama: "Baris perintah",
  role: "ADMIN",
  provinsiKode: null,
  kabupatenKode: null,
  puskesmasKode: null,
};
