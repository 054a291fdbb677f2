#!/usr/bin/env bash
# Lints the spec with ./redocly.yaml (recommended-strict plus the project's rules: all errors).
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off
echo "linting openapi/openapi.yaml"
npx --no-install redocly lint openapi/openapi.yaml --format=stylish 2> >(grep -v -E '[║╔╚]' >&2)
