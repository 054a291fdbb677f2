// 2. Wrapper cost alone: fetch answers from memory, so only the clients' own work is measured.
import { variants } from "./harness.js";

const envelope = JSON.stringify({
  message: "success",
  success: true,
  data: { object: "api_key", id: "key_1", key: "sk_test_x", name: "CI deploy", permissions: {} },
});
const stubFetch = (async () =>
  new Response(envelope, {
    status: 201,
    headers: { "content-type": "application/json" },
  })) as typeof fetch;

export interface StubRow {
  name: string;
  opsPerSec: number;
}

/** Alternating batches of each variant; ops/s is the median over batches. */
export async function stub(batches = 30, perBatch = 2_000): Promise<StubRow[]> {
  const all = Object.entries(variants("http://127.0.0.1:9/v1", stubFetch)).filter(([name]) =>
    ["raw fetch", "bare openapi-fetch", "hsrcpay.apiKeys.create"].includes(name),
  );
  const rates = new Map(all.map(([name]) => [name, [] as number[]]));
  for (let b = 0; b < batches + 3; b++) {
    for (const [name, call] of all) {
      const started = performance.now();
      for (let i = 0; i < perBatch; i++) await call();
      const seconds = (performance.now() - started) / 1000;
      if (b >= 3) rates.get(name)?.push(perBatch / seconds); // the first batches are warm-up
    }
  }
  return all.map(([name]) => {
    const sorted = (rates.get(name) ?? []).sort((x, y) => x - y);
    return { name, opsPerSec: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN };
  });
}
