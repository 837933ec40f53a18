import type { Indikator } from "@/lib/spm/catalog";

// The independent oracle of tests/integration/differential.test.ts: what every surface must show, worked
// out from the rows the test wrote, with exact integer arithmetic. It deliberately does not import
// lib/spm/capaian, lib/spm/figure, lib/spm/rounding or lib/i18n: a bug shared by the product's surfaces
// must not hide in the expected values too. Only the catalog (kind and annual target) is data it reads.

export type Status = "DRAFT" | "DIKIRIM" | "DIVERIFIKASI" | "DIKEMBALIKAN";

/** A deterministic PRNG (mulberry32, the demo seed's): the same seed writes the same dataset. */
export { seededRandom as prng } from "@/lib/db/random";

/** num/den ≥ 0 rounded to 2 decimals, half away from zero, computed on integers. */
export function round2(num: bigint, den: bigint): number {
  const scaled = num * 100n;
  let q = scaled / den;
  if (2n * (scaled - q * den) >= den) q += 1n;
  return Number(`${q}e-2`);
}

export interface Expected {
  sasaran: number | null;
  realisasi: number;
  capaian: number | null;
  target: number;
}

export interface StoredReport {
  status: Status;
  /** The values stored in the report (what the form shows): indicator → value. */
  values: Record<string, number>;
}

const COUNTED: ReadonlySet<Status> = new Set(["DIKIRIM", "DIVERIFIKASI"]);

/** Every report and sasaran the test wrote, for one year. */
export class Ledger {
  readonly reports = new Map<string, StoredReport>();
  readonly sasaran = new Map<string, number>();

  constructor(readonly tahun: number) {}

  setReport(desa: string, bulan: number, report: StoredReport): void {
    this.reports.set(`${desa}|${bulan}`, report);
  }

  report(desa: string, bulan: number): StoredReport | undefined {
    return this.reports.get(`${desa}|${bulan}`);
  }

  /** The desa's counted value (0 when the month has no counted report or no value). */
  counted(desa: string, bulan: number, ind: string): number {
    const r = this.report(desa, bulan);
    return r && COUNTED.has(r.status) ? (r.values[ind] ?? 0) : 0;
  }

  /** The counted values stored for a month (value 0 included): desa → indicator → value. */
  countedRows(desas: readonly string[], bulan: number): { desa: string; ind: string; nilai: number }[] {
    const out: { desa: string; ind: string; nilai: number }[] = [];
    for (const desa of desas) {
      const r = this.report(desa, bulan);
      if (!r || !COUNTED.has(r.status)) continue;
      for (const [ind, nilai] of Object.entries(r.values)) out.push({ desa, ind, nilai });
    }
    return out;
  }

  /** Σ of the desa's counted values of months 1..bulan (kumulatif, jumlah) or of month bulan (bulanan). */
  realisasiDesa(desa: string, ind: Pick<Indikator, "kode" | "jenis">, bulan: number): number {
    if (ind.jenis === "bulanan") return bulan >= 1 ? this.counted(desa, bulan, ind.kode) : 0;
    let s = 0;
    for (let j = 1; j <= bulan; j++) s += this.counted(desa, j, ind.kode);
    return s;
  }

  /** The figure of a unit made of `desas` (Σ R / Σ S, never a mean of percentages). */
  figure(desas: readonly string[], ind: Pick<Indikator, "kode" | "jenis" | "target">, bulan: number): Expected {
    const realisasi = desas.reduce((s, d) => s + this.realisasiDesa(d, ind, bulan), 0);
    let sasaran: number | null = null;
    if (ind.jenis !== "jumlah") {
      for (const d of desas) {
        const s = this.sasaran.get(`${d}|${ind.kode}`);
        if (s !== undefined) sasaran = (sasaran ?? 0) + s;
      }
    }
    const capaian = sasaran === null || sasaran === 0 ? null : round2(BigInt(realisasi) * 100n, BigInt(sasaran));
    return { sasaran, realisasi, capaian, target: targetLine(ind, bulan) };
  }

  /** Indeks SPM: mean over the SPM services with S > 0 of min(C, 100), exact, then rounded. */
  indeks(desas: readonly string[], spm: readonly Pick<Indikator, "kode" | "jenis" | "target">[], bulan: number): number | null {
    let num = 0n;
    let den = 1n;
    let n = 0n;
    for (const ind of spm) {
      const f = this.figure(desas, ind, bulan);
      if (f.sasaran === null || f.sasaran === 0) continue;
      n += 1n;
      const r = BigInt(Math.min(f.realisasi, f.sasaran));
      const s = BigInt(f.sasaran);
      // num/den + r·100/s
      num = num * s + r * 100n * den;
      den = den * s;
    }
    return n === 0n ? null : round2(num, den * n);
  }
}

/** TL(m): T·m/12 for kumulatif, T for bulanan, 0 for jumlah; rounded to 2 decimals. */
export function targetLine(ind: Pick<Indikator, "jenis" | "target">, bulan: number): number {
  if (ind.jenis === "jumlah") return 0;
  if (ind.jenis === "bulanan") return ind.target;
  return round2(BigInt(ind.target * bulan), 12n);
}

const ANGKA = new Intl.NumberFormat("id-ID");
const PERSEN_TABEL = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** How a count reads in the PDF (`1.234`), "–" for null. */
export const angka = (n: number | null) => (n === null ? "–" : ANGKA.format(n));
/** How a percentage reads in a PDF table column (`39,20`), "–" for null. */
export const persenTabel = (n: number | null) => (n === null ? "–" : PERSEN_TABEL.format(n));
