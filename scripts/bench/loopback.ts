// 1. Per-request cost on loopback. Each client variant is measured in a pair with its baseline
// only, the two alternating call by call (AB, BA, …) after a warm-up: a third variant in the
// rotation (axios, say) would leave its garbage and sockets to whichever call follows it.
import { baselineOf, floorOf, percentile, startServer, variants } from "./harness.js";

export interface LoopbackRow {
  name: string;
  baseline: string;
  medianUs: number;
  p99Us: number;
  baselineMedianUs: number;
  /** median / baseline median, both from this pair's run. */
  ratio: number;
}

/**
 * Every client variant (and floor) with its raw-fetch baseline; create with the guarded raw fetch;
 * and each targeted operation with its floor, where what shows is the client's own cost.
 */
export const pairs: [string, string][] = [
  ...Object.entries(baselineOf),
  ["hsrcpay.apiKeys.create", "raw fetch with a timeout signal"],
  ...Object.entries(floorOf),
];

export async function loopback(
  calls = 5_000,
  inProcess = false,
  warmup = 500,
): Promise<LoopbackRow[]> {
  const server = await startServer(inProcess);
  try {
    const all = variants(server.baseUrl);
    const rows: LoopbackRow[] = [];
    for (const [name, baseline] of pairs) {
      const calls2 = [all[name], all[baseline]];
      const samples: number[][] = [[], []];
      for (let i = 0; i < warmup + calls; i++) {
        for (let j = 0; j < 2; j++) {
          const which = (i + j) % 2; // AB, then BA: neither always goes first
          const started = performance.now();
          await calls2[which]?.();
          const elapsed = performance.now() - started;
          if (i >= warmup) samples[which]?.push(elapsed * 1000);
        }
      }
      const [own, base] = samples.map((list) => list.sort((a, b) => a - b)) as [number[], number[]];
      const medianUs = percentile(own, 50);
      const baselineMedianUs = percentile(base, 50);
      rows.push({
        name,
        baseline,
        medianUs,
        p99Us: percentile(own, 99),
        baselineMedianUs,
        ratio: medianUs / baselineMedianUs,
      });
    }
    return rows;
  } finally {
    server.stop();
  }
}
