// Runs npm scripts side by side (`node scripts/run-parallel.mjs lint typecheck …`) and prints each
// one's output as a block when it ends, so the blocks never interleave. Exits non-zero if any failed.
// `npm test` uses it for its static checks: each is a single-threaded tool waiting on files part of
// the time, so on two cores they finish sooner together than one after another.
import { spawn } from "node:child_process";

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error("usage: node scripts/run-parallel.mjs SCRIPT…");
  process.exit(2);
}

function runScript(name) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", name], { stdio: ["ignore", "pipe", "pipe"] });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("error", (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on("close", (code, signal) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const ok = code === 0;
      const status = ok ? "ok" : `failed (${signal ?? `exit ${code}`})`;
      process.stdout.write(`== ${name}: ${status} in ${seconds} s\n`);
      if (!ok || process.env.HSRCPAY_VERBOSE) process.stdout.write(Buffer.concat(output));
      resolve(ok);
    });
  });
}

const results = await Promise.all(names.map(runScript));
process.exit(results.every(Boolean) ? 0 : 1);
