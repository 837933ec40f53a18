"use client";

import { DB_UNAVAILABLE_DIGEST } from "@/lib/db/errors";
import { HALAMAN_GALAT as T } from "@/lib/i18n/errors";
import "./globals.css";

// When the root layout itself fails: replaces the whole document, so it brings <html> and <body>.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const db = error.digest === DB_UNAVAILABLE_DIGEST;
  return (
    <html lang="id">
      <body className="min-h-screen">
        <main className="mx-auto max-w-xl px-4 py-16" data-testid="halaman-galat">
          <h1 className="text-2xl font-bold">{db ? T.judulDb : T.judul}</h1>
          <p className="mt-2">{db ? T.isiDb : T.isi}</p>
          <button type="button" onClick={reset} className="mt-4 rounded bg-teal-800 px-4 py-2 text-white">
            {T.cobaLagi}
          </button>
        </main>
      </body>
    </html>
  );
}
