import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import { secureCookies } from "@/lib/auth/cookies";
import { authSecret, generatedSecret, MissingSecretError } from "@/lib/auth/secret";
import { accountKey, ACCOUNT_FREE_FAILURES, addressKey, delaySeconds, isThrottled, MAX_DELAY_SECONDS } from "@/lib/auth/throttle";

describe("throttle rule", () => {
  it("free failures cost nothing; then 2 s, 4 s, 8 s … capped at 15 minutes", () => {
    expect(delaySeconds(ACCOUNT_FREE_FAILURES - 1, ACCOUNT_FREE_FAILURES)).toBe(0);
    expect(delaySeconds(ACCOUNT_FREE_FAILURES, ACCOUNT_FREE_FAILURES)).toBe(2);
    expect(delaySeconds(ACCOUNT_FREE_FAILURES + 1, ACCOUNT_FREE_FAILURES)).toBe(4);
    expect(delaySeconds(ACCOUNT_FREE_FAILURES + 8, ACCOUNT_FREE_FAILURES)).toBe(512);
    expect(delaySeconds(ACCOUNT_FREE_FAILURES + 9, ACCOUNT_FREE_FAILURES)).toBe(MAX_DELAY_SECONDS);
    expect(delaySeconds(10_000, ACCOUNT_FREE_FAILURES)).toBe(MAX_DELAY_SECONDS); // no overflow to Infinity
  });

  it("waits until the delay after the last failure has passed, and forgets a counter after a day", () => {
    const last = new Date("2026-12-01T00:00:00Z");
    const after = (s: number) => new Date(last.getTime() + s * 1000);
    expect(isThrottled(5, last, 5, after(1.9))).toBe(true);
    expect(isThrottled(5, last, 5, after(2))).toBe(false);
    expect(isThrottled(100, last, 5, after(899))).toBe(true);
    expect(isThrottled(100, last, 5, after(900))).toBe(false);
    expect(isThrottled(4, last, 5, after(0))).toBe(false);
  });

  it("keys: the email normalised and hashed (no raw text, NUL included, reaches SQL); addresses cleaned and bounded", () => {
    expect(accountKey(" Admin@Pantau.ID ")).toBe(accountKey("admin@pantau.id"));
    expect(accountKey("a\u0000b")).toMatch(/^akun:[0-9a-f]{64}$/);
    expect(addressKey("10.0.0.1\u0000")).toBe("alamat:10.0.0.1");
    expect(addressKey("x".repeat(500)).length).toBe("alamat:".length + 64);
    expect(addressKey("")).toBe("alamat:tidak-diketahui");
  });
});

describe("client address", () => {
  const headers = { "x-forwarded-for": "1.2.3.4, 10.0.0.9", "x-pantau-alamat": "10.0.0.9" };
  it("without a trusted proxy: the socket address of scripts/next-server.mjs, never a forged X-Forwarded-For", () => {
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6", "x-pantau-alamat": "127.0.0.1" }, {})).toBe("127.0.0.1");
  });
  it("behind a trusted proxy (PANTAU_TRUST_PROXY=1): the entry the proxy appended, not what the client wrote before it", () => {
    expect(clientAddress(headers, { PANTAU_TRUST_PROXY: "1" })).toBe("10.0.0.9");
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6, 203.0.113.5" }, { PANTAU_TRUST_PROXY: "1" })).toBe("203.0.113.5");
  });
  it("under plain next start: X-Forwarded-For as Next.js fills it from the socket", () => {
    expect(clientAddress({ "x-forwarded-for": "::1" }, {})).toBe("::1");
    expect(clientAddress(undefined, {})).toBe("tidak-diketahui");
  });
});

describe("secrets and cookies fail closed", () => {
  it("Secure cookies with an https NEXTAUTH_URL or PANTAU_SECURE_COOKIES=1 (TLS proxy), not otherwise", () => {
    expect(secureCookies({ NEXTAUTH_URL: "https://pantau.example.id" })).toBe(true);
    expect(secureCookies({ NEXTAUTH_URL: "http://10.0.0.2:3000", PANTAU_SECURE_COOKIES: "1" })).toBe(true);
    expect(secureCookies({ NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
  });

  it("production without NEXTAUTH_SECRET refuses to sign", () => {
    const env = { ...process.env };
    try {
      delete process.env.NEXTAUTH_SECRET;
      (process.env as Record<string, string>).NODE_ENV = "production";
      expect(() => authSecret()).toThrow(MissingSecretError);
      process.env.NEXTAUTH_SECRET = "x".repeat(32);
      expect(authSecret()).toBe("x".repeat(32));
    } finally {
      process.env = env;
    }
  });

  it("the generated secret is a 0600 file; a world-writable data folder is refused", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pantau-secret-"));
    try {
      const data = path.join(dir, "data");
      const s = generatedSecret(data);
      expect(s).toMatch(/^[0-9a-f]{64}$/);
      expect(generatedSecret(data)).toBe(s);
      expect(fs.statSync(path.join(data, "auth-secret")).mode & 0o777).toBe(0o600);
      expect(fs.statSync(data).mode & 0o002).toBe(0);
      fs.chmodSync(data, 0o777);
      expect(() => generatedSecret(data)).toThrow(/semua pengguna/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
