// Hostile values tried in every form field, import cell and API parameter (issue 9 §2), and the checks of
// an answer to one: an Indonesian message, no internals, no reflected markup.

export const HOSTILE: readonly (readonly [label: string, value: string])[] = [
  ["negatif", "-1"],
  ["nol negatif", "-0"],
  ["pecahan titik", "1.5"],
  ["pecahan koma", "1,5"],
  ["lebih dari 2^31", "2147483648"],
  ["sangat besar", "99999999999999999999999999"],
  ["notasi ilmiah", "1e3"],
  ["heksadesimal", "0x1F"],
  ["tanda plus", "+5"],
  ["NaN", "NaN"],
  ["Infinity", "Infinity"],
  ["bukan angka", "abc"],
  ["kosong", ""],
  ["spasi saja", "   "],
  ["angka Arab", "١٢٣"],
  ["angka lebar penuh", "１２"],
  ["emoji", "😀"],
  ["RTL override", "\u202E12"],
  ["HTML script", "<script>alert(1)</script>"],
  ["HTML atribut", '"><img src=x onerror=alert(1)>'],
  ["SQL OR", "1' OR '1'='1"],
  ["SQL DROP", "1; DROP TABLE nilai; --"],
  ["SQL UNION", "' UNION SELECT password_hash FROM app_user --"],
  ["SQL komentar", "36.04/**/OR/**/1=1"],
  ["karakter NUL", "1\u00002"],
  ["baris baru", "1\r\n2"],
  ["path traversal", "../../../etc/passwd"],
  ["persen", "%27%00"],
  ["sangat panjang", "9".repeat(5000)],
];

/** Success with these is fine for a parameter where empty means "not given" (the default applies). */
export const EMPTYISH = ["kosong", "spasi saja"];

const ENGLISH = /\b(invalid|expected|received|required|must be|too (big|small)|failed|cannot|undefined|exception|unexpected|not found|forbidden|unauthorized)\b/i;
const INDONESIAN = /\b(tidak|harus|tahun|bulan|kode|wilayah|isi\w*|sah|kolom|baris|berkas|angka|bilangan|terlalu|salah|belum|luar|kosong|wajib|pilih\w*|indikator|desa|versi|tindakan|alasan\w*|laporan|parameter|masuk|kata sandi|perlu|ditemukan|cakupan|basis data|tulis\w*|huruf|kesalahan|diharapkan|diterima|kunci|terkunci)\b/i;

/** A message a user can read: Indonesian words, no English error text. */
export function isIndonesian(message: string | null | undefined): boolean {
  if (!message || message.trim() === "") return false;
  return INDONESIAN.test(message) && !ENGLISH.test(message);
}

const INTERNALS = [
  /\bat [\w.<>$]+ \(/, // a stack frame
  /node_modules/,
  /\.(ts|tsx|js|mjs):\d+/,
  /PrismaClient|prisma\.\w+\(/,
  /syntax error at or near|relation "\w+"|duplicate key value|violates (foreign key|check|unique)/i,
  /ECONNREFUSED|TypeError|ReferenceError|RangeError|SyntaxError: /,
];

/** Internals a response must never show (stack traces, file paths, database errors). */
export function internals(text: string): string[] {
  return INTERNALS.filter((re) => re.test(text)).map((re) => re.source);
}

/** Markup from the input that came back unescaped in an HTML page (would run in the browser). JSON and
 *  React's flight format carry it as a string, which React renders as text. */
export function reflectedMarkup(text: string, value: string, contentType: string): boolean {
  return contentType.startsWith("text/html") && /[<>]/.test(value) && text.includes(value);
}

/** The returned state of a server action called with fetch (React flight rows `N:{json}`). */
export function actionState(text: string): Record<string, unknown> | null {
  // A long string goes in its own text row (`2:T1388,<text>`) with no line end: the state row may follow it
  // on the same line.
  for (const line of text.split("\n")) {
    for (const m of line.matchAll(/(\d+):\{/g)) {
      try {
        const v = JSON.parse(line.slice(m.index + m[1].length + 1)) as Record<string, unknown>;
        if ("message" in v) return v;
      } catch {
        // not a JSON row from here
      }
    }
  }
  return null;
}

/** Every message inside an action's state: its message and the messages of its field and row errors. */
export function stateMessages(state: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof state.message === "string") out.push(state.message);
  const errors = state.errors;
  if (Array.isArray(errors)) for (const e of errors) out.push(String((e as { message?: unknown }).message ?? ""));
  else if (errors && typeof errors === "object") out.push(...Object.values(errors as Record<string, string>));
  return out;
}
