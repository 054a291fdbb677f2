#!/usr/bin/env bash
# Runs the unit, adversarial and contract suites on each Node version in NODE_VERSIONS (default:
# 20 22 24 26, every line in `engines`).
# Versions other than the machine's own come from the npm registry's `node` package (npx node@N),
# so one machine runs the whole matrix. With HSRCPAY_MATRIX_REPORTS=DIR, each run writes its
# vitest JSON report to DIR/nodeN.json (CI sums them).
set -euo pipefail
cd "$(dirname "$0")/.."
versions=${NODE_VERSIONS:-20 22 24 26}
local_major=$(node -p 'process.versions.node.split(".")[0]')
failed=()
for version in $versions; do
  if [[ "$version" == "$local_major" ]]; then runner=(node); else runner=(npx -y "node@$version"); fi
  echo "== Node $version: $("${runner[@]}" --version)"
  report=""
  [[ -n "${HSRCPAY_MATRIX_REPORTS:-}" ]] && report="$HSRCPAY_MATRIX_REPORTS/node$version.json"
  if ! HSRCPAY_VITEST_REPORT="$report" "${runner[@]}" node_modules/vitest/vitest.mjs run --project unit --project adversarial --project contract; then
    failed+=("$version")
  fi
done
if (( ${#failed[@]} )); then
  echo "failed on Node ${failed[*]}"
  exit 1
fi
echo "passed on Node $versions"
