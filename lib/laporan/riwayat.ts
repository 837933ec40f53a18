// The audit history of one report as someone who does not see drafts may read it (DOMAIN.md §7: drafts
// show only to their puskesmas): as if the drafts never existed. Pure: the caller reads the audit rows.

export interface EntriRiwayat {
  at: Date;
  user_email: string | null;
  aksi: string;
  entitas: string;
  kunci: string;
  lama: unknown;
  baru: unknown;
  sumber: string | null;
}

/** A report's audit history as someone may see it: `entri` newest first (maybe only the latest), and how many there are in all. */
export interface Riwayat {
  entri: EntriRiwayat[];
  jumlah: number;
}

/** The status a `laporan` entry leaves the report in: form and imports write it plainly, the workflow as { status }. */
function statusAfter(e: EntriRiwayat): string | null {
  if (e.aksi === "status") return typeof e.baru === "string" ? e.baru : null;
  const baru = e.baru as { status?: unknown } | null;
  return typeof baru?.status === "string" ? baru.status : null;
}

const valueOf = (v: unknown): number | null => (typeof v === "number" ? v : null);

/**
 * `entries` oldest first. A save writes its rows with one time (`at`): they are read together. A save that
 * leaves the report a DRAFT is left out; a save of a report that is not a draft shows each value's change
 * from the last value others could see (so a submission of a draft shows, per value, the change from that
 * last visible value to the submitted one, at the submission's time and by its author). Oldest first.
 */
export function riwayatTanpaDraf(entries: readonly EntriRiwayat[]): EntriRiwayat[] {
  const out: EntriRiwayat[] = [];
  let status: string | null = null;
  let shownStatus: string | null = null;
  const cur = new Map<string, { e: EntriRiwayat; baru: number | null }>(); // every value as written, drafts included
  const visible = new Map<string, number | null>(); // the values others have seen
  for (let i = 0; i < entries.length; ) {
    let j = i;
    while (j < entries.length && entries[j].at.getTime() === entries[i].at.getTime()) j++;
    const save = entries.slice(i, j);
    i = j;
    const wasDraft = status === "DRAFT";
    const touched = new Set<string>();
    for (const e of save) {
      if (e.entitas === "nilai") {
        cur.set(e.kunci, { e, baru: valueOf(e.baru) });
        touched.add(e.kunci);
      } else if (e.entitas === "laporan") status = statusAfter(e) ?? status;
    }
    if (status === "DRAFT") continue;
    for (const e of save) {
      if (e.entitas === "nilai") continue;
      if (e.entitas === "laporan") {
        out.push({ ...e, lama: e.aksi === "status" ? shownStatus : e.lama });
        shownStatus = statusAfter(e) ?? shownStatus;
      } else out.push(e);
    }
    // Leaving a draft: everything typed in it becomes visible now; else what this save changed.
    for (const kunci of wasDraft ? cur.keys() : touched) {
      const { e, baru } = cur.get(kunci)!;
      const lama = visible.get(kunci) ?? null;
      if (lama === baru) continue;
      const from = wasDraft ? (save.find((x) => x.entitas === "laporan") ?? e) : e;
      out.push({ ...from, entitas: "nilai", kunci, aksi: lama === null ? "tambah" : baru === null ? "hapus" : "ubah", lama, baru });
      visible.set(kunci, baru);
    }
  }
  return out;
}
