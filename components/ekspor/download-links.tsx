import { EKSPOR } from "@/lib/i18n/ekspor";

/** Links to the export files for the same query (the route handlers answer with an attachment). */
export function DownloadLinks({ query, dhis2Query }: { query: string; dhis2Query: string | null }) {
  const links = [
    { href: `/api/v1/ekspor/xlsx?${query}`, label: EKSPOR.formatXlsx, testId: "unduh-xlsx" },
    { href: `/api/v1/ekspor/csv?${query}`, label: EKSPOR.formatCsv, testId: "unduh-csv" },
    { href: `/api/v1/ekspor/pdf?${query}`, label: EKSPOR.formatPdf, testId: "unduh-pdf" },
  ];
  return (
    <section aria-labelledby="unduh" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="unduh" className="mb-2 text-lg font-semibold">
        {EKSPOR.unduh}
      </h2>
      <ul className="flex flex-wrap gap-2">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href} download data-testid={l.testId} className="inline-block rounded border border-teal-800 px-3 py-1.5 text-sm font-semibold no-underline hover:bg-teal-50">
              {EKSPOR.unduh} {l.label}
            </a>
          </li>
        ))}
        {dhis2Query && (
          <li>
            <a href={`/api/v1/dhis2?${dhis2Query}`} download data-testid="unduh-dhis2" className="inline-block rounded border border-teal-800 px-3 py-1.5 text-sm font-semibold no-underline hover:bg-teal-50">
              {EKSPOR.unduh} {EKSPOR.formatDhis2}
            </a>
          </li>
        )}
      </ul>
      {!dhis2Query && <p className="mt-2 text-sm text-slate-600">{EKSPOR.dhis2PerluBulan}</p>}
      <p className="mt-2 text-sm text-slate-600">{EKSPOR.berkasBesar}</p>
      <p className="mt-2 text-sm">
        <a href="/api/v1/dhis2/mapping" download>
          {EKSPOR.dhis2Mapping}
        </a>
      </p>
    </section>
  );
}
