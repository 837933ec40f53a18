import { dasarTeks, gabung, sudahSelesai, type NilaiServer } from "./gabung";

export type { NilaiServer } from "./gabung";

// The outbox of offline entries (issue 16), pure: what waits on the phone, the order of sending, the
// backoff between tries and what each answer of the server does to an entry. Nothing is ever dropped
// here except a report the server accepted or one the user chose to give up for the server's values.

export type StatusEntri = "menunggu" | "konflik" | "ditolak";

export interface EntriAntrean {
  /** One entry per user and report: `userId:desa/tahun/bulan`. */
  id: string;
  userId: string;
  desaKode: string;
  desaNama: string;
  tahun: number;
  bulan: number;
  /** The report's version the values were typed on (0 = no report yet). */
  versi: number;
  aksi: "draf" | "kirim";
  nilai: Record<string, string>;
  /**
   * The report's values at `versi` as the form showed them when typing started: `nilai` ≠ `dasar` is what
   * the user changed. Missing on entries saved by the earlier version (every difference counts then).
   */
  dasar?: Record<string, string>;
  /** The user confirmed the warned values. */
  konfirmasi: boolean;
  /** When it was typed (ISO). */
  diketikAt: string;
  status: StatusEntri;
  percobaan: number;
  /** Not before this time (ISO) after a failed try. */
  cobaLagiAt: string | null;
  pesan: string | null;
  /** Warnings the server raised that the user has not confirmed. */
  peringatan?: Record<string, string>;
  /** On a conflict: what the server holds now. */
  server?: NilaiServer;
}

/** The answer of POST /api/v1/offline/kirim as the phone reads it. */
export type JawabanKirim =
  | { hasil: "ok"; versi: number; status: string }
  | { hasil: "konflik"; terkunci: boolean; message: string; server: NilaiServer }
  | { hasil: "ditolak"; message: string; warnings: Record<string, string>; errors: Record<string, string> }
  | { hasil: "sesi" }
  | { hasil: "jaringan" };

export function idEntri(userId: string, desaKode: string, tahun: number, bulan: number): string {
  return `${userId}:${desaKode}/${tahun}/${bulan}`;
}

/** What a save on the phone gives the outbox (the rest of an entry is the outbox's own). */
export type EntriBaru = Pick<EntriAntrean, "userId" | "desaKode" | "desaNama" | "tahun" | "bulan" | "versi" | "aksi" | "nilai" | "dasar" | "konfirmasi">;

/**
 * A save on the phone. A report already waiting is replaced by the newer typing but keeps the version it
 * was first based on and that version's values (the newer typing started from the same server state).
 */
export function simpanEntri(lama: EntriAntrean | undefined, baru: EntriBaru, now: Date): EntriAntrean {
  return {
    ...baru,
    dasar: lama ? lama.dasar : baru.dasar, // an entry of the earlier version stays without: its versi is kept too
    id: idEntri(baru.userId, baru.desaKode, baru.tahun, baru.bulan),
    versi: lama?.versi ?? baru.versi, // a conflict still stands: sent again, it is shown again
    diketikAt: now.toISOString(),
    status: "menunggu",
    percobaan: 0,
    cobaLagiAt: null,
    pesan: null,
  };
}

/** Oldest typed first (ties by id), as they are sent. */
export function urutkan(entri: readonly EntriAntrean[]): EntriAntrean[] {
  return [...entri].sort((a, b) => a.diketikAt.localeCompare(b.diketikAt) || a.id.localeCompare(b.id));
}

const JEDA_AWAL_MS = 2_000;
const JEDA_MAKS_MS = 5 * 60_000;

/** Wait before try n+1 after n failed tries: 2 s, 4 s, 8 s, … at most 5 minutes. */
export function jedaCoba(percobaan: number): number {
  return Math.min(JEDA_MAKS_MS, JEDA_AWAL_MS * 2 ** Math.max(0, percobaan - 1));
}

