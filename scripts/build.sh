#!/usr/bin/env bash
# Builds the package into dist/: ESM, CJS, declarations (tsup), and the bundled spec.
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off
echo "building dist/ (ESM, CJS, declarations)"
npx --no-install tsup --silent
echo "bundling the spec into dist/openapi.yaml and dist/openapi.json"
npx --no-install redocly bundle openapi/openapi.yaml -o dist/openapi.yaml 2>/dev/null
npx --no-install redocly bundle openapi/openapi.yaml --ext json -o dist/openapi.json 2>/dev/null
