// What scripts/test-runtimes.ts is built from: child processes with timeouts, the pinned runtimes
// of test/runtimes/package-lock.json, the packed package, consumer projects, and the comparison of
// a probe's report with what it should be.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { repoRoot } from "../helpers/repo-root.js";

export const toolchain = join(repoRoot, "test/runtimes");
const consumerFiles = join(toolchain, "consumer");
export const npm = process.platform === "win32" ? "npm.cmd" : "npm";
export const npx = process.platform === "win32" ? "npx.cmd" : "npx";

// ---- children: each in its own process group, killed whole on timeout and on exit ----

const children = new Set<ChildProcess>();

export function kill(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}

export function killAll(): void {
  for (const child of children) kill(child);
}

/** Starts a long-lived child; `output()` is what it printed so far. */
export function start(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, NO_COLOR: "1", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk;
  });
  return { child, output: () => ({ stdout, stderr }) };
}

/** Runs a command to its end within `timeoutMs`; resolves with its stdout, rejects otherwise. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<string> {
  const { child, output } = start(command, args, options.cwd, options.env);
  const shown = `${command.replace(toolchain, "test/runtimes")} ${args.join(" ")}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      kill(child);
      reject(new Error(`${shown}: no end within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      const { stdout, stderr } = output();
      if (code === 0) resolve(stdout);
      else reject(new Error(`${shown}: exit ${code ?? signal}\n${tail(stderr)}`));
    });
  });
}

export const tail = (text: string) => text.trim().split("\n").slice(-12).join("\n");

export function waitForPort(port: number, timeoutMs: number, log: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > until) reject(new Error(`nothing listening on ${port}:\n${log()}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

// ---- the runtimes, the package, the consumer projects ----

/** `npm ci` in test/runtimes, when its lockfile changed since the last install. */
export async function installToolchain(): Promise<void> {
  const lock = readFileSync(join(toolchain, "package-lock.json"));
  const hash = createHash("sha256").update(lock).digest("hex");
  const stamp = join(toolchain, "node_modules/.hsrcpay-lock-sha256");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  console.log("installing the pinned runtimes (test/runtimes/package-lock.json)");
  // No install scripts: each binary is in its per-platform package, found by binaryOf().
  await run(npm, ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], {
    cwd: toolchain,
    timeoutMs: 300_000,
  });
  await writeFile(stamp, hash);
}

export function versionOf(name: string): string {
  const file = join(toolchain, "node_modules", name, "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

/** The runtime's binary from its per-platform package (or where its own postinstall put it). */
export function binaryOf(name: "bun" | "deno" | "workerd"): string {
  const arm = process.arch === "arm64";
  const os = process.platform;
  const candidates = {
    bun: [`@oven/bun-${os}-${arm ? "aarch64" : "x64"}/bin/bun`, "bun/bin/bun.exe"],
    deno: [
      `@deno/${os}-${arm ? "arm64" : "x64"}${os === "linux" ? "-glibc" : ""}/deno`,
      "deno/deno",
    ],
    workerd: [`@cloudflare/workerd-${os}-${arm ? "arm64" : "64"}/bin/workerd`],
  }[name].map((path) => join(toolchain, "node_modules", path));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`no ${name} binary for ${os}-${process.arch}: ${candidates}`);
  return found;
}

/** `npm run build`, then `npm pack` into `dir`; the tarball's path. */
export async function packTarball(dir: string): Promise<string> {
  await mkdir(dir);
  await run("bash", ["scripts/build.sh"], { cwd: repoRoot, timeoutMs: 120_000 });
  await run(npm, ["pack", "--silent", "--pack-destination", dir], {
    cwd: repoRoot,
    timeoutMs: 60_000,
  });
  const tarball = (await readdir(dir)).find((file) => file.endsWith(".tgz"));
  if (!tarball) throw new Error("npm pack wrote no tarball");
  return join(dir, tarball);
}

/** A fresh project in `base/name` with the tarball installed by npm, and the consumer files. */
export async function consumerProject(base: string, name: string, tarball: string) {
  const dir = join(base, name);
  await mkdir(dir);
  await writeFile(
    join(dir, "package.json"),
    JSON.stringify({ name: `consumer-${name}`, private: true, type: "module" }),
  );
  for (const file of await readdir(consumerFiles)) {
    await copyFile(join(consumerFiles, file), join(dir, file));
  }
  await run(
    npm,
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", tarball],
    { cwd: dir, timeoutMs: 120_000 },
  );
  return dir;
}

// ---- checking a probe's report (test/runtimes/consumer/probe.cjs) ----

export type Expected =
  | RegExp
  | Expected[]
  | { [key: string]: Expected | undefined }
  | string
  | number
  | boolean
  | null
  | undefined;

/** Where `actual` differs from `expected`: a RegExp matches a string, `undefined` means absent. */
export function differences(actual: unknown, expected: Expected, path = "report"): string[] {
  if (expected instanceof RegExp) {
    return typeof actual === "string" && expected.test(actual)
      ? []
      : [`${path}: ${JSON.stringify(actual)} does not match ${expected}`];
  }
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== "object") {
      return [`${path}: ${JSON.stringify(actual)}, expected an object`];
    }
    return Object.entries(expected).flatMap(([key, value]) =>
      differences((actual as Record<string, unknown>)[key], value, `${path}.${key}`),
    );
  }
  return isDeepStrictEqual(actual, expected)
    ? []
    : [`${path}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`];
}

export interface Result {
  /** The runtime and its version, `deno 2.9.6`. */
  label: string;
  module: "ESM" | "CJS";
  /** Flags or settings the run used, if any. */
  setting: string;
  problems: string[];
}

/** One run: `report` resolves with output whose last line is the probe's JSON. */
export async function check(
  label: string,
  module: Result["module"],
  setting: string,
  expected: Expected,
  report: () => Promise<string>,
): Promise<Result> {
  let problems: string[];
  try {
    const text = await report();
    const last = text.trim().split("\n").at(-1) ?? "";
    problems = differences(JSON.parse(last), expected);
  } catch (error) {
    problems = [(error as Error).message];
  }
  return { label, module, setting, problems };
}
