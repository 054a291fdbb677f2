// A size budget, not a timing: bytes are the same on every machine. The budget is only honest if
// the bundle it measures carries openapi-fetch, so the bundle is also built with esbuild's metafile,
// which says how many of its bytes came from each input.
import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";
import { operations } from "../../generated/operations.js";
import {
  clientBundleSize,
  gzipBudget,
  gzipBudgetBytes,
  openapiFetchBundleSize,
} from "../../scripts/bundle-size.js";
import { repoRoot } from "../helpers/repo-root.js";

/** The ESM entry built as scripts/bundle-size.ts builds it, with the metafile. */
async function bundleWithMetafile(root: string): Promise<{ bytes: number; metafile: Metafile }> {
  const result = await build({
    entryPoints: [`${root}/src/index.ts`],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    metafile: true,
  });
  return { bytes: result.outputFiles[0]?.contents.length ?? 0, metafile: result.metafile };
}

/** Bytes of the output that came from files of `packageName` (node_modules may be a symlink). */
function bytesFrom(metafile: Metafile, packageName: string): number {
  let total = 0;
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (input.includes(`node_modules/${packageName}/`)) total += bytesInOutput;
    }
  }
  return total;
}

const operationCount = Object.keys(operations).length;
const budget = gzipBudgetBytes(operationCount);

describe("the ESM bundle", () => {
  it(`stays within ${gzipBudget.baseBytes} + ${gzipBudget.perOperationBytes} per operation (${operationCount}: ${budget}) bytes gzipped`, async () => {
    const client = await clientBundleSize(repoRoot);
    expect(client.gzipped).toBeLessThanOrEqual(budget);
  });

  it("carries openapi-fetch in the bytes the budget counts", async () => {
    const [client, inspected, openapiFetch] = await Promise.all([
      clientBundleSize(repoRoot),
      bundleWithMetafile(repoRoot),
      openapiFetchBundleSize(repoRoot),
    ]);
    expect(inspected.bytes, "the budgeted bundle is the one whose inputs are read").toBe(
      client.minified,
    );
    // `raw` is openapi-fetch's client: most of that package ends up in the bundle, not a stub.
    expect(bytesFrom(inspected.metafile, "openapi-fetch")).toBeGreaterThan(
      openapiFetch.minified / 2,
    );
  });
});
