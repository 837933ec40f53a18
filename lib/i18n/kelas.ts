import type { KelasCapaian } from "@/lib/spm/kelas";

// Labels and colours of the capaian classes: the one table every page, heatmap cell, export fill, preview
// table and form hint reads. The class itself is decided by lib/spm/kelas.ts, never here.

export interface KelasTampilan {
  label: string;
  /** A symbol beside the label, so the class never rests on colour alone. */
  simbol: string;
  /** The colour's name in the legends. */
  warna: string;
  /** Tailwind classes of a badge and of a table cell. */
  lencana: string;
  sel: string;
  /** Heatmap cell class (app/globals.css: one short class per cell keeps a big page small). */
  heatmap: string;
  /** Light fill of an XLSX/PDF cell (hex RGB) and the bar colour of the PDF chart; null: none. */
  isi: string | null;
  batang: string;
}

export const KELAS_TAMPILAN: Readonly<Record<KelasCapaian, KelasTampilan>> = {
  tercapai: {
    label: "Sesuai target", simbol: "✓", warna: "hijau",
    lencana: "bg-emerald-100 text-emerald-900", sel: "bg-emerald-50", heatmap: "hm-ok", isi: "D1FAE5", batang: "059669",
  },
  "di-bawah": {
    label: "Di bawah target", simbol: "▼", warna: "merah",
    lencana: "bg-red-100 text-red-900", sel: "bg-red-50", heatmap: "hm-low", isi: "FEE2E2", batang: "DC2626",
  },
  melebihi: {
    label: "Melebihi sasaran — periksa sasaran", simbol: "!", warna: "kuning",
    lencana: "bg-amber-100 text-amber-900", sel: "bg-amber-100", heatmap: "hm-over", isi: "FEF3C7", batang: "D97706",
  },
  "tanpa-sasaran": {
    label: "Tidak ada sasaran", simbol: "–", warna: "tanpa warna",
    lencana: "bg-slate-100 text-slate-700", sel: "text-slate-500", heatmap: "hm-na", isi: null, batang: "94A3B8",
  },
  "tanpa-data": {
    label: "Belum ada data", simbol: "?", warna: "abu-abu",
    lencana: "bg-slate-200 text-slate-800", sel: "bg-slate-100 text-slate-600", heatmap: "hm-nd", isi: "E5E7EB", batang: "94A3B8",
  },
};

/** The legend of the colours, in the order of the classes. */
export const LEGENDA_KELAS =
  "Warna capaian: " +
  (["tercapai", "di-bawah", "melebihi", "tanpa-data", "tanpa-sasaran"] as const)
    .map((k) => `${KELAS_TAMPILAN[k].warna} = ${KELAS_TAMPILAN[k].label.toLowerCase()}${k === "tercapai" ? " (capaian ≥ garis target PWS, dihitung eksak)" : ""}`)
    .join(", ") +
  ".";
