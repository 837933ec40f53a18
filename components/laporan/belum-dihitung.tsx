import { STATUS_LAPORAN_LABEL } from "@/lib/i18n/dashboard";
import { NAMA_BULAN } from "@/lib/i18n/format";
import { MSG_LAPORAN } from "@/lib/i18n/laporan";
import type { BulanBelumDihitung, StatusLaporanPaket } from "@/lib/offline/paket";

/** Where the form's running totals and the dashboards part (DOMAIN.md §7: only DIKIRIM and DIVERIFIKASI
 *  count), online and on the phone without signal alike, in the same words: the earlier months of the year
 *  that are not counted, and this month's report when it exists but is not counted (a draft, or returned),
 *  whose values the form's totals include. Nothing when form and dashboards agree. */
export function BelumDihitung({ daftar, statusIni }: { daftar: readonly BulanBelumDihitung[] | undefined; statusIni: StatusLaporanPaket | null }) {
  const ini = statusIni === "DRAFT" || statusIni === "DIKEMBALIKAN" ? statusIni : null;
  if ((!daftar || daftar.length === 0) && !ini) return null;
  return (
    <div className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
      {daftar && daftar.length > 0 && (
        <p data-testid="belum-dihitung">
          {MSG_LAPORAN.belumDihitung(daftar.map((m) => MSG_LAPORAN.bulanBelumDihitung(NAMA_BULAN[m.bulan - 1], m.status && STATUS_LAPORAN_LABEL[m.status])).join(", "))}
        </p>
      )}
      {ini && <p data-testid="bulan-ini-belum-dihitung">{MSG_LAPORAN.bulanIniBelumDihitung(STATUS_LAPORAN_LABEL[ini])}</p>}
    </div>
  );
}
