import type { KelasCapaian } from "@/lib/spm/kelas";
import type { Tingkat } from "@/lib/wilayah/kode";

// The view model of a capaian map (lib/data/peta.ts builds it; the dashboard's SVG and the PDF draw it).

export type PetaLevel = "provinsi" | "kabupaten" | "kecamatan" | "desa";

/** A unit's figures as the map reads them: the dashboard's child rows and the report's rows both fit. */
export interface PetaRow {
  kode: string;
  nama: string;
  tingkat: Tingkat;
  figures: readonly { indikator: string; kelas: KelasCapaian; capaian: number | null }[];
}

export interface PetaUnit {
  kode: string;
  nama: string;
  tingkat: Tingkat;
  /** SVG path data. */
  d: string;
  /** null: not a unit of this dashboard (a neighbour drawn for context, outside the user's view): grey, no link. */
  kelas: KelasCapaian | null;
  capaian: number | null;
}

export interface Peta {
  level: PetaLevel;
  width: number;
  height: number;
  units: PetaUnit[];
  /** Units of the dashboard without a shape: named under the map. */
  tanpaBatas: { kode: string; nama: string }[];
  /** A kabupaten whose desa have shapes: the map can show desa instead of kecamatan. */
  adaPetaDesa: boolean;
}
