// Bundles the multi-file spec into one dereferenced JSON document with Redocly CLI, the same tool
// the docs build uses, so tests validate against exactly what is published.
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "./repo-root.js";

const run = promisify(execFile);

export async function bundleDereferencedSpec(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hsrcpay-spec-"));
  const out = join(dir, "openapi.dereferenced.json");
  await run(
    process.execPath,
    [
      join(repoRoot, "node_modules/@redocly/cli/bin/cli.js"),
      "bundle",
      "openapi/openapi.yaml",
      "--dereferenced",
      "--ext",
      "json",
      "-o",
      out,
    ],
    { cwd: repoRoot, env: { ...process.env, REDOCLY_TELEMETRY: "off" } },
  );
  await readFile(out); // fail here, not in a test, when the bundle was not written
  return out;
}
