// Kemendagri codes: provinsi `36`, kabupaten `36.04`, kecamatan `36.04.30`, desa `36.04.30.2001`;
// puskesmas codes `P` + digits (`P36043001`). The level of a unit is read from its code.

export type Tingkat = "nasional" | "provinsi" | "kabupaten" | "kecamatan" | "puskesmas" | "desa";

const PATTERNS: [Tingkat, RegExp][] = [
  ["provinsi", /^\d{2}$/],
  ["kabupaten", /^\d{2}\.\d{2}$/],
  ["kecamatan", /^\d{2}\.\d{2}\.\d{2}$/],
  ["desa", /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/],
  ["puskesmas", /^P\d{6,12}$/],
];

/** The level a code denotes, "nasional" for an empty code, or null for a malformed one. */
export function tingkatOf(kode: string | null | undefined): Tingkat | null {
  if (!kode) return "nasional";
  for (const [tingkat, re] of PATTERNS) if (re.test(kode)) return tingkat;
  return null;
}
