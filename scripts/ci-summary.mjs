// Prints CI's closing line, `N passed, N failed`, from vitest's JSON report. When a gate before
// vitest failed (spec lint, drift check, type check, code lint) there is no report: that counts
// as one failure, so a red run never reads as green.
import { existsSync, readFileSync } from "node:fs";

const [reportPath, exitCode = "0"] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
if (reportPath && existsSync(reportPath) && readFileSync(reportPath, "utf8").trim()) {
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  skipped = report.numPendingTests + report.numTodoTests;
  // A suite that failed to load has no failed test in it but must still count.
  failed += report.testResults.filter(
    (f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"),
  ).length;
}
if (exitCode !== "0" && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
