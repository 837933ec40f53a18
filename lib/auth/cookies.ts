/**
 * Secure cookies (`__Secure-`/`__Host-` names, `Secure` flag) when NEXTAUTH_URL is https://, or when
 * PANTAU_SECURE_COOKIES=1 says that a TLS proxy sits in front of a server whose NEXTAUTH_URL is http://
 * (docs/deploy.md). Browsers then send the session cookie over HTTPS only.
 */
export function secureCookies(env: Record<string, string | undefined> = process.env): boolean {
  return env.PANTAU_SECURE_COOKIES === "1" || env.PANTAU_SECURE_COOKIES === "true" || (env.NEXTAUTH_URL ?? "").startsWith("https://");
}
