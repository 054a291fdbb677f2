// `npm run check:generated` is the gate that keeps generated/ in step with openapi/. These tests
// run the real script in a scratch copy of the repository, so they can break the copy freely.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/repo-root.js";

const run = promisify(execFile);
let scratch: string;

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), "hsrcpay-drift-"));
  for (const entry of [
    "openapi",
    "examples",
    "generated",
    "scripts",
    // The mock's method names are read from the client's resources.
    "src",
    "redocly.yaml",
    // Its table of the mock's names is generated too.
    "README.md",
    "package.json",
  ]) {
    await cp(join(repoRoot, entry), join(scratch, entry), { recursive: true });
  }
  await symlink(join(repoRoot, "node_modules"), join(scratch, "node_modules"), "dir");
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function checkGenerated(): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run("bash", [join(scratch, "scripts/generate.sh"), "--check"]);
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  }
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const path = join(scratch, file);
  const text = await readFile(path, "utf8");
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  await writeFile(path, text.replace(from, to));
}

describe("check:generated", () => {
  it("passes on the committed spec and generated types", async () => {
    const result = await checkGenerated();
    expect(result.output).not.toContain("not up-to-date");
    expect(result.ok).toBe(true);
  });

  it("fails when a property type changes in the spec without regenerating", async () => {
    await edit(
      "openapi/components/schemas/ApiKey.yaml",
      "  managed:\n    type: boolean",
      // Widened rather than swapped, so the spec's examples stay valid and lint passes.
      '  managed:\n    type: [boolean, "null"]',
    );
    const result = await checkGenerated();
    expect(result.output).toContain("Generated types are not up-to-date");
    expect(result.ok).toBe(false);
  });

  it("fails when generated/schema.ts is edited by hand", async () => {
    await edit("generated/schema.ts", "managed: boolean;", "managed: boolean | string;");
    const result = await checkGenerated();
    expect(result.output).toContain("Generated types are not up-to-date");
    expect(result.ok).toBe(false);
  });
});
