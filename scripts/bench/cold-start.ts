// 4. Cold start: a fresh process per run that imports one client, makes it, and makes its first
// call (a create-payment, the request the client itself sends, recorded) on a loopback server in
// another process. The clients take turns run by run, so a slow spell of the machine is shared.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median, newClient, startServer } from "./harness.js";
import { allOperations, record, token } from "./operations.js";

export const coldClients = [
  "raw fetch",
  "@hsrcpay/client",
  "openapi-fetch",
  "openai-node",
  "ky",
  "axios",
] as const;

export interface ColdRow {
  name: (typeof coldClients)[number];
  importMs: number;
  firstCallMs: number;
  /** The whole process, from spawn to exit. */
  processMs: number;
}

/** Runs per client (after one that is not counted). */
export const coldRuns = 20;

export async function coldStart(nodePath: string, runs = coldRuns): Promise<ColdRow[]> {
  const server = await startServer();
  try {
    const create = allOperations().find((operation) => operation.operationId === "createPayment");
    if (!create) throw new Error("createPayment is not in the contract table");
    const { sent } = await record(create, server.baseUrl, (fetchImpl) =>
      newClient(server.baseUrl, fetchImpl),
    );
    const dist = new URL("../../dist/index.js", import.meta.url).href;
    const argument = JSON.stringify({ ...sent, token, baseUrl: server.baseUrl, dist });
    const child = fileURLToPath(new URL("cold-child.mjs", import.meta.url));
    const cwd = fileURLToPath(new URL("../..", import.meta.url));
    const times = new Map(coldClients.map((name) => [name, [] as ColdRow[]]));
    // spawnSync would block this process, but the server runs in a process of its own.
    for (let run = 0; run < runs + 1; run++) {
      for (const name of coldClients) {
        const started = performance.now();
        const result = spawnSync(nodePath, [child, name, argument], { cwd, encoding: "utf8" });
        const processMs = performance.now() - started;
        if (result.status !== 0) throw new Error(`${name}: ${result.stderr.slice(0, 500)}`);
        const { importMs, firstCallMs } = JSON.parse(result.stdout) as ColdRow;
        if (run > 0) times.get(name)?.push({ name, importMs, firstCallMs, processMs });
      }
    }
    return coldClients.map((name) => {
      const rows = times.get(name) ?? [];
      return {
        name,
        importMs: median(rows.map((row) => row.importMs)),
        firstCallMs: median(rows.map((row) => row.firstCallMs)),
        processMs: median(rows.map((row) => row.processMs)),
      };
    });
  } finally {
    server.stop();
  }
}
