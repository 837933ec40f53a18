import "server-only";
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { seesDrafts, visibleStatus } from "@/lib/auth/drafts";
import { ForbiddenError, requirePermission } from "@/lib/auth/permissions";
import { batch, type Statement } from "@/lib/db/batch";
import { pool } from "@/lib/db/pool";
import { MSG_LAPORAN } from "@/lib/i18n/laporan";
import { periodKey } from "@/lib/import/values";
import { validasiLaporan, type KonteksValidasi } from "@/lib/laporan/validasi";
import { realisasi } from "@/lib/spm/capaian";
import { INDIKATOR } from "@/lib/spm/catalog";
import { todayWib } from "@/lib/clock";
import { inTransaction } from "./transaction";
import { hariBatasFrom, hariBatasStatement, tulisLaporan, type SumberTulis } from "./tulis-laporan";
import { desaStatuses } from "./kelengkapan";
import { nilaiSumsQuery } from "./sums-sql";
import { getWilayah, type WilayahNode } from "./wilayah";

// The monthly report of one desa: read for the form, save (draft or submit) with validation, optimistic
// concurrency on `versi`, audit of every changed value, all in one transaction.

export type StatusLaporan = "DRAFT" | "DIKIRIM" | "DIVERIFIKASI" | "DIKEMBALIKAN";

export interface LaporanForm {
  desa: { kode: string; nama: string; puskesmasKode: string; kabupatenKode: string };
  tahun: number;
  bulan: number;
  id: string | null;
  status: StatusLaporan | null;
  versi: number;
  alasan: string | null;
  updatedAt: Date | null;
  updatedBy: string | null;
  nilai: Record<string, number>;
  peringatan: Record<string, string>;
  konteks: KonteksValidasi;
  /**
   * Earlier months of the year that the running totals do not count (no report, or one not submitted or
   * returned): the form names them. A draft shows as such only to its own puskesmas.
   */
  belumDihitung: { bulan: number; status: StatusLaporan | null }[];
}

/**
 * What validation and the form's running totals need, counted exactly as the dashboards count: the
 * desa's sums of January..bulan−1 from the same SQL as every figure (lib/data/sums-sql: only reports
 * DIKIRIM and DIVERIFIKASI, so no draft reaches anyone through a total), the sasaran, and the counted
 * values of the six months before for the outlier check. Two statements (one in January), read with
 * konteksFrom: in parallel on the pool for the form, in the save's one batch inside a save.
 */
function konteksStatements(desa: Pick<WilayahNode, "tingkat" | "kode" | "place">, tahun: number, bulan: number): Statement[] {
  const own: Statement = [
    `SELECT (SELECT coalesce(json_object_agg(indikator_kode, jumlah), '{}') FROM sasaran WHERE desa_kode = $1 AND tahun = $2) AS s,
       (SELECT coalesce(json_agg(json_build_array(indikator_kode, nilai) ORDER BY tahun, bulan), '[]') FROM nilai
        WHERE desa_kode = $1 AND dihitung AND (tahun * 12 + bulan) BETWEEN ($2 * 12 + $3 - 6) AND ($2 * 12 + $3 - 1)) AS r`,
    [desa.kode, tahun, bulan],
  ];
  return bulan > 1 ? [own, nilaiSumsQuery(desa, null, tahun, bulan - 1)] : [own];
}

type KonteksRows = [own: { s: Record<string, number>; r: [string, number][] }[], prev?: ({ i: string } & Record<`m${number}`, string | null>)[]];

function konteksFrom([own, prev = []]: KonteksRows, bulan: number): KonteksValidasi {
  const konteks: KonteksValidasi = { sasaran: { ...own[0].s }, kumulatifSebelum: {}, riwayat: {} };
  for (const r of prev) {
    const raw = Array.from({ length: bulan - 1 }, (_, j) => r[`m${j + 1}`]);
    // Only an indicator with a counted value in January..bulan−1 gets a total: a key says "reported before"
    // (kelompokForm's adaSebelum, the form's class), as adaNilai says it for the dashboards.
    if (raw.every((v) => v == null)) continue;
    konteks.kumulatifSebelum[r.i] = realisasi("kumulatif", raw.map((v) => Number(v ?? 0)), bulan - 1);
  }
  for (const [i, v] of own[0].r) (konteks.riwayat[i] ??= []).push(v);
  return konteks;
}

