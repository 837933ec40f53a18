"use client";

import { useActionState } from "react";
import { masuk, type MasukState } from "@/lib/actions/masuk";

export interface LoginLabels {
  email: string;
  password: string;
  submit: string;
  submitting: string;
  genericError: string;
}

/** The login form: a server action, so it signs in before the page is hydrated, or without JavaScript. */
export function LoginForm({ labels, initialError }: { labels: LoginLabels; initialError: string | null }) {
  const [state, action, pending] = useActionState<MasukState, FormData>(masuk, { error: initialError, email: "" });
  const error = state.error;

  return (
    <form action={action} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          {labels.email}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={state.email}
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
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900 disabled:opacity-60"
      >
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
