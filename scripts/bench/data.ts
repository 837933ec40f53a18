// `npm run bench:data [-- --desa N] [--reset]`: the national benchmark data set in its own database
// (embedded, PANTAU_DATA_DIR default `.pantau-bench/`; or DATABASE_URL): the whole wilayah tree, about
// 10,000 puskesmas, a pustu per desa, about 300,000 posyandu, penduduk and sasaran per desa, and 24 months
// of reports with every catalog indicator (some months missing, the last one partly DRAFT). Generated
// deterministically and loaded with COPY; indexes are built after the load and the rollups computed once.
// `--desa N` generates values for the first N desa of Jawa Tengah only (the smoke run of `npm test`).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { copyRows, copyText } from "@/lib/db/copy";
import { initDatabase } from "@/lib/db/init";
import { INDIKATOR } from "@/lib/spm/catalog";
import { benchDataDir, openBenchDatabase } from "./database";
import { LAST, MONTHS, YEARS, laporanOf, penduduk, performa, planPuskesmas, posyanduRows, sasaranOf, valuesOf, type DesaBase, type DesaGen } from "./generate";
import { findTargets, upsertBenchUsers } from "./targets";

const GENERATED = ["nilai", "laporan", "sasaran", "penduduk", "posyandu"] as const;

function parseArgs(argv: string[]): { desa: number | null; reset: boolean } {
  let desa: number | null = null;
  let reset = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--desa") desa = Number(argv[++i]);
    else if (argv[i] === "--reset") reset = true;
    else throw new Error(`Opsi tidak dikenal: ${argv[i]} (pakai --desa N, --reset)`);
  }
  if (desa !== null && !(Number.isInteger(desa) && desa > 0)) throw new Error("--desa harus bilangan bulat > 0");
  return { desa, reset };
}

const fmt = (n: number) => n.toLocaleString("en-US");
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Progress on one terminal line: rows so far, rate, share of the expected total. */
function progress(label: string, expected: number) {
  const started = Date.now();
  let last = 0;
  return {
    tick(done: number) {
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      const rate = done / ((now - started) / 1000);
      process.stdout.write(`\r  ${label}: ${fmt(done)} / ~${fmt(expected)} (${Math.min(100, Math.round((100 * done) / expected))} %), ${fmt(Math.round(rate))} baris/dtk   `);
    },
    done(n: number) {
      process.stdout.write(`\r  ${label}: ${fmt(n)} baris dalam ${secs(Date.now() - started)}${" ".repeat(30)}\n`);
    },
  };
}

