#!/usr/bin/env bash
# Generates generated/schema.ts from the spec; with --check, fails when the committed file is stale.
# openapi-typescript runs through its Node API (scripts/generate-types.ts) for one transform: open
# enums such as ApiKeyType keep their known values ("SECRET" | (string & {})). The spec itself is
# linted by `npm run lint:spec`.
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off
spec=openapi/openapi.yaml
out=${HSRCPAY_GENERATED_OUT:-generated/schema.ts}
if [[ "${1:-}" == "--check" ]]; then
  echo "checking $out is what $spec generates"
  node --import tsx scripts/generate-types.ts "$spec" "$out" --check
else
  echo "generating $out from $spec"
  node --import tsx scripts/generate-types.ts "$spec" "$out"
fi
