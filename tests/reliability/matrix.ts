// The authorization matrix (issue 9 §1): every page, route handler method and server action of app/, with
// the expected outcome for each role and scope. routes.test.ts fails when an endpoint of the code is missing
// here (or a row names one that no longer exists); authz.spec.ts calls every cell over HTTP.
//
// Columns: anonymous; ADMIN; DINKES_PROVINSI on its own provinsi / another; DINKES_KABUPATEN own / other;
// PUSKESMAS own / other. CALLERS says which demo user plays a column about which place (fixtures.ts).
// Outcomes: ok = 2xx with the data · login = redirect to /login · 401/403/404 = that status, no data ·
// refused = 200 with an Indonesian refusal, no data, nothing written · home = redirect to / · - = no such
// scope for this endpoint (not called).
//
// Adding a route: add a row with its endpoint key (`page /x`, `GET /api/x`, `action name`), a call and the
// expected outcomes; `npm run test:reliability` then checks it.
import { EKSPOR } from "@/lib/i18n/ekspor";
import { MSG } from "@/lib/i18n/messages";
import { PARAMETER_DEFAULT } from "@/lib/spm/parameter";
import { ANYAR, BAROS, LEBONG, PANDEGLANG, PERIODE, USERS, bulanIni, type Fixture, type UserKey } from "./fixtures";

export const COLUMNS = ["anon", "admin", "provOwn", "provOther", "kabOwn", "kabOther", "pkmOwn", "pkmOther"] as const;
export type Column = (typeof COLUMNS)[number];
export type Outcome = "ok" | "login" | "home" | "401" | "403" | "404" | "refused" | "-";

/** Who plays each column, about which place. Several pairs test the same cell from different sides. */
export const CALLERS: Record<Column, readonly (readonly [UserKey | null, Fixture])[]> = {
  anon: [[null, ANYAR]],
  admin: [["admin", ANYAR], ["admin", LEBONG]],
  provOwn: [["banten", ANYAR], ["banten", PANDEGLANG]],
  provOther: [["banten", LEBONG]],
  kabOwn: [["serang", ANYAR], ["serang", BAROS], ["lebong", LEBONG]],
  kabOther: [["serang", LEBONG], ["serang", PANDEGLANG], ["lebong", ANYAR]],
  pkmOwn: [["anyar", ANYAR]],
  pkmOther: [["anyar", BAROS], ["anyar", LEBONG], ["anyar", PANDEGLANG]],
};

export interface ActionCall {
  /** exportedName in .next/server/server-reference-manifest.json */
  name: string;
  /** The page whose form calls it (the action is posted to this URL). */
  page: string;
  /** The arguments before the FormData (useActionState's previous state), none for a plain form action. */
  before: unknown[];
  fields: [string, string | Blob][];
}

export interface Call {
  method: "GET" | "POST";
  path: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  action?: ActionCall;
}

/** What a call may need from the database before it is made (a report id, a current version). */
export interface CallContext {
  laporan(f: Fixture, where: { status?: string; tahun?: number; bulan?: number }): Promise<{ id: string; versi: number } | null>;
}

export interface Row {
  endpoint: string;
  case: string;
  expect: Record<Column, Outcome>;
  call: (f: Fixture, ctx: CallContext) => Call | Promise<Call>;
  /** Text an allowed answer contains and a denied one must not (default: none). */
  shows?: (f: Fixture) => string[];
  /** Content-Type prefix of an allowed answer. */
  type?: string;
  /** An allowed call writes (checked: the data changed); a refused one must leave it unchanged. */
  writes?: boolean;
  /** Run after every other row (it ends the session). */
  last?: boolean;
}

function outcomes(line: string): Record<Column, Outcome> {
  const cells = line.trim().split(/\s+/) as Outcome[];
  if (cells.length !== COLUMNS.length) throw new Error(`matrix: ${COLUMNS.length} outcomes expected in "${line}"`);
  return Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i]])) as Record<Column, Outcome>;
}

const P = `tahun=${PERIODE.tahun}&bulan=${PERIODE.bulan}`;
const get = (path: string): Call => ({ method: "GET", path });
const STATE_LAPORAN = { status: "idle", message: null, errors: {}, warnings: {}, values: {}, versi: null, statusLaporan: null };
const STATE_STATUS = { ok: false, message: null };
const STATE_GRID = { status: "idle", message: null, errors: {}, warnings: {}, baris: {}, values: {}, versi: {} };
const STATE_FORM = { status: "idle", message: null, errors: {}, values: {} };
const STATE_TOKEN = { status: "idle", message: null, token: null };
const STATE_UNGGAH = { tahap: "awal", message: null, errors: [], warnings: [], counts: null, csv: null, namaFile: null };

