"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">Terjadi kesalahan</h1>
      <p className="mt-2">
        Halaman tidak dapat dimuat. Bila basis data sedang tidak tersedia, coba lagi sebentar lagi; bila berulang,
        hubungi admin.
      </p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-teal-800 px-4 py-2 text-white">
        Coba lagi
      </button>
    </main>
  );
}
