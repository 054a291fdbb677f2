// Starts Prism's mock of the project's own spec on 127.0.0.1 and stops it again. Used by
// `npm start` and by the contract tests. Prism runs as `node <its CLI>` rather than through npx,
// so that stopping it reaches the server process itself. It serves the spec as Redocly bundles it
// (scripts/bundle-spec.sh), the document that is published: the bundle is where each operation's
// error examples are written (openapi/plugins/hsrcpay.mjs), so Prism answers a payment's 404 with
// "Payment not found", as the reference shows.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export interface PrismMock {
  baseUrl: string;
  /** Everything Prism printed, for diagnosing a failed start or a failed test. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

export async function startPrism(
  options: { port?: number; timeoutMs?: number } = {},
): Promise<PrismMock> {
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), "hsrcpay-prism-"));
  const spec = bundledSpec(dir);
  const child = spawn(
    process.execPath,
    [
      "node_modules/@stoplight/prism-cli/dist/index.js",
      "mock",
      "--errors", // a response that breaks its own schema becomes a 500 instead of passing quietly
      "-h",
      "127.0.0.1",
      "-p",
      String(port),
      spec,
    ],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`Prism did not start within ${options.timeoutMs ?? 30_000} ms:\n${log}`)),
      options.timeoutMs ?? 30_000,
    );
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    // Keep reading for Prism's whole life: a full pipe would stall it.
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with code ${code} before listening:\n${log}`));
    });
  });
  const stopAndClean = async () => {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await listening;
  } catch (error) {
    await stopAndClean();
    throw error;
  }
  return { baseUrl: `http://127.0.0.1:${port}`, output: () => log, stop: stopAndClean };
}

/** openapi/ bundled into one file in `dir`, as scripts/bundle-spec.sh bundles what is published. */
function bundledSpec(dir: string): string {
  const out = join(dir, "openapi.yaml");
  execFileSync(
    process.execPath,
    ["node_modules/@redocly/cli/bin/cli.js", "bundle", "openapi/openapi.yaml", "-o", out],
    { cwd: root, env: { ...process.env, REDOCLY_TELEMETRY: "off" }, stdio: "ignore" },
  );
  return out;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
