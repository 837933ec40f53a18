import "server-only";
import { ACCOUNT_FREE_FAILURES, ADDRESS_FREE_FAILURES, BYPASS_ADDRESS_FAILURES, FORGET_HOURS, MAX_DELAY_SECONDS } from "@/lib/auth/throttle";
import { db } from "@/lib/db/prisma";

// The counters of lib/auth/throttle.ts in table login_gagal, each change one atomic statement: attempts sent
// in parallel cannot all pass a limit none of them has raised yet. Times are passed in (tests move the
// clock); Prisma stores UTC wall-clock time in timestamp columns, so the ISO text is cast the same way.

const iso = (d: Date) => d.toISOString();
const forgetBefore = (now: Date) => new Date(now.getTime() - FORGET_HOURS * 3600_000).toISOString();

/** Whether an address has reached its limit (read only: a refusal changes nothing). */
export async function addressWaits(kunci: string, now: Date): Promise<boolean> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ waits: boolean }[]>`
    SELECT (jumlah >= ${ADDRESS_FREE_FAILURES} AND terakhir > ${forgetBefore(now)}::timestamp
      AND terakhir + make_interval(secs => LEAST(${MAX_DELAY_SECONDS}, power(2, jumlah - ${ADDRESS_FREE_FAILURES} + 1))) > ${iso(now)}::timestamp) AS waits
    FROM login_gagal WHERE kunci = ${kunci}`;
  return rows[0]?.waits ?? false;
}

/**
 * Counts an attempt on an account before its password is checked (taken back by `forgive` on success),
 * unless the account waits. Returns the new count, or null when the account waits.
 */
export async function claimAccount(kunci: string, now: Date): Promise<number | null> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ jumlah: number }[]>`
    INSERT INTO login_gagal AS g (kunci, jumlah, terakhir) VALUES (${kunci}, 1, ${iso(now)}::timestamp)
    ON CONFLICT (kunci) DO UPDATE
      SET jumlah = CASE WHEN g.terakhir <= ${forgetBefore(now)}::timestamp THEN 1 ELSE g.jumlah + 1 END, terakhir = ${iso(now)}::timestamp
      WHERE g.terakhir <= ${forgetBefore(now)}::timestamp OR g.jumlah < ${ACCOUNT_FREE_FAILURES}
        OR g.terakhir + make_interval(secs => LEAST(${MAX_DELAY_SECONDS}, power(2, g.jumlah - ${ACCOUNT_FREE_FAILURES} + 1))) <= ${iso(now)}::timestamp
    RETURNING jumlah`;
  return rows[0]?.jumlah ?? null;
}

/**
 * The check an address with fewer than BYPASS_ADDRESS_FAILURES recorded failures gets on a waiting account
 * (an office whose shared address saw a typo still gets in): counted on the address at once (so parallel
 * attempts from it get at most that many checks in all), taken back by `releaseAddress` on success.
 */
export async function claimCleanAddress(kunci: string, now: Date): Promise<boolean> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ jumlah: number }[]>`
    INSERT INTO login_gagal AS g (kunci, jumlah, terakhir) VALUES (${kunci}, 1, ${iso(now)}::timestamp)
    ON CONFLICT (kunci) DO UPDATE
      SET jumlah = CASE WHEN g.terakhir <= ${forgetBefore(now)}::timestamp THEN 1 ELSE g.jumlah + 1 END, terakhir = ${iso(now)}::timestamp
      WHERE g.jumlah < ${BYPASS_ADDRESS_FAILURES} OR g.terakhir <= ${forgetBefore(now)}::timestamp
    RETURNING jumlah`;
  return rows.length > 0;
}

/** One more failure on a counter; returns the new count. Now and then, forgotten counters are pruned. */
export async function recordFailure(kunci: string, now: Date): Promise<number> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ jumlah: number }[]>`
    INSERT INTO login_gagal AS g (kunci, jumlah, terakhir) VALUES (${kunci}, 1, ${iso(now)}::timestamp)
    ON CONFLICT (kunci) DO UPDATE
      SET jumlah = CASE WHEN g.terakhir <= ${forgetBefore(now)}::timestamp THEN 1 ELSE g.jumlah + 1 END, terakhir = ${iso(now)}::timestamp
    RETURNING jumlah`;
  if (Math.random() < 0.02) await prisma.$executeRaw`DELETE FROM login_gagal WHERE terakhir <= ${forgetBefore(now)}::timestamp`;
  return rows[0].jumlah;
}

/** A good password: the account's counter is gone. Returns the failures it held before this attempt. */
export async function forgive(kunci: string, claimed: boolean): Promise<number> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ jumlah: number }[]>`DELETE FROM login_gagal WHERE kunci = ${kunci} RETURNING jumlah`;
  return Math.max(0, (rows[0]?.jumlah ?? 0) - (claimed ? 1 : 0));
}

/** Takes back the provisional count of `claimCleanAddress` after a good password. */
export async function releaseAddress(kunci: string): Promise<void> {
  const prisma = await db();
  await prisma.$executeRaw`UPDATE login_gagal SET jumlah = GREATEST(jumlah - 1, 0) WHERE kunci = ${kunci}`;
}
