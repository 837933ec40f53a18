"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";

const noop = () => () => {};
/** false while the server renders and the page hydrates, true once React runs the form in the browser. */
function useHydrated(): boolean {
  return useSyncExternalStore(noop, () => true, () => false);
}

export interface LoginLabels {
  email: string;
  password: string;
  submit: string;
  submitting: string;
  genericError: string;
  perluJavaScript: string;
}

export function LoginForm({ labels, initialError }: { labels: LoginLabels; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  const router = useRouter();
  // Signing in goes through next-auth's client (signIn): until the form is hydrated the button stays off,
  // so a quick tap on a slow phone cannot post the form to /login, which would show it again, emptied.
  const hydrated = useHydrated();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : labels.genericError);
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          {labels.email}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-describedby="login-error"
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          {labels.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-describedby="login-error"
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <div id="login-error" aria-live="polite" className="min-h-6 text-sm text-red-700" role="status">
        {error}
      </div>
      <noscript>
        <p className="text-sm text-red-700">{labels.perluJavaScript}</p>
      </noscript>
      <button
        type="submit"
        disabled={pending || !hydrated}
        className="w-full rounded bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900 disabled:opacity-60"
      >
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
