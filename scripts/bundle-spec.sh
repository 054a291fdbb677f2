#!/usr/bin/env bash
# Bundles the multi-file spec into DIR/openapi.yaml and DIR/openapi.json (one file each, for tools
# that do not follow $refs across files). Used by docs.sh (build/) and build.sh (dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off
out=${1:?usage: scripts/bundle-spec.sh DIR}
mkdir -p "$out"
echo "bundling the spec into $out/openapi.yaml and $out/openapi.json"
for ext in yaml json; do
  # The shared 400/403/404/422 are written into each operation with its own examples
  # (openapi/plugins/hsrcpay.mjs): their components are left unused, and left out.
  npx --no-install redocly bundle openapi/openapi.yaml --remove-unused-components --ext "$ext" \
    -o "$out/openapi.$ext" 2>/dev/null
done
