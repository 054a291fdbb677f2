// Runs the loopback section under another Node line: Node 20, which runs this machine's tools, is
// past its end of life, and fetch (undici) costs differ between lines, the AbortSignal's above all.
import { spawnSync } from "node:child_process";
import type { LoopbackRow } from "./loopback.js";

export interface OtherNode {
  version: string;
  rows: LoopbackRow[];
  rowsInProcess: LoopbackRow[];
}

/**
 * `npx -y node@<major>` fetches that line from the npm registry on first use; without the
 * registry the section is skipped, with the reason, rather than failing the whole bench.
 */
export function loopbackOnNode(
  major: number,
  calls: number,
  root: string,
): OtherNode | { skipped: string } {
  const result = spawnSync(
    "npx",
    ["-y", `node@${major}`, "--import", "tsx", "scripts/bench/loopback-child.ts", String(calls)],
    { cwd: root, encoding: "utf8", timeout: 30 * 60_000, maxBuffer: 16 * 2 ** 20 },
  );
  const last = result.stdout?.trim().split("\n").at(-1) ?? "";
  if (result.status !== 0 || !last.startsWith("{")) {
    const why = (result.error?.message ?? result.stderr ?? "").trim().split("\n")[0];
    return { skipped: `node@${major} did not run (${why || `exit ${result.status}`})` };
  }
  return JSON.parse(last) as OtherNode;
}