/** The report of a desa and month as the form shows it (desa must be in the actor's scope). */
export async function getLaporanForm(actor: Actor, desaKode: string, tahun: number, bulan: number): Promise<LaporanForm> {
  const node = await getWilayah(actor, desaKode);
  if (node.tingkat !== "desa") throw new ForbiddenError();
  const db = await pool();
  const [lap, konteks, statuses] = await Promise.all([
    // The report and its values in one statement; a draft the actor may not see is dropped below, values and all.
    db.query(
      `SELECT id, status::text, versi, alasan, updated_at, updated_by,
         (SELECT coalesce(json_agg(json_build_array(indikator_kode, nilai, peringatan)), '[]') FROM nilai WHERE laporan_id = l.id) AS v
       FROM laporan l WHERE desa_kode = $1 AND tahun = $2 AND bulan = $3`,
      [desaKode, tahun, bulan],
    ),
    Promise.all(konteksStatements(node, tahun, bulan).map(([sql, params]) => db.query(sql, params as unknown[]))).then((r) => konteksFrom(r.map((x) => x.rows) as KonteksRows, bulan)),
    bulan > 1 ? desaStatuses(desaKode, tahun, bulan - 1, seesDrafts(actor, node.place)) : Promise.resolve([]),
  ]);
  const l = visibleStatus(actor, node.place, lap.rows[0]?.status) ? lap.rows[0] : undefined;
  const nilai: Record<string, number> = {};
  const peringatan: Record<string, string> = {};
  if (l) {
    for (const [i, v, p] of l.v as [string, number, string | null][]) {
      nilai[i] = v;
      if (p) peringatan[i] = p;
    }
  }
  return {
    desa: { kode: node.kode, nama: node.nama, puskesmasKode: node.place.puskesmasKode ?? "", kabupatenKode: node.place.kabupatenKode ?? "" },
    tahun, bulan,
    id: l?.id ?? null,
    status: (l?.status as StatusLaporan) ?? null,
    versi: l?.versi ?? 0,
    alasan: l?.alasan ?? null,
    updatedAt: l?.updated_at ?? null,
    updatedBy: l?.updated_by ?? null,
    nilai, peringatan, konteks,
    belumDihitung: statuses.filter((m) => m.status !== "DIKIRIM" && m.status !== "DIVERIFIKASI").map((m) => ({ bulan: m.bulan, status: m.status as StatusLaporan | null })),
  };
}

export interface SimpanInput {
  desaKode: string;
  tahun: number;
  bulan: number;
  /** The version the user's form was loaded from (0 = no report yet). */
  versi: number;
  nilai: Record<string, string>;
  aksi: "draf" | "kirim";
  konfirmasi: boolean;
  sumber: SumberTulis;
  /** Only these indicators are written (the bulk grid's klaster); absent: the whole report. */
  indikator?: readonly string[];
  /** When the values were typed, if not now (an offline entry from a phone's outbox). */
  diketikAt?: Date;
}

export type SimpanResult =
  | { ok: true; status: StatusLaporan; versi: number; warnings: Record<string, string> }
  | { ok: false; reason: "invalid"; errors: Record<string, string>; warnings: Record<string, string>; message: string }
  | { ok: false; reason: "warnings"; warnings: Record<string, string>; message: string }
  | { ok: false; reason: "conflict" | "locked" | "status"; message: string };

function isFuture(tahun: number, bulan: number): boolean {
  const t = todayWib();
  return tahun * 12 + bulan > t.tahun * 12 + t.bulan;
}

/** Saves a desa's monthly report in one transaction. Only PUSKESMAS users of the desa's puskesmas may write. */
export async function simpanLaporan(actor: Actor, input: SimpanInput): Promise<SimpanResult> {
  requirePermission(actor, "laporan.isi");
  const tujuan = await desaTujuan(actor, input.desaKode);
  return inTransaction((client) => simpanDalam(client, actor, input, tujuan));
}

/**
 * Saves several desa's reports of one month (the bulk grid) all or nothing: one transaction, and when any
 * report is refused (error, unconfirmed warning, conflict, lock) nothing is written and every refusal is
 * returned by desa.
 */
export async function simpanBanyak(actor: Actor, inputs: readonly SimpanInput[]): Promise<{ ok: boolean; hasil: Record<string, SimpanResult> }> {
  requirePermission(actor, "laporan.isi");
  const tujuan = new Map<string, WilayahNode>();
  for (const input of inputs) tujuan.set(input.desaKode, await desaTujuan(actor, input.desaKode));
  return inTransaction(async (client) => {
    const hasil: Record<string, SimpanResult> = {};
    for (const input of inputs) hasil[input.desaKode] = await simpanDalam(client, actor, input, tujuan.get(input.desaKode)!);
    return { ok: Object.values(hasil).every((r) => r.ok), hasil };
  });
}

/**
 * The scope check of a save (ForbiddenError for a desa outside the actor's scope), read before the
 * transaction opens: a query on the pool while holding the transaction's connection could wait for a
 * connection that only another such transaction can free (200 puskesmas saving at once exhausted the pool
 * that way). Everything inside the transaction runs on its own client.
 */
