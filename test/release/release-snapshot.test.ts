// `npm run release:snapshot` records a release's spec (the baseline of check:breaking) and, with
// --check, is how the release workflow refuses a tag whose spec was not recorded or has changed
// since. recordRelease() runs on a scratch repository with a given spec file.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordRelease } from "../../scripts/breaking/released.js";

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "hsrcpay-snapshot-"));
  await writeFile(join(scratch, "package.json"), JSON.stringify({ version: "9.1.0" }));
  await writeFile(join(scratch, "spec.json"), JSON.stringify({ openapi: "3.1.0", paths: {} }));
  await writeFile(
    join(scratch, "changed.json"),
    JSON.stringify({ openapi: "3.1.0", paths: { "/x": {} } }),
  );
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function snapshot(spec: string, check = false) {
  const { ok, lines } = await recordRelease(scratch, { specFile: join(scratch, spec), check });
  return { ok, output: lines.join("\n") };
}

describe("npm run release:snapshot", () => {
  it("refuses a release whose spec is not recorded, records it, then accepts it", async () => {
    const missing = await snapshot("spec.json", true);
    expect(missing.output).toContain("9.1.0.json is missing");
    expect(missing.ok).toBe(false);

    expect((await snapshot("spec.json")).ok).toBe(true);
    const recorded = await readFile(join(scratch, "openapi/released/9.1.0.json"), "utf8");
    expect(JSON.parse(recorded)).toEqual({ openapi: "3.1.0", paths: {} });

    expect((await snapshot("spec.json", true)).ok).toBe(true);
  });

  // After the test above, which recorded 9.1.0.
  it("refuses a spec changed after it was recorded, and never rewrites a released one", async () => {
    const changed = await snapshot("changed.json", true);
    expect(changed.output).toContain("is not the spec being released");
    expect(changed.ok).toBe(false);

    const rewrite = await snapshot("changed.json");
    expect(rewrite.output).toContain("9.1.0 was released");
    expect(rewrite.ok).toBe(false);
  });
});
