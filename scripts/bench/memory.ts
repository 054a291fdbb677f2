// 5. Memory: heap after 1,000 and after 50,000 calls of one write on the loopback server, for the
// client and for raw fetch as the baseline, each in its own child process started with --expose-gc.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface MemoryResult {
  operation: string;
  after1kMiB: number;
  after50kMiB: number;
}

export function memory(variant: "raw fetch" | "client"): Promise<MemoryResult> {
  const child = fork(fileURLToPath(new URL("memory-child.ts", import.meta.url)), [variant], {
    execArgv: ["--import", "tsx", "--expose-gc"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (m) => resolve(m as MemoryResult));
    child.once(
      "exit",
      (code) => code !== 0 && reject(new Error(`memory benchmark exited with ${code}`)),
    );
  });
}