async function desaTujuan(actor: Actor, desaKode: string): Promise<WilayahNode> {
  const node = await getWilayah(actor, desaKode);
  if (node.tingkat !== "desa") throw new ForbiddenError();
  return node;
}

/** One report's save inside the caller's transaction; a refusal leaves the transaction for the caller to roll back. */
async function simpanDalam(client: pg.ClientBase, actor: Actor, input: SimpanInput, node: WilayahNode): Promise<SimpanResult> {
  if (isFuture(input.tahun, input.bulan)) return { ok: false, reason: "status", message: MSG_LAPORAN.periodeMendatang };
  // A report not yet created has no row to lock: two first saves of it (two phones syncing, two tabs) would
  // both see "no report" and the later one would then update the earlier one's report as its own. The
  // report's key is locked for the transaction first, so the later save sees the report and its versi:
  // the statements after the lock run after it is granted, each with its own snapshot. The lock, the
  // report, its values, the deadline day and the validation's context are one round trip (lib/db/batch).
  const period = [input.desaKode, input.tahun, input.bulan] as const;
  const [, lap, stored, batas, ...konteks] = await batch(client, [
    [`SELECT pg_advisory_xact_lock(hashtext($1))`, [`laporan:${periodKey(...period)}`]],
    [`SELECT id, status::text, versi FROM laporan WHERE desa_kode = $1 AND tahun = $2 AND bulan = $3 FOR UPDATE`, period],
    [`SELECT n.indikator_kode i, n.nilai v FROM nilai n JOIN laporan l ON l.id = n.laporan_id WHERE l.desa_kode = $1 AND l.tahun = $2 AND l.bulan = $3`, period],
    hariBatasStatement([input.desaKode]),
    ...konteksStatements(node, input.tahun, input.bulan),
  ]);
  const existing = lap.rows[0] as { id: string; status: StatusLaporan; versi: number } | undefined;
  if ((existing?.versi ?? 0) !== input.versi) return { ok: false, reason: "conflict", message: MSG_LAPORAN.konflik };
  if (existing?.status === "DIVERIFIKASI") return { ok: false, reason: "locked", message: MSG_LAPORAN.terkunci };
  if (existing?.status === "DIKIRIM" && input.aksi === "draf") return { ok: false, reason: "status", message: MSG_LAPORAN.sudahDikirim };
  const old = new Map<string, number>();
  for (const r of stored.rows as { i: string; v: number }[]) old.set(r.i, r.v);
  // The grid writes one klaster: the other indicators keep their stored values (validated with them).
  const ditulis = input.indikator ? new Set(input.indikator) : null;
  const raw: Record<string, string> = {};
  if (ditulis) for (const [i, v] of old) if (!ditulis.has(i)) raw[i] = String(v);
  Object.assign(raw, input.nilai);
  const v = validasiLaporan(raw, konteksFrom(konteks.map((k) => k.rows) as KonteksRows, input.bulan));
  const tampil = (m: Record<string, string>) => (ditulis ? Object.fromEntries(Object.entries(m).filter(([i]) => ditulis.has(i))) : m);
  const errors = tampil(v.errors);
  const warnings = tampil(v.warnings);
  if (Object.keys(v.errors).length > 0) return { ok: false, reason: "invalid", errors, warnings, message: MSG_LAPORAN.adaKesalahan };
  if (Object.keys(warnings).length > 0 && !input.konfirmasi) return { ok: false, reason: "warnings", warnings, message: MSG_LAPORAN.perluKonfirmasi };

  const status = input.aksi === "kirim" ? "DIKIRIM" : "DRAFT";
  // The report after the save: each written indicator's value, or null where a stored value was cleared.
  const nilai = new Map<string, number | null>();
  for (const ind of INDIKATOR) {
    if (ditulis && !ditulis.has(ind.kode)) continue;
    const baru = v.nilai[ind.kode];
    if (baru !== undefined) nilai.set(ind.kode, baru);
    else if (old.has(ind.kode)) nilai.set(ind.kode, null);
  }
  const tulis = await tulisLaporan(client, actor, [{ desaKode: input.desaKode, tahun: input.tahun, bulan: input.bulan, status, nilai, peringatan: new Map(Object.entries(v.warnings)), diketikAt: input.diketikAt }], input.sumber, { batas: hariBatasFrom(batas.rows) });
  if (tulis.konflik.length > 0) return { ok: false, reason: "conflict", message: MSG_LAPORAN.konflik };
  const versi = tulis.versi.get(periodKey(input.desaKode, input.tahun, input.bulan)) ?? 0;
  return { ok: true, status, versi, warnings };
}
