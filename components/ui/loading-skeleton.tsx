/** Shown while a dashboard's figures load (server streaming). */
export function LoadingSkeleton() {
  return (
    <main className="mx-auto max-w-6xl animate-pulse space-y-4 px-4 py-6" aria-busy="true">
      <p className="text-sm text-slate-600" role="status">Memuat data…</p>
      <div className="h-8 w-64 rounded bg-slate-200" />
      <div className="grid gap-3 sm:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-24 rounded bg-slate-200" />
        ))}
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-32 rounded bg-slate-200" />
        ))}
      </div>
    </main>
  );
}
