#!/usr/bin/env bash
# Generates generated/schema.ts from the spec; with --check, fails when the committed file is stale.
# openapi-typescript bundles the multi-file spec and lints it with ./redocly.yaml first.
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off
spec=openapi/openapi.yaml
out=${HSRCPAY_GENERATED_OUT:-generated/schema.ts}
if [[ "${1:-}" == "--check" ]]; then
  echo "checking $out is what $spec generates"
  npx --no-install openapi-typescript "$spec" -o "$out" --check
else
  echo "generating $out from $spec"
  npx --no-install openapi-typescript "$spec" -o "$out"
fi
