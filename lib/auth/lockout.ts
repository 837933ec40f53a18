// Repeated failed logins lock the account for a while.
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export function lockedMinutesLeft(terkunciSampai: Date | null, now: Date): number {
  if (!terkunciSampai || terkunciSampai <= now) return 0;
  return Math.ceil((terkunciSampai.getTime() - now.getTime()) / 60_000);
}

/** After one more failure: the new counter and, when it reaches the limit, the lock's end. */
export function afterFailure(gagalLogin: number, now: Date): { gagalLogin: number; terkunciSampai: Date | null } {
  const count = gagalLogin + 1;
  if (count >= MAX_FAILED_LOGINS) return { gagalLogin: 0, terkunciSampai: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  return { gagalLogin: count, terkunciSampai: null };
}