async function simpanLaporan(f: Fixture, ctx: CallContext): Promise<Call> {
  const p = bulanIni();
  const now = await ctx.laporan(f, p);
  const fields: [string, string][] = [
    ["desaKode", f.desa.kode], ["tahun", String(p.tahun)], ["bulan", String(p.bulan)], ["versi", String(now?.versi ?? 0)],
    ["aksi", "kirim"], ["konfirmasi", "ya"], ["nilai.PM-DBD", String((now?.versi ?? 0) + 1)],
  ];
  return { method: "POST", path: `/laporan/${f.desa.kode}`, action: { name: "simpanLaporanAction", page: `/laporan/${f.desa.kode}`, before: [STATE_LAPORAN], fields } };
}

async function kirimOffline(f: Fixture, ctx: CallContext): Promise<Call> {
  const p = bulanIni();
  const now = await ctx.laporan(f, p);
  const body = { desaKode: f.desa.kode, tahun: p.tahun, bulan: p.bulan, versi: now?.versi ?? 0, aksi: "kirim", konfirmasi: true,
    nilai: { "PM-DBD": String((now?.versi ?? 0) + 1) }, diketikAt: new Date().toISOString() };
  return { method: "POST", path: "/api/v1/offline/kirim", contentType: "application/json", body: JSON.stringify(body) };
}

async function ubahStatus(f: Fixture, ctx: CallContext): Promise<Call> {
  const l = await ctx.laporan(f, { status: "DIKIRIM" });
  if (!l) throw new Error(`matrix: no DIKIRIM report for ${f.id} (seeded by the suite's setup)`);
  const fields: [string, string][] = [["laporanId", l.id], ["versi", String(l.versi)], ["aksi", "kembalikan"], ["alasan", "Uji matriks akses: dikembalikan."]];
  return { method: "POST", path: "/verifikasi", action: { name: "ubahStatusLaporanAction", page: "/verifikasi", before: [STATE_STATUS], fields } };
}

function unggah(f: Fixture): Call {
  const p = bulanIni();
  const csv = `kode_desa,tahun,bulan,indikator,nilai\n${f.desa.kode},${p.tahun},${p.bulan},PM-DIARE,${Date.now() % 1000}\n`;
  const fields: [string, string][] = [["langkah", "simpan"], ["csv", csv], ["namaFile", "uji.csv"]];
  return { method: "POST", path: "/laporan/unggah", action: { name: "unggahNilaiAction", page: "/laporan/unggah", before: [STATE_UNGGAH], fields } };
}

async function simpanGrid(f: Fixture, ctx: CallContext): Promise<Call> {
  const p = bulanIni();
  const now = await ctx.laporan(f, p);
  const fields: [string, string][] = [
    ["puskesmasKode", f.puskesmas.kode], ["tahun", String(p.tahun)], ["bulan", String(p.bulan)], ["klaster", "K4"], ["aksi", "draf"], ["konfirmasi", "ya"],
    [`versi.${f.desa.kode}`, String(now?.versi ?? 0)], [`v.${f.desa.kode}.PM-DBD`, String(((now?.versi ?? 0) + 7) % 50)],
  ];
  return { method: "POST", path: "/laporan/grid", action: { name: "simpanGridAction", page: `/laporan/grid?puskesmas=${f.puskesmas.kode}`, before: [STATE_GRID], fields } };
}

function ubahSasaran(f: Fixture): Call {
  const fields: [string, string][] = [["desaKode", f.desa.kode], ["tahun", String(PERIODE.tahun)], ["sasaran.SPM-07", String(500 + (Date.now() % 400))]];
  return { method: "POST", path: `/sasaran/${f.desa.kode}`, action: { name: "ubahSasaranDesaAction", page: `/sasaran/${f.desa.kode}`, before: [STATE_FORM], fields } };
}

