// 4. Start-up: a fresh Node process that imports the package, next to one that imports nothing.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "./harness.js";

const entry = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

export function startup(runs = 30): { emptyMs: number; importMs: number } {
  const empty: number[] = [];
  const loaded: number[] = [];
  const time = (code: string) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
      stdio: "ignore",
    });
    if (result.status !== 0) throw new Error(`node exited with ${result.status} for: ${code}`);
    return performance.now() - started;
  };
  for (let i = 0; i < runs + 2; i++) {
    const e = time("");
    const l = time(`await import(${JSON.stringify(entry)});`);
    if (i >= 2) {
      empty.push(e);
      loaded.push(l);
    }
  }
  return { emptyMs: median(empty), importMs: median(loaded) };
}
