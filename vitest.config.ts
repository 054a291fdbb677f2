import { defineConfig } from "vitest/config";

// CI reads the JSON report to print its `N passed, N failed` line (see .ci/run).
const reportFile = process.env.HSRCPAY_VITEST_REPORT;

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "tsconfig.json" },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: reportFile ? ["default", "json"] : ["default"],
    ...(reportFile ? { outputFile: { json: reportFile } } : {}),
  },
});
