import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LepasPenggunaLuring } from "@/components/offline/lepas-pengguna";
import { currentActor } from "@/lib/auth/session";
import { LOGIN } from "@/lib/i18n/login";
import { firstOf, type SearchParams } from "@/lib/schemas/query";

export const metadata = { title: "Masuk" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (await currentActor()) redirect("/");
  const error = firstOf((await searchParams).error);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="text-2xl font-bold text-teal-900">Pantau</h1>
      <p className="mb-6 text-sm text-slate-600">{LOGIN.subtitle}</p>
      <LoginForm labels={LOGIN.form} initialError={error ? LOGIN.form.genericError : null} />
      <LepasPenggunaLuring />
    </main>
  );
}
