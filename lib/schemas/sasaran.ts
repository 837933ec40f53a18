import { z } from "zod";
import { tahunParam } from "./periode";

// The forms of population/sasaran per desa and of a kabupaten's settings. Counts stay text here and are
// parsed with field messages (lib/laporan/validasi parseNilai); parameters are decimals with a comma or a dot.

export const sasaranDesaSchema = z.object({
  desaKode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, "Kode desa tidak sah."),
  tahun: tahunParam,
});

const desimal = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim().replace(",", ".") : v),
    z.string().regex(/^\d+(\.\d+)?$/, "Isi dengan angka desimal (contoh: 0,085).").transform(Number).pipe(z.number().min(min, `Minimal ${min}.`).max(max, `Maksimal ${max}.`)),
  );

export const pengaturanSchema = z.object({
  kabupatenKode: z.string().regex(/^\d{2}\.\d{2}$/, "Kode kabupaten tidak sah."),
  tahun: tahunParam,
  hariBatas: z.coerce.number({ message: "Isi dengan tanggal 1–31." }).int("Isi dengan tanggal 1–31.").min(1, "Isi dengan tanggal 1–31.").max(31, "Isi dengan tanggal 1–31."),
  cbrPerMil: desimal(0, 100),
  faktorIbuHamil: desimal(0, 5),
  faktorIbuBersalin: desimal(0, 5),
  "proporsi.balita": desimal(0, 1),
  "proporsi.usia_dikdas": desimal(0, 1),
  "proporsi.usia_produktif": desimal(0, 1),
  "proporsi.lansia": desimal(0, 1),
  "proporsi.remaja": desimal(0, 1),
  "proporsi.usia_15_plus": desimal(0, 1),
  prevalensiHipertensi: desimal(0, 1),
  prevalensiDm: desimal(0, 1),
  prevalensiOdgjBerat: desimal(0, 1),
  faktorTerdugaTb: desimal(0, 1),
});
