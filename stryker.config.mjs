// Mutation testing of src/ (`npm run test:mutation`). Stryker 10 needs Node >= 22, so the npm script
// runs it with `npx -y node@24` whatever the machine's node is.
//
// Incremental: results are kept in reports/stryker-incremental.json, which is committed, so a later
// run (CI included) re-tests only the mutants whose source or covering tests changed. After changing
// this file or the test setup, rebuild it with `npm run test:mutation -- --force` and commit it.
// Everything else Stryker writes (reports/mutation/, .stryker-tmp/, stryker.log) is git-ignored.

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  packageManager: "npm",
  mutate: ["src/**/*.ts"],
  testRunner: "vitest",
  vitest: { configFile: "scripts/stryker-vitest.config.mjs" },
  // That config keeps the unit and adversarial projects of vitest.config.ts: the contract project
  // needs Prism, the browser project Chromium. Vitest's related mode (on by default) then drops the
  // test files that never import src/ (bundle size, README snippets, generated/ drift): they could
  // not kill a mutant anyway.
  coverageAnalysis: "perTest",
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ["clear-text", "progress", "json"],
  clearTextReporter: { reportMutants: true, reportTests: false, logTests: false },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // Two cores.
  concurrency: 2,
  tempDirName: ".stryker-tmp",
  ignorePatterns: ["/dist", "/build", "/coverage", "/test-results", "/.vitest-*"],
};
