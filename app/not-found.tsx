import { Link } from "@/components/ui/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">Halaman tidak ditemukan</h1>
      <p className="mt-2">Halaman ini tidak ada, atau berada di luar wilayah yang boleh Anda lihat.</p>
      <p className="mt-4">
        <Link href="/">Kembali ke beranda</Link>
      </p>
    </main>
  );
}
