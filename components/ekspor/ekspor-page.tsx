import { AppHeader } from "@/components/layout/app-header";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { ownUnitKode } from "@/lib/auth/scope";
import { loadReport } from "@/lib/data/report";
import { getWilayah, listChildren } from "@/lib/data/wilayah";
import { EKSPOR } from "@/lib/i18n/ekspor";
import { periodeLabel, wilayahLabel, type ReportModel } from "@/lib/report/rows";
import { eksporQuery, type EksporQuery } from "@/lib/schemas/ekspor";
import { lastFullMonth } from "@/lib/spm/periode";
import { todayWib } from "@/lib/clock";
import { DownloadLinks } from "./download-links";
import { EksporForm, type EksporFormValues } from "./ekspor-form";
import { PreviewTable } from "./preview-table";
import { firstParams, type SearchParams } from "@/lib/schemas/query";

/** The fields of the report form; other parameters of the URL (the PDF's `grafik`, say) are not the page's. */
const FIELDS = ["wilayah", "tahun", "bulan", "detail", "indikator"] as const;
export type EksporParams = SearchParams;


function queryString(q: EksporQuery): string {
  const p = new URLSearchParams({ wilayah: q.wilayah, tahun: String(q.tahun) });
  if (q.bulan !== undefined) p.set("bulan", String(q.bulan));
  p.set("detail", q.detail);
  p.set("indikator", q.indikator);
  return p.toString();
}

/** DHIS2 periods are months: no link for a full year. */
function dhis2QueryString(q: EksporQuery): string | null {
  return q.bulan === undefined ? null : new URLSearchParams({ wilayah: q.wilayah, tahun: String(q.tahun), bulan: String(q.bulan) }).toString();
}

/** Units offered in the wilayah field: the actor's own unit and the units one level down. */
async function wilayahPilihan(actor: Actor): Promise<{ kode: string; nama: string }[]> {
  const own = await getWilayah(actor, (ownUnitKode(actor) ?? "-"));
  const children = await listChildren(actor, own);
  return [own, ...children.lain, ...children.kecamatan].map((w) => ({ kode: w.kode, nama: w.nama }));
}

async function load(actor: Actor, q: EksporQuery): Promise<{ model: ReportModel } | { error: string }> {
  try {
    return { model: await loadReport(actor, { kode: q.wilayah, tahun: q.tahun, bulan: q.bulan, detail: q.detail, indikator: q.indikator }) };
  } catch (error) {
    if (error instanceof ForbiddenError) return { error: EKSPOR.diLuarCakupan };
    if (error instanceof NotFoundError) return { error: EKSPOR.wilayahTidakDitemukan };
    throw error;
  }
}

/** The report page: a GET form, a preview from the same model as the files, and the download links. */
export async function EksporPage({ actor, params }: { actor: Actor; params: EksporParams }) {
  const today = todayWib();
  const raw = firstParams(Object.fromEntries(FIELDS.flatMap((k) => (params[k] === undefined ? [] : [[k, params[k]]]))));
  // First visit (no year chosen yet): the actor's own unit and the last full month.
  const awal = lastFullMonth(today);
  const input = raw.tahun === undefined ? { wilayah: (ownUnitKode(actor) ?? "-"), tahun: String(awal.tahun), bulan: String(awal.bulan), ...raw } : raw;
  const parsed = eksporQuery.safeParse(input);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0] ?? "wilayah")] ??= i.message;
  const q = parsed.success ? parsed.data : null;
  const [pilihan, result] = await Promise.all([wilayahPilihan(actor), q ? load(actor, q) : Promise.resolve(null)]);
  const values: EksporFormValues = {
    wilayah: input.wilayah ?? "",
    tahun: q?.tahun ?? awal.tahun,
    bulan: q ? (q.bulan === undefined ? "" : String(q.bulan)) : (input.bulan ?? ""),
    detail: q?.detail ?? input.detail ?? "anak",
    indikator: q?.indikator ?? input.indikator ?? "spm",
  };
  const tahunPilihan = Array.from({ length: Math.max(today.tahun, values.tahun) - 2025 + 1 }, (_, i) => 2025 + i);
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-6xl space-y-4 px-4 py-6">
        <h1 className="text-2xl font-bold">{EKSPOR.judulHalaman}</h1>
        <EksporForm values={values} tahunPilihan={tahunPilihan} wilayahPilihan={pilihan} errors={errors} />
        {result && "error" in result && (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm">
            {result.error}
          </p>
        )}
        {q && result && "model" in result && (
          <>
            <p className="text-sm" data-testid="ekspor-judul">
              <span className="font-semibold">{wilayahLabel(result.model.wilayah)}</span> · {periodeLabel(result.model)}
            </p>
            <DownloadLinks query={queryString(q)} dhis2Query={dhis2QueryString(q)} />
            <PreviewTable model={result.model} />
          </>
        )}
      </main>
    </>
  );
}
