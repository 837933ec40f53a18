import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { aggregate, capaian, capaianRatio, capaianRounded, onTrack, realisasi } from "@/lib/spm/capaian";
import { compare, type Rational } from "@/lib/spm/rational";

const count = fc.nat({ max: 100_000 });
const desa = fc.record({ realisasi: count, sasaran: fc.option(count, { nil: null }) });
const desaList = fc.array(desa, { maxLength: 40 });
const monthly = fc.array(fc.option(fc.nat({ max: 10_000 }), { nil: null }), { minLength: 0, maxLength: 12 });

describe("aggregate properties", () => {
  it("aggregating one desa equals that desa", () => {
    fc.assert(
      fc.property(desa, (d) => {
        expect(aggregate([d])).toEqual({ realisasi: d.realisasi, sasaran: d.sasaran, capaian: capaian(d.realisasi, d.sasaran) });
      }),
    );
  });

  it("the order of desa does not matter", () => {
    fc.assert(
      fc.property(desaList, fc.infiniteStream(fc.nat()), (rows, seeds) => {
        // Fisher–Yates with fast-check's numbers, so a failure shrinks and replays.
        const shuffled = [...rows];
        const it = seeds[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (it.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        expect(aggregate(shuffled)).toEqual(aggregate(rows));
      }),
    );
  });

  it("a kabupaten split into puskesmas (arbitrary partition): aggregate of the puskesmas aggregates = the kabupaten", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(desa, fc.nat({ max: 7 })), { maxLength: 60 }),
        (tagged) => {
          const kabupaten = aggregate(tagged.map(([d]) => d));
          const byPuskesmas = new Map<number, { realisasi: number; sasaran: number | null }[]>();
          for (const [d, p] of tagged) byPuskesmas.set(p, [...(byPuskesmas.get(p) ?? []), d]);
          const puskesmas = [...byPuskesmas.values()].map((rows) => aggregate(rows));
          expect(aggregate(puskesmas)).toEqual(kabupaten);
        },
      ),
    );
  });

  it("capaian of an aggregate lies between the smallest and largest desa capaian (desa with S > 0 only)", () => {
    const withS = fc.record({ realisasi: count, sasaran: fc.integer({ min: 1, max: 100_000 }) });
    fc.assert(
      fc.property(fc.array(withS, { minLength: 1, maxLength: 30 }), (rows) => {
        const a = aggregate(rows);
        const c = capaianRatio(a.realisasi, a.sasaran) as Rational;
        const each = rows.map((r) => capaianRatio(r.realisasi, r.sasaran) as Rational);
        expect(each.some((e) => compare(e, c) <= 0)).toBe(true);
        expect(each.some((e) => compare(e, c) >= 0)).toBe(true);
      }),
    );
  });

  it("realisasi of the summed monthly series = Σ of each desa's realisasi (kumulatif, bulanan, jumlah)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat({ max: 10_000 }), { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom("kumulatif", "bulanan", "jumlah" as const),
        (series, bulan, jenis) => {
          const summed = Array.from({ length: 12 }, (_, i) => series.reduce((a, s) => a + s[i], 0));
          const each = series.reduce((a, s) => a + realisasi(jenis, s, bulan), 0);
          expect(realisasi(jenis, summed, bulan)).toBe(each);
        },
      ),
    );
  });
});

describe("capaian properties", () => {
  it("kumulatif capaian never decreases month to month for non-negative values", () => {
    fc.assert(
      fc.property(monthly, fc.integer({ min: 1, max: 100_000 }), (values, sasaran) => {
        let prev = -1;
        for (let m = 1; m <= 12; m++) {
          const c = capaian(realisasi("kumulatif", values, m), sasaran) as number;
          expect(c).toBeGreaterThanOrEqual(prev);
          prev = c;
        }
      }),
    );
  });

  it("capaian is never NaN or Infinity: a finite number ≥ 0 with S > 0, else null", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.option(fc.maxSafeNat(), { nil: null }), (r, s) => {
        const c = capaian(r, s);
        const rounded = capaianRounded(r, s);
        if (s === null || s === 0) {
          expect(c).toBeNull();
          expect(rounded).toBeNull();
        } else {
          expect(Number.isFinite(c)).toBe(true);
          expect(c).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(rounded)).toBe(true);
        }
      }),
    );
  });

  it("capaian equals R × 100 / S in IEEE arithmetic while R × 100 is a safe integer", () => {
    fc.assert(
      fc.property(fc.nat({ max: 90_000_000_000_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (r, s) => {
        expect(capaian(r, s)).toBe((r * 100) / s);
      }),
    );
  });

  it("on track in December ⇔ R ≥ S (kumulatif, target 100)", () => {
    const spm = { jenis: "kumulatif", target: 100, arah: "naik" } as const;
    fc.assert(
      fc.property(count, fc.integer({ min: 1, max: 100_000 }), (r, s) => {
        expect(onTrack(spm, r, s, 12)).toBe(r >= s);
      }),
    );
  });

  it("on track ⇔ 12·R ≥ m·S for target 100, every month (exact, no float drift)", () => {
    const spm = { jenis: "kumulatif", target: 100, arah: "naik" } as const;
    fc.assert(
      fc.property(count, fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 12 }), (r, s, m) => {
        expect(onTrack(spm, r, s, m)).toBe(12 * r >= m * s);
      }),
    );
  });
});
