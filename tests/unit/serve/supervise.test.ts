import { describe, expect, it } from "vitest";
import { deathReason, DEFAULT_HEAP_MB, heapMb, restartDelayMs, semiSpaceMb, serverNodeOptions } from "@/scripts/lib/supervise";

describe("supervisor", () => {
  it("restarts at once after a healthy run, then backs off while the server keeps dying at start (cap 30 s)", () => {
    expect(restartDelayMs(1)).toBe(500);
    expect(restartDelayMs(2)).toBe(1000);
    expect(restartDelayMs(5)).toBe(8000);
    expect(restartDelayMs(50)).toBe(30_000);
  });

  it("names the cause of a death from its exit and stderr tail", () => {
    expect(deathReason(null, "SIGABRT", "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory")).toMatch(/sinyal SIGABRT: kehabisan memori heap/);
    expect(deathReason(null, "SIGKILL", "")).toMatch(/sinyal SIGKILL: dihentikan paksa/);
    expect(deathReason(1, null, "Error: listen EADDRINUSE: address already in use")).toMatch(/kode keluar 1: port sudah dipakai/);
    expect(deathReason(1, null, "boom\nTypeError: x is not a function\n")).toBe("kode keluar 1: TypeError: x is not a function");
  });

  it("heap limit: PANTAU_HEAP_MB when sensible, else the default", () => {
    expect(heapMb({ PANTAU_HEAP_MB: "4096" })).toBe(4096);
    expect(heapMb({ PANTAU_HEAP_MB: "abc" })).toBe(DEFAULT_HEAP_MB);
    expect(heapMb({ PANTAU_HEAP_MB: "10" })).toBe(DEFAULT_HEAP_MB);
    expect(heapMb({})).toBe(DEFAULT_HEAP_MB);
  });

  it("young generation: an eighth of the heap limit, between 16 and 64 MB, passed with the heap limit", () => {
    expect(semiSpaceMb(512)).toBe(64);
    expect(semiSpaceMb(256)).toBe(32);
    expect(semiSpaceMb(4096)).toBe(64);
    expect(semiSpaceMb(100)).toBe(16);
    expect(serverNodeOptions({ PANTAU_HEAP_MB: "256" })).toBe("--max-old-space-size=256 --max-semi-space-size=32");
    expect(serverNodeOptions({ NODE_OPTIONS: "--enable-source-maps" })).toBe("--enable-source-maps --max-old-space-size=512 --max-semi-space-size=64");
  });
});
