import crypto from "node:crypto";

// Login throttling (docs/security.md, "Login"): failures are counted per account and per client address.
// Past a number of free failures, the next attempt waits 2^(n - free + 1) seconds after the previous one
// (2 s, 4 s, … up to 15 minutes). A counter is forgotten 24 hours after its last failure. Refused, unknown,
// inactive and wrong-password attempts all get the same message (MSG.loginGagal).
//
// - Address: after ADDRESS_FREE_FAILURES failures from one address (on any accounts) its attempts wait.
// - Account: after ACCOUNT_FREE_FAILURES failures on one account its attempts wait, except that an address
//   with fewer than BYPASS_ADDRESS_FAILURES recorded failures still gets its password checked: an attacker
//   with many addresses cannot keep the owner out (even behind an office address that saw a typo or two),
//   and each of his addresses gets that many guesses in all before it waits too.
// - Unknown emails are counted like accounts, so a refusal does not tell whether an account exists.

export const ACCOUNT_FREE_FAILURES = 5;
export const ADDRESS_FREE_FAILURES = 20;
export const BYPASS_ADDRESS_FAILURES = 3;
export const MAX_DELAY_SECONDS = 15 * 60;
export const FORGET_HOURS = 24;

/** Seconds the next attempt waits after the last of `failures` (0 while within the free failures). */
export function delaySeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** (failures - free + 1));
}

/** Whether a counter of `failures`, the last at `last`, makes an attempt at `now` wait. */
export function isThrottled(failures: number, last: Date, free: number, now: Date): boolean {
  if (last.getTime() <= now.getTime() - FORGET_HOURS * 3600_000) return false;
  return last.getTime() + delaySeconds(failures, free) * 1000 > now.getTime();
}

/** Counter key of an account: a hash of the normalised email (whether or not the account exists). */
export function accountKey(email: string): string {
  return `akun:${crypto.createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}

/** Counter key of a client address (control characters dropped, length bounded). */
export function addressKey(address: string): string {
  return `alamat:${address.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 64) || "tidak-diketahui"}`;
}
