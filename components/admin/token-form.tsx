"use client";

import { useActionState } from "react";
import { buatTokenAction, type TokenFormState } from "@/lib/actions/token-api";
import { FormMessage } from "@/components/ui/form-message";
import { TOKEN } from "@/lib/i18n/token";

const DAYS = [30, 90, 365] as const;

const INITIAL: TokenFormState = { status: "idle", message: null, token: null };

/** Creates an API token for a user; the token is shown once. */
export function TokenForm({ users }: { users: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState(buatTokenAction, INITIAL);
  return (
    <form action={action} className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">Buat token baru</h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block text-slate-600">Pengguna (token berlaku dengan hak pengguna ini)</span>
          <select name="userId" required className="rounded border border-slate-400 bg-white px-2 py-1">
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">Nama token</span>
          <input name="nama" required minLength={3} maxLength={80} className="rounded border border-slate-400 px-2 py-1" placeholder="misalnya: sinkron DHIS2" />
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">{TOKEN.masaBerlaku}</span>
          <select name="hari" defaultValue="90" className="rounded border border-slate-400 bg-white px-2 py-1">
            {DAYS.map((d) => (
              <option key={d} value={d}>
                {TOKEN.hari(d)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending} className="rounded bg-teal-800 px-4 py-2 font-semibold text-white disabled:opacity-60">
          Buat token
        </button>
      </div>
      <FormMessage testId="pesan-token" ok={state.status === "ok"} message={state.message}>
        {state.token && (
          <p className="mt-2 break-all rounded bg-slate-900 p-3 font-mono text-sm text-white" data-testid="token-baru">
            {state.token}
          </p>
        )}
      </FormMessage>
    </form>
  );
}
