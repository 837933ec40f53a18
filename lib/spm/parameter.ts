/**
 * Estimation parameters for sasaran (DOMAIN.md §5). Per year, national defaults overridable per kabupaten.
 * The defaults are application assumptions (verify against Pusdatin's data sasaran): the UI must show
 * them as such. Shares and prevalences are fractions (0.085 = 8.5 %), except the crude birth rate per mil.
 */
export interface ParameterEstimasi {
  /** Crude birth rate per 1000 population: lahir hidup = cbrPerMil / 1000 × penduduk. */
  cbrPerMil: number;
  /** ibu hamil = faktorIbuHamil × lahir hidup. */
  faktorIbuHamil: number;
  /** ibu bersalin = faktorIbuBersalin × lahir hidup. */
  faktorIbuBersalin: number;
  /** Shares of the total population, used where the desa's count of the group is not known. */
  proporsi: {
    balita: number;
    usia_dikdas: number;
    usia_produktif: number;
    lansia: number;
    remaja: number;
    usia_15_plus: number;
  };
  /** Share of penduduk ≥ 15 with hypertension. */
  prevalensiHipertensi: number;
  /** Share of penduduk ≥ 15 with diabetes melitus. */
  prevalensiDm: number;
  /** Share of the total population with severe mental illness (ODGJ berat). */
  prevalensiOdgjBerat: number;
  /** terduga TB = faktorTerdugaTb × penduduk; default 10 × 0.354 % = 0.0354. */
  faktorTerdugaTb: number;
}

export const PARAMETER_DEFAULT: ParameterEstimasi = Object.freeze({
  cbrPerMil: 16.5,
  faktorIbuHamil: 1.1,
  faktorIbuBersalin: 1.05,
  proporsi: Object.freeze({
    balita: 0.085,
    usia_dikdas: 0.16,
    usia_produktif: 0.66,
    lansia: 0.11,
    remaja: 0.16,
    usia_15_plus: 0.73,
  }),
  prevalensiHipertensi: 0.308,
  prevalensiDm: 0.022,
  prevalensiOdgjBerat: 0.0018,
  faktorTerdugaTb: 0.0354,
});