/** Drops the secondary indexes (all of them on nilai, primary key included) and returns how to rebuild them. */
async function dropIndexes(client: pg.ClientBase): Promise<string[]> {
  const rebuild: string[] = [];
  const nilaiPk = await client.query<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'nilai_pkey'`);
  if (nilaiPk.rows[0]) {
    await client.query(`ALTER TABLE nilai DROP CONSTRAINT nilai_pkey`);
    rebuild.push(`ALTER TABLE nilai ADD CONSTRAINT nilai_pkey ${nilaiPk.rows[0].def}`);
  }
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
    [GENERATED],
  );
  for (const r of rows) {
    await client.query(`DROP INDEX "${r.name}"`);
    rebuild.push(r.def);
  }
  return rebuild;
}

function* chunked(lines: Iterable<string>, onRows: (n: number) => void): Generator<string> {
  let chunk = "";
  let n = 0;
  for (const line of lines) {
    chunk += line;
    n++;
    if (chunk.length > 1 << 17) {
      yield chunk;
      chunk = "";
      onRows(n);
    }
  }
  if (chunk) yield chunk;
  onRows(n);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const server = await openBenchDatabase();
  console.log(`Data benchmark — basis data: ${process.env.DATABASE_URL ? "DATABASE_URL" : benchDataDir()}`);
  const client = new pg.Client({ connectionString: server.url });
  try {
    await client.connect();
    if (!process.env.DATABASE_URL) {
      // Load-friendly settings of the benchmark's own embedded server (take effect now or at next start).
      await client.query(`ALTER SYSTEM SET max_wal_size = '8GB'`);
      await client.query(`ALTER SYSTEM SET shared_buffers = '1GB'`);
      await client.query(`SELECT pg_reload_conf()`);
    }
    console.log("Migrasi dan pohon wilayah nasional…");
    await initDatabase(server.url);
    const existing = (await client.query<{ n: number }>(`SELECT count(*)::int n FROM laporan`)).rows[0].n;
    if (existing > 0 && !args.reset) {
      console.log(`Sudah dimuat (${fmt(existing)} laporan). Pakai --reset untuk membuat ulang.`);
      await summary(client, null);
      return;
    }
    if (existing > 0 || args.reset) {
      await client.query(`TRUNCATE nilai, laporan, sasaran, penduduk, posyandu, audit_log`);
    }
    const tLoad = Date.now();

    const all = (await client.query<DesaBase>(`SELECT kode, kecamatan_kode, kabupaten_kode, provinsi_kode FROM desa ORDER BY kode`)).rows;
    const plan = planPuskesmas(all);
    console.log(`Puskesmas: ${fmt(plan.puskesmas.length)} tambahan di kecamatan terpadat; desa dibagi ulang…`);
    await client.query("BEGIN");
    await client.query(`CREATE TEMP TABLE stg_pkm (kode text, nomor int, kecamatan_kode text, kabupaten_kode text, provinsi_kode text) ON COMMIT DROP`);
    await copyRows(client, "stg_pkm", ["kode", "nomor", "kecamatan_kode", "kabupaten_kode", "provinsi_kode"], plan.puskesmas.map((p) => [p.kode, p.nomor, p.kecamatan_kode, p.kabupaten_kode, p.provinsi_kode]));
    await client.query(`INSERT INTO puskesmas (kode, nama, kabupaten_kode, provinsi_kode, kecamatan_kode)
      SELECT s.kode, 'Puskesmas ' || k.nama || CASE s.nomor WHEN 2 THEN ' II' ELSE ' III' END, s.kabupaten_kode, s.provinsi_kode, s.kecamatan_kode
      FROM stg_pkm s JOIN kecamatan k ON k.kode = s.kecamatan_kode ON CONFLICT (kode) DO NOTHING`);
    await client.query(`CREATE TEMP TABLE stg_desa (kode text, puskesmas_kode text) ON COMMIT DROP`);
    await copyRows(client, "stg_desa", ["kode", "puskesmas_kode"], plan.desa.map((d) => [d.kode, d.puskesmas_kode]));
    await client.query(`UPDATE desa d SET puskesmas_kode = s.puskesmas_kode FROM stg_desa s WHERE s.kode = d.kode AND d.puskesmas_kode <> s.puskesmas_kode`);
    await client.query(`UPDATE pustu p SET puskesmas_kode = d.puskesmas_kode FROM desa d WHERE d.kode = p.desa_kode AND p.puskesmas_kode <> d.puskesmas_kode`);
    await client.query("COMMIT");

    const desa: DesaGen[] = args.desa === null ? plan.desa : plan.desa.filter((d) => d.provinsi_kode === "33").slice(0, args.desa);
    console.log(`Membuat data untuk ${fmt(desa.length)} desa, ${MONTHS.length} bulan (${MONTHS[0].bulan}/${MONTHS[0].tahun}–${LAST.bulan}/${LAST.tahun}), ${INDIKATOR.length} indikator…`);

    // Bulk load: no trigger or foreign-key check per row, indexes rebuilt afterwards, rollups computed once.
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SET maintenance_work_mem = '1GB'`);
    const rebuild = await dropIndexes(client);
    const counts: Record<string, number> = {};
    const timings: Record<string, number> = {};
    const load = async (table: string, columns: string[], expected: number, lines: () => Iterable<string>) => {
      const started = Date.now();
      const p = progress(table, expected);
      let n = 0;
      await copyText(client, table, columns, chunked(lines(), (k) => { n = k; p.tick(k); }));
      p.done(n);
      counts[table] = n;
      timings[table] = Date.now() - started;
    };

    await load("posyandu", ["kode", "nama", "desa_kode"], desa.length * 3.6, function* () {
      for (const d of desa) for (const r of posyanduRows(d)) yield `${r[0]}\t${r[1]}\t${r[2]}\n`;
    });
    await load("penduduk", ["desa_kode", "tahun", "kelompok", "jumlah"], desa.length * YEARS.length * 6, function* () {
      for (const d of desa) for (const tahun of YEARS) for (const [k, v] of Object.entries(penduduk(d, tahun))) yield `${d.kode}\t${tahun}\t${k}\t${v}\n`;
    });
    const withBasis = INDIKATOR.filter((i) => i.basis);
    const sasaranCache = new Map<string, ReturnType<typeof sasaranOf>>();
    const est = (d: DesaGen, tahun: number) => {
      const key = `${d.kode}/${tahun}`;
      let s = sasaranCache.get(key);
      if (!s) sasaranCache.set(key, (s = sasaranOf(d, tahun)));
      return s;
    };
    await load("sasaran", ["desa_kode", "indikator_kode", "tahun", "jumlah", "sumber", "puskesmas_kode", "kecamatan_kode", "kabupaten_kode", "provinsi_kode"], desa.length * YEARS.length * withBasis.length, function* () {
      for (const d of desa) {
        const tail = `\tESTIMASI\t${d.puskesmas_kode}\t${d.kecamatan_kode}\t${d.kabupaten_kode}\t${d.provinsi_kode}\n`;
        for (const tahun of YEARS) {
          const s = est(d, tahun);
          for (const ind of withBasis) yield `${d.kode}\t${ind.kode}\t${tahun}\t${s[ind.basis!]}${tail}`;
        }
      }
    });
    // Reports arrive month by month: rows are loaded in time order, as production data would be laid out.
    await load("laporan", ["id", "desa_kode", "tahun", "bulan", "status", "versi", "alasan", "puskesmas_kode", "kecamatan_kode", "kabupaten_kode", "provinsi_kode", "dikirim_at", "terlambat", "updated_at"], desa.length * MONTHS.length * 0.95, function* () {
      for (const { tahun, bulan } of MONTHS) {
        for (const d of desa) {
          const l = laporanOf(d, tahun, bulan);
          if (!l) continue;
          const alasan = l.status === "DIKEMBALIKAN" ? "Angka SPM-04 perlu dicek ulang dengan register kohort." : "\\N";
          yield `${l.id}\t${d.kode}\t${tahun}\t${bulan}\t${l.status}\t1\t${alasan}\t${d.puskesmas_kode}\t${d.kecamatan_kode}\t${d.kabupaten_kode}\t${d.provinsi_kode}\t${l.dikirimAt ?? "\\N"}\t${l.terlambat}\t${l.updatedAt}\n`;
        }
      }
    });
    await load("nilai", ["laporan_id", "indikator_kode", "nilai", "desa_kode", "puskesmas_kode", "kecamatan_kode", "kabupaten_kode", "provinsi_kode", "tahun", "bulan", "dihitung"], desa.length * MONTHS.length * 0.93 * INDIKATOR.length, function* () {
      const perf = new Map(desa.map((d) => [d.kode, performa(d.kode)]));
      for (const { tahun, bulan } of MONTHS) {
        for (const d of desa) {
          const l = laporanOf(d, tahun, bulan);
          if (!l) continue;
          const counted = l.status === "DIKIRIM" || l.status === "DIVERIFIKASI";
          const tail = `\t${d.kode}\t${d.puskesmas_kode}\t${d.kecamatan_kode}\t${d.kabupaten_kode}\t${d.provinsi_kode}\t${tahun}\t${bulan}\t${counted}\n`;
          for (const [kode, v] of valuesOf(l, est(d, tahun), perf.get(d.kode)!)) yield `${l.id}\t${kode}\t${v}${tail}`;
        }
      }
    });
    await client.query(`SET session_replication_role = origin`);

    console.log(`Membangun ${rebuild.length} indeks…`);
    let started = Date.now();
    for (const sql of rebuild) await client.query(sql);
    timings.indeks = Date.now() - started;
    console.log(`  indeks: ${secs(timings.indeks)}`);
    console.log("Menghitung rekap (rekap_bangun_ulang)…");
    started = Date.now();
    await client.query(`SET work_mem = '256MB'`); // the rebuild's GROUP BYs hash millions of groups
    await client.query(`SELECT rekap_bangun_ulang()`);
    await client.query(`RESET work_mem`);
    timings.rekap = Date.now() - started;
    console.log(`  rekap: ${secs(timings.rekap)}`);
    console.log("VACUUM ANALYZE…");
    started = Date.now();
    for (const t of [...GENERATED, "rekap_nilai", "rekap_sasaran", "rekap_laporan", "desa", "puskesmas", "pustu"]) await client.query(`VACUUM (ANALYZE) ${t}`);
    timings.vacuum = Date.now() - started;
    console.log(`  vacuum: ${secs(timings.vacuum)}`);

    const targets = await findTargets(client);
    await upsertBenchUsers(client, targets);
    const result = { dibuat: new Date().toISOString(), opsi: args, desaDenganData: desa.length, baris: counts, waktuMs: { ...timings, muat: Date.now() - tLoad, total: Date.now() - t0 } };
    await summary(client, result);
  } finally {
    await client.end();
    await server.stop();
  }
}

