/**
 * Sasaran (annual denominators) of a desa: estimation from population and the choice between an
 * estimate and an official figure (DOMAIN.md §5).
 *
 * Exactness: every parameter is read as the decimal it is written as (0.0354 = 354/10000, see
 * fromNumber) and each figure is computed as an exact rational, then ceil'ed once. With floats,
 * 0.085 × 600 = 51.00000000000001 would become 52 balita and 16.5/1000 × 1.1 × 20000 would become 364
 * ibu hamil instead of 363.
 *
 * Assumptions where DOMAIN.md is silent (verify):
 * - Only final figures are ceil'ed; intermediates (lahir hidup, penduduk ≥ 15 from its share) stay exact,
 *   so ibu hamil = ceil(1.10 × CBR × penduduk), not 1.10 × ceil(CBR × penduduk).
 * - risiko HIV = the ceil'ed ibu hamil + the ceil'ed terduga TB, i.e. the sum of the two estimates as
 *   shown (key populations are entered as a DITETAPKAN figure, not estimated).
 * - bayi (surviving infants) = the desa's `bayi` count when known, else lahir hidup.
 * - A missing total counts as 0: figures derived from it (lahir hidup, ODGJ, TB, shares) are 0, which
 *   downstream means "tidak ada sasaran".
 */
import type { BasisSasaran } from "./catalog";
import { assertCount, assertNonNegative } from "./guards";
import type { ParameterEstimasi } from "./parameter";
import type { Penduduk } from "./penduduk";
import { ceil, fromNumber, mul, rational, type Rational } from "./rational";

export { PARAMETER_DEFAULT, type ParameterEstimasi } from "./parameter";

type Kelompok = keyof ParameterEstimasi["proporsi"];
const KELOMPOK_PROPORSI: readonly Kelompok[] = ["balita", "usia_dikdas", "usia_produktif", "lansia", "remaja", "usia_15_plus"];

function parameter(value: number, name: string): Rational {
  assertNonNegative(value, name);
  return fromNumber(value);
}

function count(value: number | null | undefined, name: string): Rational | null {
  if (value == null) return null;
  assertCount(value, `penduduk.${name}`);
  return rational(value);
}

function whole(r: Rational): number {
  return Number(ceil(r));
}

/** Every basis of a desa, each rounded up to whole people. */
export function estimateSasaran(penduduk: Penduduk, p: ParameterEstimasi): Record<BasisSasaran, number> {
  const total = count(penduduk.total, "total") ?? rational(0);
  const group = (k: Kelompok): Rational =>
    count(penduduk[k], k) ?? mul(parameter(p.proporsi[k], `proporsi.${k}`), total);

  const lahirHidup = mul(mul(parameter(p.cbrPerMil, "cbrPerMil"), rational(1, 1000)), total);
  const usia15Plus = group("usia_15_plus");
  const shares = Object.fromEntries(KELOMPOK_PROPORSI.map((k) => [k, whole(group(k))])) as Record<Kelompok, number>; // keys are exactly KELOMPOK_PROPORSI
  const ibuHamil = whole(mul(parameter(p.faktorIbuHamil, "faktorIbuHamil"), lahirHidup));
  const terdugaTb = whole(mul(parameter(p.faktorTerdugaTb, "faktorTerdugaTb"), total));

  return {
    ibu_hamil: ibuHamil,
    ibu_bersalin: whole(mul(parameter(p.faktorIbuBersalin, "faktorIbuBersalin"), lahirHidup)),
    bayi_baru_lahir: whole(lahirHidup),
    bayi: whole(count(penduduk.bayi, "bayi") ?? lahirHidup),
    ...shares,
    hipertensi: whole(mul(parameter(p.prevalensiHipertensi, "prevalensiHipertensi"), usia15Plus)),
    dm: whole(mul(parameter(p.prevalensiDm, "prevalensiDm"), usia15Plus)),
    odgj_berat: whole(mul(parameter(p.prevalensiOdgjBerat, "prevalensiOdgjBerat"), total)),
    terduga_tb: terdugaTb,
    risiko_hiv: ibuHamil + terdugaTb,
  };
}

export type SumberSasaran = "DITETAPKAN" | "ESTIMASI";

/** The sasaran in force: a DITETAPKAN figure always wins, even 0 ("no target"); else the estimate. */
export function resolveSasaran(
  ditetapkan: number | null | undefined,
  estimasi: number | null | undefined,
): { sasaran: number | null; sumber: SumberSasaran | null } {
  if (ditetapkan != null) return { sasaran: ditetapkan, sumber: "DITETAPKAN" };
  if (estimasi != null) return { sasaran: estimasi, sumber: "ESTIMASI" };
  return { sasaran: null, sumber: null };
}
