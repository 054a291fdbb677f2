// Size of the ESM entry as a browser app would ship it: bundled with its dependency (openapi-fetch)
// and minified by esbuild, raw and gzipped. Used by `npm run bench` and by the size-budget test.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BundleSize {
  minified: number;
  gzipped: number;
}

/**
 * The package's budget, checked in `npm test`: the ESM bundle, openapi-fetch included, gzipped.
 * 7,600 -> 9,500 for the hostile-network hardening (capped stream reads, redirect and status
 * checks, token under the call's controls, stricter input checks): about 2 KiB.
 * 9,500 -> 11,500 for list (with pagination), delete and regenerate over the one typed path
 * (light Request and Response stand-ins, shared param guards): about 1.6 KiB.
 * 11,500 -> 13,000 for logging and onRetry (levels, a line per attempt, retry and outcome,
 * their option checks): about 1.2 KiB.
 * 13,000 -> 13,050 for not racing the runtime's own fetch against the deadline (3% off a call).
 * 13,050 -> 14,300 for the hostile-server round (#19): secret fields masked wherever their values
 * appear (escaped JSON, bodies that do not parse, echoes in headers, iterative copies that deep
 * bodies cannot overflow), a walk that tracks the ids it yielded, path guards for `raw`, a logger
 * that cannot reject, and a forgiving HSRCPAY_LOG: about 1.2 KiB.
 */
export const gzipBudgetBytes = 14_300;

async function measure(options: Parameters<typeof build>[0]): Promise<BundleSize> {
  const result = await build({
    ...options,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
  });
  const code = result.outputFiles?.[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

export function clientBundleSize(root: string): Promise<BundleSize> {
  return measure({ entryPoints: [`${root}/src/index.ts`], absWorkingDir: root });
}

export function openapiFetchBundleSize(root: string): Promise<BundleSize> {
  return measure({
    stdin: { contents: 'export { default } from "openapi-fetch";', resolveDir: root },
    absWorkingDir: root,
  });
}
