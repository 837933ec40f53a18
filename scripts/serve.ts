// `npm run serve`: Pantau in production (docs/deploy.md). The database (DATABASE_URL, or the embedded one
// of PANTAU_DATA_DIR), its migrations, then the production build served under a supervisor that restarts
// it when it dies. Needs NEXTAUTH_SECRET and a build (`npm run build`); loads no demo data.
import { buildIsStale } from "./lib/build";
import { serve } from "./lib/serve";

const port = Number(process.env.PORT ?? 3000);

async function main() {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET belum diisi (mis. `openssl rand -hex 32`); lihat docs/deploy.md.");
  if (buildIsStale()) console.warn("Peringatan: build produksi tidak ada atau lebih tua dari kode; jalankan `npm run build`.");
  await serve({ port, secret });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
