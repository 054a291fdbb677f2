// Prints CI's closing line, `N passed, N failed[, N skipped]`, over every step .ci/run ran.
// Each argument is one step, `EXIT_CODE:REPORT[,REPORT…]`, with vitest JSON reports. A step that
// failed without a failed test in its reports (spec lint, drift check, type check, an install)
// counts as one failure, so a red run never reads as green.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
for (const step of process.argv.slice(2)) {
  const [exitCode, reports = ""] = step.split(/:(.*)/s);
  let stepFailed = 0;
  for (const path of reports.split(",").filter(Boolean)) {
    if (!existsSync(path) || !readFileSync(path, "utf8").trim()) continue;
    const report = JSON.parse(readFileSync(path, "utf8"));
    passed += report.numPassedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    // A file that failed to load has no failed test in it but must still count.
    const brokenFiles = report.testResults.filter(
      (file) =>
        file.status === "failed" && !file.assertionResults.some((a) => a.status === "failed"),
    ).length;
    stepFailed += report.numFailedTests + brokenFiles;
  }
  if (exitCode !== "0" && stepFailed === 0) stepFailed = 1;
  failed += stepFailed;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
