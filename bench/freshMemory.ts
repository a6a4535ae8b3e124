// What touching fresh memory costs right now. On this machine it is slow (the VM hands freed memory back to its
// host) and it moves with the host's load, which moves the compile's time with it: every result records it.

/** Milliseconds per GiB to fill memory never touched before (measured on `mib` MiB, scaled). */
export function freshMemoryMsPerGiB(mib = 256): number {
  const buffer = Buffer.allocUnsafeSlow(mib * 2 ** 20);
  const start = performance.now();
  buffer.fill(1);
  return ((performance.now() - start) * 1024) / mib;
}
