// Moved: the clock is lib/clock.ts, the default period lib/spm/periode.ts (lastFullMonth) and the URL
// period lib/schemas/periode.ts (periodeFromParams). This re-export only keeps lib/data/laporan.ts
// compiling until its owner imports todayWib from "@/lib/clock"; then delete this file.
export { todayWib } from "@/lib/clock";
