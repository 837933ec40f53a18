// What this machine charges for fresh memory: the time to touch one new 4 KB page (a minor page fault),
// measured in the bench process. On hardware, or a virtual machine with nested paging, it is well under
// a microsecond; on the virtual machines of the 6 Dec sessions it was 11–14 µs. A browser that starts a
// renderer for each page load touches some 15,000 new pages, so this figure moves Lighthouse's total
// blocking time more than any change to the page does (docs/scaling.md, sixth pass).

const PAGE = 4096;

/** Microseconds per first touch of a fresh page: the median of `rounds` passes over `mb` MB of a new
 *  ArrayBuffer (zero-filled by the kernel on first touch: one fault per page, nothing else). */
export function pageFaultMicros(mb = 128, rounds = 3): number {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const bytes = new Uint8Array(new ArrayBuffer(mb * 2 ** 20));
    const start = process.hrtime.bigint();
    for (let i = 0; i < bytes.length; i += PAGE) bytes[i] = 1;
    times.push(Number(process.hrtime.bigint() - start) / 1000 / (bytes.length / PAGE));
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 100) / 100;
}
