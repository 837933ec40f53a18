import type { ReactNode } from "react";

/** A form's outcome, announced to screen readers (live region): green when it went well, red otherwise. */
export function FormMessage({ testId, ok, message, children }: { testId: string; ok: boolean; message: string | null; children?: ReactNode }) {
  return (
    <div aria-live="polite" role="status" data-testid={testId}>
      {message && <p className={`rounded border p-3 text-sm ${ok ? "border-emerald-300 bg-emerald-50" : "border-red-300 bg-red-50"}`}>{message}</p>}
      {children}
    </div>
  );
}
