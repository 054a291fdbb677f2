// One hostile call in a fresh process, for bodies.test.ts: what the call threw and how far the
// process's RSS grew while it ran, printed as one JSON line on stdout. The parent runs the server:
//
//   node --expose-gc --import tsx test/adversarial/memory-child.ts <origin> <caseName>
//
// `<origin>/ok/v1` and `<origin>/ok-gzip/v1` answer with a small success envelope (the warm-up);
// `<origin>/<caseName>/v1` answers with the hostile body. After printing, the child stays alive
// until its stdin closes, so that the parent sees whether the client dropped the connections while
// the process that opened them still runs. A namespace import, so that this also loads against a
// client without HsrcpayResponseTooLargeError (0.1.0), where it reports what that client did.
import * as hsrcpay from "../../src/index.js";
import { params, token } from "../helpers/fixtures.js";

export interface ChildReport {
  caseName: string;
  /** The error's name, or null when the call resolved. */
  errorName: string | null;
  /** Every error class exported by the client that the error is an instance of. */
  classes: string[];
  status: number | null;
  limit: number | null;
  message: string;
  bodyStart: string | null;
  baselineRss: number;
  peakRss: number;
  /** Highest RSS sampled during the call, minus the RSS after warm-up and GC. */
  peakGrowthBytes: number;
  /** True when RSS grew past `ceilingBytes` and the child stopped the call by exiting. */
  stoppedAtCeiling: boolean;
  elapsedMs: number;
}

/** Past this growth the call is not allowed to go on: the client under test is clearly unbounded. */
const ceilingBytes = 1024 * 1024 * 1024;
const sampleEveryMs = 2;

const [origin, caseName] = process.argv.slice(2);
if (!origin || !caseName) {
  console.error("usage: memory-child.ts <origin> <caseName>");
  process.exit(2);
}

const clientAt = (name: string) =>
  hsrcpay.createHsrcpayClient({ token, baseUrl: `${origin}/${name}/v1`, maxRetries: 2 });

// Warm-up: the same code paths (fetch, undici's pool, gzip decoding, the envelope) on small bodies,
// so that the baseline already holds what any first call allocates.
for (let i = 0; i < 3; i++) {
  await clientAt("ok").apiKeys.create(params);
  await clientAt("ok-gzip").apiKeys.create(params);
}
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
gc?.();
await new Promise((resolve) => setTimeout(resolve, 50));
const baselineRss = process.memoryUsage.rss();

let peakRss = baselineRss;
let outcome: { resolved: true } | { resolved: false; error: unknown } | undefined;
const started = performance.now();
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  if (peakRss - baselineRss > ceilingBytes && outcome === undefined) finish(true);
}, sampleEveryMs);

try {
  await clientAt(caseName).apiKeys.create(params);
  outcome = { resolved: true };
} catch (error) {
  outcome = { resolved: false, error };
}
peakRss = Math.max(peakRss, process.memoryUsage.rss());
finish(false);

function finish(stoppedAtCeiling: boolean): void {
  clearInterval(sampler);
  const error = outcome && !outcome.resolved ? outcome.error : undefined;
  const fields = (error ?? {}) as Record<string, unknown>;
  const report: ChildReport = {
    caseName: caseName as string,
    errorName: error instanceof Error ? error.name : error === undefined ? null : String(error),
    classes: Object.entries(hsrcpay)
      .filter(
        ([, value]) =>
          typeof value === "function" &&
          value.prototype instanceof Error &&
          error instanceof (value as new () => Error),
      )
      .map(([name]) => name),
    status: typeof fields.status === "number" ? fields.status : null,
    limit: typeof fields.limit === "number" ? fields.limit : null,
    message: error instanceof Error ? error.message.slice(0, 2_000) : "",
    bodyStart: typeof fields.bodyStart === "string" ? fields.bodyStart : null,
    baselineRss,
    peakRss,
    peakGrowthBytes: peakRss - baselineRss,
    stoppedAtCeiling,
    elapsedMs: Math.round(performance.now() - started),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  if (stoppedAtCeiling || process.stdin.isTTY) process.exit(0);
  process.stdin.on("end", () => process.exit(0));
  process.stdin.on("close", () => process.exit(0));
  process.stdin.resume();
}
