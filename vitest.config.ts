import { defineConfig } from "vitest/config";

// CI reads the JSON report to print its `N passed, N failed` line (see .ci/run).
const reportFile = process.env.HSRCPAY_VITEST_REPORT;

export default defineConfig({
  // examples/ import the package by name, as a user would (tsconfig.json maps it for tsc and tsx).
  resolve: {
    alias: [
      {
        find: "@hsrcpay/client/testing",
        replacement: `${import.meta.dirname}/src/testing/index.ts`,
      },
      { find: /^@hsrcpay\/client$/, replacement: `${import.meta.dirname}/src/index.ts` },
    ],
  },
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: reportFile ? ["default", "json"] : ["default"],
    ...(reportFile ? { outputFile: { json: reportFile } } : {}),
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "test/unit/**/*.test.ts",
            "test/spec/**/*.test.ts",
            "test/release/**/*.test.ts",
            // The README's "Testing your integration" example, run as a user's test file.
            "examples/**/*.test.ts",
          ],
          globalSetup: ["test/helpers/global-setup.ts"],
          // The type tests (test/types/*.test-d.ts) are compiled by `npm run typecheck` (tsc over
          // the whole project), where a failed expectTypeOf is a compile error; vitest's typecheck
          // would run tsc a second time, after every other test.
        },
      },
      {
        extends: true,
        test: {
          name: "contract",
          include: ["test/contract/**/*.test.ts"],
          // Bundles the spec, then starts Prism on a free port for the whole contract suite.
          globalSetup: ["test/helpers/global-setup.ts", "test/contract/prism-setup.ts"],
          setupFiles: ["test/contract/no-violations.ts"],
        },
      },
      {
        extends: true,
        // Malicious servers on 127.0.0.1 (redirects, huge and compressed bodies, echoed secrets,
        // hostile JSON). Memory is measured as each child process's own peak RSS, which other test
        // files running beside it cannot change, so these files run in parallel with the rest.
        test: {
          name: "adversarial",
          include: ["test/adversarial/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        // Headless Chromium: `npm run test:browser`, not part of `npm test`.
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
