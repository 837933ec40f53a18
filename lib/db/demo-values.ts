import type { BasisSasaran, Indikator } from "@/lib/spm/catalog";

// Plausible monthly values for generated data (demo and benchmark): a desa's performance factor times
// the monthly share of its sasaran, with noise; paired indicators stay consistent (SPM-01 ≤ KIA-K1,
// SPM-03 ≤ KIA-KN1) so that generated data does not trip the validation warnings.

export function monthlyValues(
  catalog: readonly Indikator[],
  sasaran: Record<BasisSasaran, number>,
  performa: number,
  rand: () => number,
): Map<string, number> {
  const out = new Map<string, number>();
  const noise = () => 0.6 + rand() * 0.8;
  for (const ind of catalog) {
    let v: number;
    if (ind.jenis === "jumlah") {
      const lambda = ind.arah === "turun" ? 0.3 : 1.2;
      v = Math.floor(rand() * (lambda * 3));
    } else if (ind.jenis === "bulanan") {
      const s = ind.basis ? sasaran[ind.basis] : 0;
      v = Math.min(s, Math.round(s * Math.min(1, 0.85 * performa * (0.9 + rand() * 0.2))));
    } else {
      const s = ind.basis ? sasaran[ind.basis] : 0;
      v = Math.max(0, Math.round((s / 12) * performa * noise()));
    }
    out.set(ind.kode, v);
  }
  const pair = (low: string, high: string, ratio: number) => {
    const h = out.get(high);
    if (h !== undefined && out.has(low)) out.set(low, Math.min(h, Math.round(h * ratio)));
  };
  pair("SPM-01", "KIA-K1", 0.9);
  pair("SPM-03", "KIA-KN1", 0.95);
  return out;
}
