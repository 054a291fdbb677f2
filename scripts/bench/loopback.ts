// 1. Per-request cost on loopback, all variants interleaved call by call after a warm-up.
import { percentile, startServer, variants } from "./harness.js";

export interface LoopbackRow {
  name: string;
  medianUs: number;
  p99Us: number;
}

export async function loopback(
  calls = 5_000,
  inProcess = false,
  warmup = 500,
): Promise<LoopbackRow[]> {
  const server = await startServer(inProcess);
  try {
    const all = Object.entries(variants(server.baseUrl));
    const samples = new Map(all.map(([name]) => [name, [] as number[]]));
    for (let i = 0; i < warmup + calls; i++) {
      // Rotate the order each round so that no variant always follows the same neighbour.
      for (let j = 0; j < all.length; j++) {
        const [name, call] = all[(i + j) % all.length] as [string, () => Promise<unknown>];
        const started = performance.now();
        await call();
        const elapsed = performance.now() - started;
        if (i >= warmup) samples.get(name)?.push(elapsed * 1000);
      }
    }
    return all.map(([name]) => {
      const sorted = (samples.get(name) ?? []).sort((a, b) => a - b);
      return { name, medianUs: percentile(sorted, 50), p99Us: percentile(sorted, 99) };
    });
  } finally {
    server.stop();
  }
}