/** Prints (and stores next to the data) the row counts, timings and database size. */
async function summary(client: pg.Client, result: Record<string, unknown> | null) {
  const file = path.join(benchDataDir(), "bench-data.json");
  const size = (await client.query<{ s: string; b: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) s, pg_database_size(current_database())::text b`)).rows[0];
  const n = (await client.query(
    `SELECT (SELECT count(*) FROM provinsi)::int provinsi, (SELECT count(*) FROM kabupaten)::int kabupaten, (SELECT count(*) FROM kecamatan)::int kecamatan,
            (SELECT count(*) FROM desa)::int desa, (SELECT count(*) FROM puskesmas)::int puskesmas, (SELECT count(*) FROM pustu)::int pustu,
            (SELECT count(*) FROM posyandu)::int posyandu, (SELECT count(*) FROM laporan)::int laporan,
            (SELECT reltuples::bigint FROM pg_class WHERE relname = 'nilai') nilai_perkiraan`,
  )).rows[0];
  const stored = result ? { ...result, ukuranBasisData: { teks: size.s, byte: Number(size.b) }, jumlah: n } : fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null;
  if (result) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2) + "\n");
  }
  console.log(`Basis data: ${size.s}; ${Object.entries(n).map(([k, v]) => `${k} ${fmt(Number(v))}`).join(", ")}`);
  if (stored?.waktuMs) console.log(`Waktu muat: ${secs(stored.waktuMs.muat)} (total ${secs(stored.waktuMs.total)}). Catatan: ${file}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
