// `npm run test:runtimes`: the packed package, installed into a fresh consumer project per runtime
// and run the way users of that runtime run it, against the Prism mock on 127.0.0.1: a key created,
// a 409 caught with `instanceof ConflictError`, a payment through the in-process mock of
// @hsrcpay/client/testing, a secret key accepted by the browser guard,
// HSRCPAY_API_KEY read or refused with a clear error as each runtime allows. Node (ESM, CJS, and
// Node 18 for its refusal), Bun (ESM, CJS), Deno (ESM, CJS, with and without env access),
// Cloudflare's workerd (two compatibility settings), Vercel's edge-runtime; see test/runtimes/.
// One line per run, exit 1 on any failure; every child has a timeout and the script a deadline.
// With HSRCPAY_VITEST_REPORT=FILE it writes a vitest-shaped JSON report for scripts/ci-summary.mjs.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installToolchain, killAll, packTarball, type Result } from "../test/runtimes/harness.js";
import { groups } from "../test/runtimes/runtimes.js";
import { type PrismMock, startPrism } from "./prism.js";

const deadlineMs = 300_000;

/** Runs `tasks` at most `size` at a time (the machine has 2 cores), results in order. */
async function pool<T>(tasks: (() => Promise<T>)[], size: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < tasks.length; i = next++) {
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: size }, lane));
  return results;
}

function print(result: Result): void {
  const status = result.problems.length === 0 ? "ok" : "FAIL";
  const line = [status.padEnd(5), result.label.padEnd(21), result.module.padEnd(4), result.setting];
  console.log(line.join(" ").trimEnd());
  for (const problem of result.problems) console.log(`      ${problem.replace(/\n/g, "\n      ")}`);
}

/** vitest's JSON report shape, so that scripts/ci-summary.mjs counts these runs like tests. */
async function writeReport(file: string, results: Result[]): Promise<void> {
  const failed = results.filter((r) => r.problems.length > 0).length;
  const report = {
    numPassedTests: results.length - failed,
    numFailedTests: failed,
    numPendingTests: 0,
    numTodoTests: 0,
    testResults: [
      {
        name: "scripts/test-runtimes.ts",
        status: failed ? "failed" : "passed",
        assertionResults: results.map((r) => ({
          title: `${r.label} ${r.module} ${r.setting}`.trim(),
          status: r.problems.length ? "failed" : "passed",
          failureMessages: r.problems,
        })),
      },
    ],
  };
  await writeFile(file, JSON.stringify(report));
}

process.once("exit", killAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(1));
setTimeout(() => {
  console.log(`test:runtimes: not done within ${deadlineMs / 1000} s, stopping`);
  process.exit(1);
}, deadlineMs).unref();

const started = Date.now();
const base = await mkdtemp(join(tmpdir(), "hsrcpay-runtimes-"));
let mock: PrismMock | undefined;
try {
  await installToolchain();
  const tarball = await packTarball(join(base, "pack"));
  const prism = await startPrism();
  mock = prism;
  console.log(
    `the packed package against Prism at ${prism.baseUrl}; each ok: a secret key accepted,`,
  );
  console.log(
    "a key created, a 409 caught as ConflictError, a payment through @hsrcpay/client/testing,\nHSRCPAY_API_KEY read or refused clearly",
  );
  const results = (
    await pool(
      groups.map(([name, group]) => async () => {
        const done = await group(prism, tarball, base).catch((error: Error) => [
          { label: name, module: "ESM" as const, setting: "setup", problems: [error.message] },
        ]);
        done.forEach(print);
        return done;
      }),
      2,
    )
  ).flat();
  if (process.env.HSRCPAY_VITEST_REPORT) {
    await writeReport(process.env.HSRCPAY_VITEST_REPORT, results);
  }
  const failed = results.filter((r) => r.problems.length > 0).length;
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`test:runtimes, ${seconds} s: ${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
} catch (error) {
  console.log(`test:runtimes could not run: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await mock?.stop();
  await rm(base, { recursive: true, force: true });
}