function simpanPengaturan(f: Fixture): Call {
  const d = PARAMETER_DEFAULT;
  const fields: [string, string][] = [
    ["kabupatenKode", f.kabupaten.kode], ["tahun", String(PERIODE.tahun)], ["hariBatas", "10"], ["cbrPerMil", String(d.cbrPerMil)],
    ["faktorIbuHamil", String(d.faktorIbuHamil)], ["faktorIbuBersalin", String(d.faktorIbuBersalin)],
    ...Object.entries(d.proporsi).map(([k, v]): [string, string] => [`proporsi.${k}`, String(v)]),
    ["prevalensiHipertensi", String(d.prevalensiHipertensi)], ["prevalensiDm", String(d.prevalensiDm)],
    ["prevalensiOdgjBerat", String(d.prevalensiOdgjBerat)], ["faktorTerdugaTb", String(d.faktorTerdugaTb)],
  ];
  return { method: "POST", path: "/pengaturan", action: { name: "simpanPengaturanAction", page: "/pengaturan", before: [STATE_FORM], fields } };
}

const name = (level: keyof Omit<Fixture, "id">) => (f: Fixture) => [f[level].nama];
const kode = (level: keyof Omit<Fixture, "id">) => (f: Fixture) => [f[level].kode];

//                                                                        anon    admin  prov   prov≠  kab    kab≠   pkm    pkm≠
export const MATRIX: Row[] = [
  { endpoint: "page /", case: "beranda",                       expect: outcomes("login   ok     ok     -      ok     -      ok     -"), call: () => get("/"), shows: () => ["Selamat datang"] },
  { endpoint: "page /login", case: "formulir masuk",           expect: outcomes("ok      home   home   -      home   -      home   -"), call: () => get("/login"), shows: () => ['name="password"'] },
  { endpoint: "page /wilayah/[[...kode]]", case: "nasional",   expect: outcomes("login   ok     404    -      404    -      404    -"), call: () => get(`/wilayah?${P}`), shows: () => ["Banten", "Bengkulu"] },
  { endpoint: "page /wilayah/[[...kode]]", case: "provinsi",   expect: outcomes("login   ok     ok     404    404    404    404    404"), call: (f) => get(`/wilayah/${f.provinsi.kode}?${P}`), shows: name("kabupaten") },
  { endpoint: "page /wilayah/[[...kode]]", case: "kabupaten",  expect: outcomes("login   ok     ok     404    ok     404    404    404"), call: (f) => get(`/wilayah/${f.kabupaten.kode}?${P}`), shows: name("kabupaten") },
  { endpoint: "page /wilayah/[[...kode]]", case: "kecamatan",  expect: outcomes("login   ok     ok     404    ok     404    404    404"), call: (f) => get(`/wilayah/${f.kecamatan.kode}?${P}`), shows: name("desa") },
  { endpoint: "page /wilayah/[[...kode]]", case: "desa",       expect: outcomes("login   ok     ok     404    ok     404    ok     404"), call: (f) => get(`/wilayah/${f.desa.kode}?${P}`), shows: name("desa") },
  { endpoint: "page /puskesmas/[kode]", case: "dasbor",        expect: outcomes("login   ok     ok     404    ok     404    ok     404"), call: (f) => get(`/puskesmas/${f.puskesmas.kode}?${P}`), shows: name("desa") },
  { endpoint: "page /laporan", case: "?puskesmas=",            expect: outcomes("login   ok     ok     404    ok     404    ok     404"), call: (f) => get(`/laporan?puskesmas=${f.puskesmas.kode}&${P}`), shows: name("desa") },
  { endpoint: "page /laporan", case: "tanpa parameter",        expect: outcomes("login   404    404    -      404    -      ok     -"), call: () => get(`/laporan?${P}`), shows: () => [ANYAR.desa.nama] },
  { endpoint: "page /laporan/[desa]", case: "formulir desa",   expect: outcomes("login   ok     ok     404    ok     404    ok     404"), call: (f) => get(`/laporan/${f.desa.kode}?${P}`), shows: name("desa") },
  { endpoint: "page /laporan/luring", case: "cangkang tanpa sinyal", expect: outcomes("login   404    404    -      404    -      ok     -"), call: () => get("/laporan/luring"), shows: () => ["Data di ponsel ini"] },
  { endpoint: "page /laporan/antrean", case: "antrean ponsel", expect: outcomes("login   404    404    -      404    -      ok     -"), call: () => get("/laporan/antrean"), shows: () => ["Antrean kiriman di ponsel ini"] },
  { endpoint: "page /laporan/unggah", case: "unggah",          expect: outcomes("login   ok     404    -      ok     -      ok     -"), call: () => get("/laporan/unggah"), shows: () => ["Unggah nilai bulanan"] },
  { endpoint: "page /laporan/grid", case: "?puskesmas=",       expect: outcomes("login   ok     ok     404    ok     404    ok     404"), call: (f) => get(`/laporan/grid?puskesmas=${f.puskesmas.kode}&${P}`), shows: name("desa") },
  { endpoint: "page /sasaran/[desa]", case: "sasaran desa",    expect: outcomes("login   ok     ok     404    ok     404    ok     404"), call: (f) => get(`/sasaran/${f.desa.kode}?tahun=${PERIODE.tahun}`), shows: name("desa") },
  { endpoint: "page /pengaturan", case: "kabupaten sendiri",   expect: outcomes("login   404    404    -      ok     -      404    -"), call: () => get(`/pengaturan?tahun=${PERIODE.tahun}`), shows: () => ["Batas kirim laporan bulanan"] },
  { endpoint: "page /admin/token", case: "daftar token",       expect: outcomes("login   ok     404    -      404    -      404    -"), call: () => get("/admin/token"), shows: () => ["Buat token baru"] },
  { endpoint: "page /verifikasi", case: "antrean",             expect: outcomes("login   404    404    -      ok     -      404    -"), call: () => get("/verifikasi"), shows: () => ["Menunggu verifikasi"] },
  { endpoint: "page /ekspor", case: "awal",                    expect: outcomes("login   ok     ok     -      ok     -      ok     -"), call: () => get("/ekspor"), shows: () => [EKSPOR.judulHalaman] },
  { endpoint: "page /ekspor", case: "?wilayah=puskesmas",      expect: outcomes("login   ok     ok     refused ok    refused ok     refused"), call: (f) => get(`/ekspor?wilayah=${f.puskesmas.kode}&${P}`), shows: name("desa") },

  { endpoint: "GET /api/auth/[...nextauth]", case: "csrf",     expect: outcomes("ok      ok     ok     -      ok     -      ok     -"), call: () => get("/api/auth/csrf"), shows: () => ["csrfToken"] },
  { endpoint: "POST /api/auth/[...nextauth]", case: "masuk tanpa token CSRF", expect: outcomes("ok ok ok - ok - ok -"), shows: () => ["csrf=true"],
    call: () => ({ method: "POST", path: "/api/auth/callback/credentials", contentType: "application/x-www-form-urlencoded", body: `email=${encodeURIComponent(USERS.admin)}&password=pantau-demo&json=true` }) },
  { endpoint: "GET /api/health", case: "tanpa login",          expect: outcomes("ok      ok     ok     -      ok     -      ok     -"), call: () => get("/api/health"), shows: () => ['"database":"ok"'], type: "application/json" },
  { endpoint: "GET /api/v1/spm", case: "puskesmas",            expect: outcomes("401     ok     ok     403    ok     403    ok     403"), call: (f) => get(`/api/v1/spm?wilayah=${f.puskesmas.kode}&${P}`), shows: kode("puskesmas"), type: "application/json" },
  { endpoint: "GET /api/v1/spm", case: "nasional",             expect: outcomes("401     ok     403    -      403    -      403    -"), call: () => get(`/api/v1/spm?wilayah=&${P}`), shows: () => ['"tingkat":"nasional"'], type: "application/json" },
  { endpoint: "GET /api/v1/ekspor/csv", case: "puskesmas",     expect: outcomes("401     ok     ok     403    ok     403    ok     403"), call: (f) => get(`/api/v1/ekspor/csv?wilayah=${f.puskesmas.kode}&${P}`), shows: name("desa"), type: "text/csv" },
  { endpoint: "GET /api/v1/ekspor/xlsx", case: "puskesmas",    expect: outcomes("401     ok     ok     403    ok     403    ok     403"), call: (f) => get(`/api/v1/ekspor/xlsx?wilayah=${f.puskesmas.kode}&${P}`), type: "application/vnd.openxmlformats" },
  { endpoint: "GET /api/v1/ekspor/pdf", case: "puskesmas",     expect: outcomes("401     ok     ok     403    ok     403    ok     403"), call: (f) => get(`/api/v1/ekspor/pdf?wilayah=${f.puskesmas.kode}&${P}`), type: "application/pdf" },
  { endpoint: "GET /api/v1/dhis2", case: "puskesmas",          expect: outcomes("401     ok     ok     403    ok     403    ok     403"), call: (f) => get(`/api/v1/dhis2?wilayah=${f.puskesmas.kode}&${P}`), shows: () => ["dataValues"], type: "application/json" },
  { endpoint: "POST /api/v1/dhis2", case: "dengan pemetaan",   expect: outcomes("401     ok     ok     403    ok     403    ok     403"), shows: () => ["dataValues"], type: "application/json",
    call: (f) => ({ method: "POST", path: `/api/v1/dhis2?wilayah=${f.puskesmas.kode}&${P}`, contentType: "text/csv", body: "pantau_indikator,nama,dhis2_dataElement_uid\nSPM-01,Ibu hamil,abcdefghijk\n" }) },
  { endpoint: "GET /api/v1/dhis2/mapping", case: "templat",    expect: outcomes("401     ok     ok     -      ok     -      ok     -"), call: () => get("/api/v1/dhis2/mapping"), shows: () => ["SPM-01"], type: "text/csv" },
  { endpoint: "GET /sw.js", case: "service worker (kode, tanpa data)", expect: outcomes("ok ok ok - ok - ok -"), call: () => get("/sw.js"), shows: () => ["pantau-static"], type: "text/javascript" },
  { endpoint: "GET /api/v1/offline/paket", case: "paket puskesmas sendiri", expect: outcomes("401     403    403    -      403    -      ok     -"), call: () => get("/api/v1/offline/paket"), shows: () => [ANYAR.desa.kode], type: "application/json" },
  { endpoint: "POST /api/v1/offline/kirim", case: "isian dari antrean ponsel", writes: true,
                                                                expect: outcomes("401     403    403    403    403    403    ok     403"), call: kirimOffline, type: "application/json" },
  { endpoint: "GET /api/v1/template-nilai", case: "puskesmas", expect: outcomes("401     ok     ok     403    ok     403    ok     403"), call: (f) => get(`/api/v1/template-nilai?puskesmas=${f.puskesmas.kode}&${P}`), shows: kode("desa"), type: "text/csv" },

  { endpoint: "action simpanLaporanAction", case: "kirim laporan desa", writes: true,
                                                                expect: outcomes("refused refused refused refused refused refused ok  refused"), call: simpanLaporan },
  { endpoint: "action ubahStatusLaporanAction", case: "kembalikan laporan", writes: true,
                                                                expect: outcomes("login   refused refused refused ok    refused refused refused"), call: ubahStatus },
  { endpoint: "action unggahNilaiAction", case: "unggah dan simpan", writes: true,
                                                                expect: outcomes("refused ok     refused refused ok     refused ok     refused"), call: unggah },
  { endpoint: "action simpanGridAction", case: "isian cepat K4", writes: true,
                                                                expect: outcomes("refused refused refused refused refused refused ok  refused"), call: simpanGrid },
  { endpoint: "action ubahSasaranDesaAction", case: "sasaran ditetapkan", writes: true,
                                                                expect: outcomes("refused refused refused refused ok    refused refused refused"), call: ubahSasaran },
  { endpoint: "action simpanPengaturanAction", case: "batas kirim dan parameter",
                                                                expect: outcomes("refused refused refused refused ok    refused refused refused"), call: simpanPengaturan },
  { endpoint: "action buatTokenAction", case: "pengguna tidak sah (tidak menulis)",
                                                                expect: outcomes("refused ok     refused refused refused refused refused refused"),
    call: () => ({ method: "POST", path: "/admin/token", action: { name: "buatTokenAction", page: "/admin/token", before: [STATE_TOKEN], fields: [["userId", "bukan-uuid"], ["nama", "uji matriks"]] } }) },
  { endpoint: "action cabutTokenAction", case: "token tak dikenal",
                                                                expect: outcomes("login   ok     home   home   home   home   home   home"),
    call: () => ({ method: "POST", path: "/admin/token", action: { name: "cabutTokenAction", page: "/admin/token", before: [], fields: [["id", "00000000-0000-4000-8000-000000000000"]] } }) },
  // The login form's action, with empty fields: answered before any password check (no throttle counted).
  { endpoint: "action masuk", case: "formulir kosong",        expect: outcomes("ok      home   home   -      home   -      home   -"), shows: () => [MSG.loginKosong],
    call: () => ({ method: "POST", path: "/login", action: { name: "masuk", page: "/login", before: [{ error: null, email: "" }], fields: [["email", ""], ["password", ""]] } }) },
  { endpoint: "action keluar", case: "keluar", last: true,
                                                                expect: outcomes("login   login  login  -      login  -      login  -"),
    call: () => ({ method: "POST", path: "/", action: { name: "keluar", page: "/", before: [], fields: [] } }) },
];
