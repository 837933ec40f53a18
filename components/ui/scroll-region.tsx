import type { ReactNode } from "react";

export const GESER_LABEL = "Tabel, dapat digeser ke samping";
export const GESER_PETUNJUK = "Geser tabel ke samping untuk melihat semua kolom →";

/** The visible line "scroll the table sideways", shown below the sm breakpoint only (screen readers get the
 *  region's name instead). */
export function ScrollHint() {
  return (
    <p className="mt-1 text-xs text-slate-600 sm:hidden print:hidden" aria-hidden="true" data-testid="petunjuk-geser">
      {GESER_PETUNJUK}
    </p>
  );
}

/**
 * A table wider than a phone: it scrolls sideways inside its own box (the page itself never does), takes
 * keyboard focus to be scrolled with the arrow keys, and is named for screen readers. On a 360 px screen the
 * last columns start off-screen, so a visible hint comes first (`hint={false}` where one hint above a group
 * of tables says it once).
 */
export function ScrollRegion({ label = GESER_LABEL, className = "", hint = true, children }: { label?: string; className?: string; hint?: boolean; children: ReactNode }) {
  return (
    <>
      {hint && <ScrollHint />}
      <div className={`overflow-x-auto ${className}`.trim()} tabIndex={0} role="region" aria-label={label}>
        {children}
      </div>
    </>
  );
}
