import { realisasiBerjalan } from "@/lib/spm/capaian";
import { INDIKATOR, getIndikator } from "@/lib/spm/catalog";
import { MSG_LAPORAN } from "@/lib/i18n/laporan";

// Validation of one monthly report (DOMAIN.md section 7): errors block saving, warnings need confirmation.
// Pure: the caller supplies the context (sasaran, earlier months) read from the database.

export interface KonteksValidasi {
  /** Annual sasaran per indicator (absent = none). */
  sasaran: Record<string, number | null | undefined>;
  /** Σ of the desa's counted values (DIKIRIM, DIVERIFIKASI: as the dashboards count) of January..the month before, per indicator. */
  kumulatifSebelum: Record<string, number | undefined>;
  /** The desa's counted values of up to 6 previous months, per indicator (for the outlier check). */
  riwayat: Record<string, number[] | undefined>;
}

export interface HasilValidasi {
  /** Parsed whole numbers per indicator (only valid ones). */
  nilai: Record<string, number>;
  errors: Record<string, string>;
  warnings: Record<string, string>;
}

const MAX_NILAI = 2_147_483_647;

export function parseNilai(raw: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const s = raw.trim();
  if (s === "") return { ok: true, value: null };
  if (/^-/.test(s)) return { ok: false, message: MSG_LAPORAN.negatif };
  if (!/^\d+$/.test(s)) return { ok: false, message: /^\d*[.,]\d+$/.test(s) ? MSG_LAPORAN.pecahan : MSG_LAPORAN.bukanAngka };
  const n = Number(s);
  if (!Number.isSafeInteger(n) || n > MAX_NILAI) return { ok: false, message: MSG_LAPORAN.terlaluBesar };
  return { ok: true, value: n };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Validates raw form values (indicator code → text typed by the user). Empty = not reported (0). */
export function validasiLaporan(raw: Record<string, string>, ctx: KonteksValidasi): HasilValidasi {
  const nilai: Record<string, number> = {};
  const errors: Record<string, string> = {};
  const warnings: Record<string, string> = {};
  for (const [kode, text] of Object.entries(raw)) {
    if (!getIndikator(kode)) {
      errors[kode] = MSG_LAPORAN.indikatorTidakDikenal(kode);
      continue;
    }
    const p = parseNilai(text);
    if (!p.ok) errors[kode] = p.message;
    else if (p.value !== null) nilai[kode] = p.value;
  }
  // R as the dashboards will show it once this month counts (lib/spm: the one rule per kind).
  const kumulatif = (kode: string) => realisasiBerjalan("kumulatif", ctx.kumulatifSebelum[kode] ?? 0, nilai[kode] ?? 0);
  for (const ind of INDIKATOR) {
    const v = nilai[ind.kode];
    if (v === undefined) continue;
    const s = ctx.sasaran[ind.kode];
    const r = realisasiBerjalan(ind.jenis, ctx.kumulatifSebelum[ind.kode] ?? 0, v);
    if (ind.jenis !== "jumlah" && s != null && s > 0) {
      if (ind.jenis === "kumulatif" && v > s) warnings[ind.kode] = MSG_LAPORAN.nilaiMelebihiSasaran(s);
      else if (r > 1.2 * s) warnings[ind.kode] = MSG_LAPORAN.realisasiMelebihi120(r, s);
    }
    const riwayat = ctx.riwayat[ind.kode] ?? [];
    if (!warnings[ind.kode] && riwayat.length >= 3) {
      const m = median(riwayat);
      if (m > 0 && v > 3 * m) warnings[ind.kode] = MSG_LAPORAN.outlier(m);
    }
  }
  const pair = (low: string, high: string) => {
    if (nilai[low] === undefined && nilai[high] === undefined) return;
    if (kumulatif(low) > kumulatif(high) && !warnings[low]) warnings[low] = MSG_LAPORAN.melebihiPasangan(low, high);
  };
  pair("SPM-01", "KIA-K1");
  pair("SPM-03", "KIA-KN1");
  return { nilai, errors, warnings };
}
