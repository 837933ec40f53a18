"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { DB_UNAVAILABLE_DIGEST } from "@/lib/db/errors";
import { HALAMAN_GALAT as T } from "@/lib/i18n/errors";

// A page that failed: the message only says what the user can do. In production Next.js passes only the
// error's digest to the browser; lib/db/errors.ts gives database outages a fixed one.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const db = error.digest === DB_UNAVAILABLE_DIGEST;
  const router = useRouter();
  // The failure was on the server: fetch the page again, then leave the error state.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <main className="mx-auto max-w-xl px-4 py-16" data-testid="halaman-galat">
      <h1 className="text-2xl font-bold">{db ? T.judulDb : T.judul}</h1>
      <p className="mt-2">{db ? T.isiDb : T.isi}</p>
      {error.digest && !db && (
        <p className="mt-2 text-sm text-slate-600">
          {T.kode}: {error.digest}
        </p>
      )}
      <button type="button" onClick={retry} className="mt-4 rounded bg-teal-800 px-4 py-2 text-white">
        {T.cobaLagi}
      </button>
    </main>
  );
}
