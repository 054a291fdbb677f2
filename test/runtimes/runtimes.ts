// Each runtime as its users run it, and what its probe must report (test/runtimes/consumer/).
// A group installs the packed package into its own fresh consumer project, then runs its checks.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { freePort, type PrismMock } from "../../scripts/prism.js";
import {
  binaryOf,
  check,
  consumerProject,
  type Expected,
  kill,
  npx,
  type Result,
  run,
  start,
  tail,
  toolchain,
  versionOf,
  waitForPort,
} from "./harness.js";

export type Group = (mock: PrismMock, tarball: string, base: string) => Promise<Result[]>;

/** Outside `engines`, run for its clear refusal. */
const node18 = "18.20.8";
/** workerd's own release date, so that the Workers get today's defaults. */
const compatibilityDate = "2026-11-17";

/** HSRCPAY_API_KEY as the runs set it, in the environment or as a Worker binding. */
const envToken = "sk_test_fromTheEnvironment00000";

// A secret key accepted by the guard, a key created, a 409 caught as ConflictError, no request
// that Prism found to break the spec, and a payment created through the in-process mock.
const served = {
  error: undefined,
  guard: { kind: "secret", mode: "sandbox" },
  created: {
    id: "key_4hW8pK2sD6fG0jL3",
    object: "api_key",
    key: "string",
    status: 201,
    uuidIdempotencyKey: true,
  },
  conflict: {
    name: "ConflictError",
    status: 409,
    ConflictError: true,
    HsrcpayApiError: true,
    HsrcpayError: true,
  },
  violations: [],
  mock: { id: "pay_7Hs2Kq9LmP4xR1tV", status: 200, calls: 1, violations: 0 },
};
const envRead = { kind: "secret", mode: "sandbox" };
const refusal = (message: RegExp) => ({ error: "HsrcpayError", HsrcpayError: true, message });
const noEnv = refusal(/^No HSRCPAY credential: HSRCPAY_API_KEY \(pass token/);
const envDenied = refusal(/^Could not read HSRCPAY_API_KEY: .*--allow-env=HSRCPAY_API_KEY/);
const noRandomUUID = refusal(
  /^This runtime has no global crypto\.randomUUID\(\).*Node 20 or later/,
);

const nodeRuns: Group = async (mock, tarball, base) => {
  const dir = await consumerProject(base, "node", tarball);
  const env = { HSRCPAY_API_KEY: envToken };
  const label = `node ${process.versions.node}`;
  const expected = { runtime: label, env: envRead, ...served };
  const node = (file: string) => () =>
    run(process.execPath, [file, mock.baseUrl], { cwd: dir, env, timeoutMs: 30_000 });
  return [
    await check(label, "ESM", "", expected, node("esm.mjs")),
    await check(label, "CJS", "", expected, node("cjs.cjs")),
    // Refused at construction with an HsrcpayError, not a bare ReferenceError on the first write.
    await check(
      `node ${node18}`,
      "ESM",
      "outside engines: refused (no crypto.randomUUID)",
      { runtime: `node ${node18}`, env: noRandomUUID, error: noRandomUUID, guard: undefined },
      () =>
        run(npx, ["--yes", `node@${node18}`, "esm.mjs", mock.baseUrl], {
          cwd: dir,
          env,
          timeoutMs: 120_000,
        }),
    ),
  ];
};

const bunRuns: Group = async (mock, tarball, base) => {
  const dir = await consumerProject(base, "bun", tarball);
  const bun = binaryOf("bun");
  const label = `bun ${versionOf("bun")}`;
  const expected = { runtime: label, env: envRead, ...served };
  const env = { HSRCPAY_API_KEY: envToken, DO_NOT_TRACK: "1" };
  const runBun = (file: string) => () =>
    run(bun, [file, mock.baseUrl], { cwd: dir, env, timeoutMs: 30_000 });
  return [
    await check(label, "ESM", "", expected, runBun("esm.mjs")),
    await check(label, "CJS", "", expected, runBun("cjs.cjs")),
  ];
};

const denoRuns: Group = async (mock, tarball, base) => {
  const dir = await consumerProject(base, "deno", tarball);
  const deno = binaryOf("deno");
  const label = `deno ${versionOf("deno")}`;
  const net = `--allow-net=${new URL(mock.baseUrl).host}`;
  const shownNet = "--allow-net=127.0.0.1:PORT";
  const env = {
    HSRCPAY_API_KEY: envToken,
    DENO_NO_UPDATE_CHECK: "1",
    DENO_DIR: join(dir, ".deno"),
  };
  const runDeno = (flags: string[], file: string) => () =>
    run(deno, ["run", "--no-prompt", "--no-lock", net, ...flags, file, mock.baseUrl], {
      cwd: dir,
      env,
      timeoutMs: 30_000,
    });
  const expected = { runtime: label, ...served };
  return [
    await check(
      label,
      "ESM",
      `${shownNet}, no env access`,
      { ...expected, env: envDenied },
      runDeno([], "esm.mjs"),
    ),
    await check(
      label,
      "ESM",
      `${shownNet} --allow-env=HSRCPAY_API_KEY`,
      { ...expected, env: envRead },
      runDeno(["--allow-env=HSRCPAY_API_KEY"], "esm.mjs"),
    ),
    // Deno's require() needs read access to resolve the project's own files (not the package).
    await check(
      label,
      "CJS",
      `${shownNet} --allow-read=., no env access`,
      { ...expected, env: envDenied },
      runDeno(["--allow-read=."], "cjs.cjs"),
    ),
  ];
};

/** Two Workers in one workerd (consumer/workerd.capnp): today's defaults, and no nodejs_compat. */
const workerdRuns: Group = async (mock, tarball, base) => {
  const dir = await consumerProject(base, "workerd", tarball);
  const label = `workerd ${versionOf("workerd")}`;
  // Bundled as wrangler bundles a Worker: esbuild, neutral platform, workerd's conditions.
  await build({
    absWorkingDir: dir,
    entryPoints: ["worker.mjs"],
    outfile: join(dir, "worker.js"),
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    logLevel: "silent",
  });
  const ports: number[] = [];
  while (ports.length < 2) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const [defaultsPort = 0, noNodeCompatPort = 0] = ports;
  const values: Record<string, string> = {
    DEFAULTS_PORT: String(defaultsPort),
    NO_NODE_COMPAT_PORT: String(noNodeCompatPort),
    COMPATIBILITY_DATE: compatibilityDate,
    MOCK_URL: mock.baseUrl,
    HSRCPAY_API_KEY: envToken,
  };
  const template = await readFile(join(dir, "workerd.capnp"), "utf8");
  const config = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? "");
  await writeFile(join(dir, "config.capnp"), config);
  const server = start(binaryOf("workerd"), ["serve", "config.capnp"], dir);
  const probe = (port: number) => async () => {
    await waitForPort(port, 20_000, () => tail(server.output().stderr));
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      signal: AbortSignal.timeout(30_000),
    });
    return response.text();
  };
  const expected = { runtime: "Cloudflare-Workers", ...served };
  try {
    return [
      await check(
        label,
        "ESM",
        `compatibility_date ${compatibilityDate} (nodejs_compat by default)`,
        { ...expected, env: envRead },
        probe(defaultsPort),
      ),
      await check(
        label,
        "ESM",
        `compatibility_date ${compatibilityDate}, no_nodejs_compat`,
        { ...expected, env: noEnv },
        probe(noNodeCompatPort),
      ),
    ];
  } finally {
    kill(server.child);
  }
};

const edgeRuns: Group = async (mock, tarball, base) => {
  const dir = await consumerProject(base, "edge-runtime", tarball);
  await build({
    absWorkingDir: dir,
    entryPoints: ["edge.mjs"],
    outfile: join(dir, "edge.js"),
    bundle: true,
    format: "iife",
    platform: "neutral",
    conditions: ["edge-light", "worker", "browser"],
    logLevel: "silent",
  });
  const expected: Expected = { runtime: "EdgeRuntime edge-runtime", env: noEnv, ...served };
  return [
    await check(`edge-runtime ${versionOf("edge-runtime")}`, "ESM", "", expected, () =>
      run(process.execPath, ["edge-host.mjs", toolchain, "edge.js", mock.baseUrl], {
        cwd: dir,
        timeoutMs: 30_000,
      }),
    ),
  ];
};

export const groups: [string, Group][] = [
  ["node", nodeRuns],
  ["bun", bunRuns],
  ["deno", denoRuns],
  ["workerd", workerdRuns],
  ["edge-runtime", edgeRuns],
];
