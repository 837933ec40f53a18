import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/auth/permissions";
import { MSG } from "@/lib/i18n/messages";

// The one action preamble (lib/actions/action.ts): who acts, the permission, every field's error, one
// mapping of errors. The session is replaced by a stub; everything else is the real code.
const session = vi.hoisted(() => ({ actor: null as Actor | null, fail: null as Error | null }));
vi.mock("@/lib/auth/session", () => ({
  currentActor: async () => {
    if (session.fail) throw session.fail;
    return session.actor;
  },
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error(`NEXT_REDIRECT ${to}`), { digest: `NEXT_REDIRECT;${to}` });
  },
  unstable_rethrow: (e: unknown) => {
    if (e instanceof Error && e.message.startsWith("NEXT_REDIRECT")) throw e;
  },
}));
const { fieldErrors, formAction } = await import("@/lib/actions/action");

const PKM: Actor = { id: "u1", email: "pkm@test", nama: "PKM", role: "PUSKESMAS", provinsiKode: "36", kabupatenKode: "36.04", puskesmasKode: "P1" };
const DINKES: Actor = { ...PKM, role: "DINKES_KABUPATEN", puskesmasKode: null };

type State = { message: string; errors: Record<string, string>; typed: string | null; done?: string };
const schema = z.object({ a: z.string().min(2, "a pendek"), b: z.coerce.number().int("b bulat"), c: z.string().email("c email") });
const ran = vi.fn();
const action = formAction<State, z.infer<typeof schema>>({
  permission: "laporan.isi",
  schema,
  input: (form) => Object.fromEntries(form),
  invalidMessage: "Ada isian yang salah.",
  refuse: (form, r) => ({ message: r.message, errors: r.errors, typed: form.get("a") as string | null }),
  run: async ({ actor, input }) => {
    ran(actor, input);
    if (input.a === "boom") throw new Error("relation \"nilai\" does not exist");
    if (input.a === "forbidden") throw new ForbiddenError();
    return { message: "ok", errors: {}, typed: null, done: input.a };
  },
});
const post = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const empty: State = { message: "", errors: {}, typed: null };

beforeEach(() => {
  session.actor = PKM;
  session.fail = null;
  ran.mockReset();
});

describe("formAction", () => {
  it("three wrong fields: every field gets its own message, what was typed is kept, nothing runs", async () => {
    const r = await action(empty, post({ a: "x", b: "1.5", c: "nope" }));
    expect(r).toEqual({ message: "Ada isian yang salah.", errors: { a: "a pendek", b: "b bulat", c: "c email" }, typed: "x" });
    expect(ran).not.toHaveBeenCalled();
  });

  it("one wrong field: the form's message, the field's own beside it; a form without field errors shows the field's", async () => {
    expect(await action(empty, post({ a: "xx", b: "2", c: "nope" }))).toMatchObject({ message: "Ada isian yang salah.", errors: { c: "c email" } });
    const plain = formAction<State, z.infer<typeof schema>>({ schema, input: (f) => Object.fromEntries(f), refuse: (_f, r) => ({ ...empty, message: r.message }), run: async () => empty });
    expect((await plain(empty, post({ a: "xx", b: "2", c: "nope" }))).message).toBe("c email");
  });

  it("no session or no permission: refused before the input is read (no session: it says the session ended)", async () => {
    session.actor = null;
    expect(await action(empty, post({ a: "xx", b: "2", c: "a@b.id" }))).toMatchObject({ message: MSG.sesiBerakhir });
    session.actor = DINKES;
    expect(await action(empty, post({ a: "xx", b: "2", c: "a@b.id" }))).toMatchObject({ message: MSG.tidakBerhak });
    expect(ran).not.toHaveBeenCalled();
  });

  it("a valid post runs with the acting user and the parsed input", async () => {
    expect(await action(empty, post({ a: "xx", b: "2", c: "a@b.id" }))).toMatchObject({ message: "ok", done: "xx" });
    expect(ran).toHaveBeenCalledWith(PKM, { a: "xx", b: 2, c: "a@b.id" });
  });

  it("errors are mapped: forbidden → tidak berhak, database down → its message, anything else → general, never the internal text", async () => {
    expect((await action(empty, post({ a: "forbidden", b: "2", c: "a@b.id" }))).message).toBe(MSG.tidakBerhak);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const r = await action(empty, post({ a: "boom", b: "2", c: "a@b.id" }));
    expect(r.message).toBe(MSG.kesalahanUmum);
    expect(JSON.stringify(r)).not.toContain("relation");
    log.mockRestore();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    session.fail = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect((await action(empty, post({ a: "xx", b: "2", c: "a@b.id" }))).message).toBe(MSG.dbTidakTersedia);
    warn.mockRestore();
  });

  it("a redirect is passed on, not mapped to an error", async () => {
    const login = formAction<State, unknown>({ loginRedirect: true, schema: z.unknown(), input: () => null, refuse: () => empty, run: async () => empty });
    session.actor = null;
    await expect(login(empty, post({}))).rejects.toThrow("NEXT_REDIRECT /login");
  });
});

describe("fieldErrors", () => {
  it("keys nested paths with dots and keeps the first message of a field", () => {
    const s = z.object({ nilai: z.record(z.string(), z.string().max(1, "panjang").regex(/^\d$/, "angka")) });
    const r = s.safeParse({ nilai: { "SPM-01": "ab" } });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toEqual({ "nilai.SPM-01": "panjang" });
  });
});
