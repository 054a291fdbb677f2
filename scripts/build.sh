#!/usr/bin/env bash
# Builds the package into dist/: ESM, CJS, declarations (tsup), and the bundled spec.
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off
echo "building dist/ (ESM, CJS, declarations)"
npx --no-install tsup --silent
bash scripts/bundle-spec.sh dist
