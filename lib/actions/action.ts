import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { can, ForbiddenError, NotFoundError, type Permission } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { pesanGalat } from "@/lib/i18n/errors";
import { MSG } from "@/lib/i18n/messages";

// The one preamble of every server action (issue 14): the acting user, the permission, the zod parse with
// every field's error returned to its field, and one mapping of errors (no right → "tidak berhak", database
// outage → its own message, anything else → a general message and the log; never an internal text).
// A thin wrapper of our own rather than next-safe-action: our forms bind actions with useActionState and
// must work without JavaScript, so an action answers the form's own state type, and on every refusal the
// state keeps what the user typed (`refuse` builds it); next-safe-action answers its own result envelope
// and would be one more dependency for about sixty lines.

export interface Refusal {
  /** No session or no right; the input failed its schema; something failed while running. */
  reason: "forbidden" | "invalid" | "error";
  message: string;
  /** Field name (the zod path joined with ".") → its message. */
  errors: Record<string, string>;
}

export interface ActionSpec<S, I> {
  /** Checked before the input is read. */
  permission?: Permission;
  /** Without a logged-in user, go to the login page (plain forms, logout) instead of answering. */
  loginRedirect?: boolean;
  schema: z.ZodType<I>;
  /** The schema's input from the post. */
  input: (form: FormData) => unknown;
  /** The state answered on a refusal, keeping what the user typed. */
  refuse: (form: FormData, refusal: Refusal) => S;
  /**
   * The form's message when fields are wrong, for forms that show each field's error beside it; without
   * it the first field's message is the message (forms that show no field errors).
   */
  invalidMessage?: string;
  run: (ctx: { actor: Actor; input: I; form: FormData }) => Promise<S>;
}

/** The state of a form whose fields each show their own error, keeping what was typed on a refusal. */
export interface FieldFormState {
  status: "idle" | "ok" | "error";
  message: string | null;
  /** Field name → its message. */
  errors: Record<string, string>;
  values: Record<string, string>;
}

/** Every field's first message, keyed by its path. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.map(String).join(".")] ??= issue.message;
  return out;
}

/** An action `(previous state, form) → state` with the one preamble and error mapping. */
export function formAction<S, I>(spec: ActionSpec<S, I>): (prev: S, form: FormData) => Promise<S> {
  return async (_prev, form) => {
    const refuse = (reason: Refusal["reason"], message: string, errors: Record<string, string> = {}) => spec.refuse(form, { reason, message, errors });
    try {
      // Inside the try: with the database down the session check fails too, and the form still answers.
      const actor = await currentActor();
      if (!actor) {
        if (spec.loginRedirect) redirect("/login");
        return refuse("forbidden", MSG.sesiBerakhir);
      }
      if (spec.permission && !can(actor, spec.permission)) return refuse("forbidden", MSG.tidakBerhak);
      const parsed = spec.schema.safeParse(spec.input(form));
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error);
        return refuse("invalid", spec.invalidMessage ?? Object.values(errors)[0], errors);
      }
      return await spec.run({ actor, input: parsed.data, form });
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are answers, not errors
      if (error instanceof ForbiddenError || error instanceof NotFoundError) return refuse("forbidden", MSG.tidakBerhak);
      return refuse("error", pesanGalat(error));
    }
  };
}