/** The entries to send now, in order: waiting and past their backoff. */
export function siapDikirim(entri: readonly EntriAntrean[], now: Date): EntriAntrean[] {
  return urutkan(entri).filter((e) => e.status === "menunggu" && (e.cobaLagiAt === null || Date.parse(e.cobaLagiAt) <= now.getTime()));
}

export type Langkah =
  /** The server accepted it: remove from the phone. */
  | { hapus: true; berhenti: false }
  /** Keep it (changed); `berhenti`: send nothing more now (no network, no session), later entries keep their order. */
  | { hapus: false; entri: EntriAntrean; berhenti: boolean };

/** What an answer does to the entry sent. */
export function setelahKirim(e: EntriAntrean, j: JawabanKirim, now: Date): Langkah {
  switch (j.hasil) {
    case "ok":
      return { hapus: true, berhenti: false };
    case "konflik": {
      const g = gabung(e, j.server);
      // The server already holds every change of the phone (an earlier send arrived and its answer did not,
      // or another device typed the same): done.
      if (sudahSelesai(e, g, j.server.status)) return { hapus: true, berhenti: false };
      // Same values, only not submitted yet: sent again on the server's versi, overwriting nothing.
      if (g.beda.length === 0 && j.server.status !== "DIVERIFIKASI") return { hapus: false, berhenti: false, entri: pilihPonsel({ ...e, server: j.server }) };
      return { hapus: false, berhenti: false, entri: { ...e, status: "konflik", pesan: j.message, server: j.server, cobaLagiAt: null } };
    }
    case "ditolak":
      return { hapus: false, berhenti: false, entri: { ...e, status: "ditolak", pesan: j.message, peringatan: j.warnings, cobaLagiAt: null } };
    case "sesi":
      return { hapus: false, berhenti: true, entri: { ...e, pesan: null } };
    case "jaringan": {
      const percobaan = e.percobaan + 1;
      return { hapus: false, berhenti: true, entri: { ...e, percobaan, cobaLagiAt: new Date(now.getTime() + jedaCoba(percobaan)).toISOString() } };
    }
  }
}

/**
 * The user keeps the phone's values: the server's current values with only the indicators the phone changed
 * replaced, sent again on the server's current version (which becomes the entry's new `dasar`).
 */
export function pilihPonsel(e: EntriAntrean): EntriAntrean {
  if (!e.server || e.server.status === "DIVERIFIKASI") return e; // a verified report cannot be overwritten
  const { nilai } = gabung(e, e.server);
  return { ...e, nilai, dasar: dasarTeks(e.server.nilai), versi: e.server.versi, status: "menunggu", percobaan: 0, cobaLagiAt: null, pesan: null, server: undefined };
}

/** The user confirms the values the server warned about: sent again with the confirmation. */
export function konfirmasiPeringatan(e: EntriAntrean): EntriAntrean {
  return { ...e, konfirmasi: true, status: "menunggu", percobaan: 0, cobaLagiAt: null, pesan: null, peringatan: undefined };
}

/** Reads the HTTP answer of the sync endpoint (status and JSON body, or a network failure). */
export function bacaJawaban(status: number | null, body: unknown): JawabanKirim {
  if (status === null || status >= 500 || status === 408 || status === 429) return { hasil: "jaringan" };
  if (status === 401) return { hasil: "sesi" };
  const b = (body ?? {}) as Record<string, unknown>;
  if (status === 200 && b.hasil === "ok") return { hasil: "ok", versi: Number(b.versi), status: String(b.status) };
  if (status === 409 && b.server && typeof b.server === "object") {
    return { hasil: "konflik", terkunci: b.terkunci === true, message: String(b.message ?? ""), server: b.server as NilaiServer };
  }
  const err = (b.error ?? {}) as { message?: string };
  return {
    hasil: "ditolak",
    message: String(b.message ?? err.message ?? "Ditolak server."),
    warnings: (b.warnings as Record<string, string>) ?? {},
    errors: (b.errors as Record<string, string>) ?? {},
  };
}
