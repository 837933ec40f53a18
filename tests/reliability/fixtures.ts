// Who calls and what they call about: the demo users (lib/db/seed-demo.ts) and four places in the tree,
// each named at every level so a response can be searched for them.

export const PASSWORD = "pantau-demo";

export const USERS = {
  admin: "admin@pantau.id",
  banten: "dinkes.banten@pantau.id",
  serang: "dinkes.serang@pantau.id",
  lebong: "dinkes.lebong@pantau.id",
  anyar: "pkm.anyar@pantau.id",
} as const;
export type UserKey = keyof typeof USERS;

interface Unit {
  kode: string;
  nama: string;
}

export interface Fixture {
  id: string;
  provinsi: Unit;
  kabupaten: Unit;
  kecamatan: Unit;
  puskesmas: Unit;
  desa: Unit;
}

/** Banten / Kabupaten Serang / Anyar: the home of every demo user but Lebong's. */
export const ANYAR: Fixture = {
  id: "anyar",
  provinsi: { kode: "36", nama: "Banten" },
  kabupaten: { kode: "36.04", nama: "Kabupaten Serang" },
  kecamatan: { kode: "36.04.30", nama: "Anyar" },
  puskesmas: { kode: "P36043001", nama: "Puskesmas Anyar" },
  desa: { kode: "36.04.30.2003", nama: "Cikoneng" },
};

/** Another puskesmas of the same kabupaten (the nearest "other" for a puskesmas user). */
export const BAROS: Fixture = {
  id: "baros",
  provinsi: ANYAR.provinsi,
  kabupaten: ANYAR.kabupaten,
  kecamatan: { kode: "36.04.22", nama: "Baros" },
  puskesmas: { kode: "P36042201", nama: "Puskesmas Baros" },
  desa: { kode: "36.04.22.2002", nama: "Tejamari" },
};

/** Another kabupaten of the same provinsi (no demo values, the tree only). */
export const PANDEGLANG: Fixture = {
  id: "pandeglang",
  provinsi: ANYAR.provinsi,
  kabupaten: { kode: "36.01", nama: "Kabupaten Pandeglang" },
  kecamatan: { kode: "36.01.01", nama: "Sumur" },
  puskesmas: { kode: "P36010101", nama: "Puskesmas Sumur" },
  desa: { kode: "36.01.01.2005", nama: "Cigorondong" },
};

/** Another provinsi (Bengkulu), with demo values. */
export const LEBONG: Fixture = {
  id: "lebong",
  provinsi: { kode: "17", nama: "Bengkulu" },
  kabupaten: { kode: "17.07", nama: "Kabupaten Lebong" },
  kecamatan: { kode: "17.07.01", nama: "Lebong Utara" },
  puskesmas: { kode: "P17070101", nama: "Puskesmas Lebong Utara" },
  desa: { kode: "17.07.01.2005", nama: "Tunggang" },
};

export const FIXTURES = [ANYAR, BAROS, PANDEGLANG, LEBONG];

/** A past month with demo reports in every demo kabupaten. */
export const PERIODE = { tahun: 2025, bulan: 6 } as const;

/** The current month in Jakarta: open for entry, no demo report yet. */
export function bulanIni(now = new Date()): { tahun: number; bulan: number } {
  const wib = new Date(now.getTime() + 7 * 3600_000);
  return { tahun: wib.getUTCFullYear(), bulan: wib.getUTCMonth() + 1 };
}

/** Desa names a user must never receive: those of the fixtures outside the user's scope. */
export const NEVER_SEES: Record<UserKey, Fixture[]> = {
  admin: [],
  banten: [LEBONG],
  serang: [LEBONG, PANDEGLANG],
  lebong: [ANYAR, BAROS, PANDEGLANG],
  anyar: [BAROS, LEBONG, PANDEGLANG],
};
