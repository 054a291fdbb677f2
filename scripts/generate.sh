#!/usr/bin/env bash
# Generates generated/schema.ts (the types), generated/operations.ts (call kinds, param checks and
# secret names) and generated/responses.ts (the in-process mock's answers, and the client's method
# names read from src/resources/) from the spec; with --check, fails when a committed file is stale.
# openapi-typescript runs through its Node API (scripts/generate-types.ts) for the transforms that
# make the types as exact as the spec: enums and objects closed, `oneOf` exclusive. The spec itself
# is linted by `npm run lint:spec`.
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off
spec=openapi/openapi.yaml
out=${HSRCPAY_GENERATED_OUT:-generated/schema.ts}
operations=${HSRCPAY_OPERATIONS_OUT:-generated/operations.ts}
responses=${HSRCPAY_RESPONSES_OUT:-generated/responses.ts}
# The types come from the bundled spec, as every other tool reads it: openapi/plugins/hsrcpay.mjs
# adds what each operation shares (its error responses) at bundle time, which openapi-typescript's
# own bundling of the split files would leave out.
bundled=$(mktemp -d)
trap 'rm -rf "$bundled"' EXIT
node node_modules/@redocly/cli/bin/cli.js bundle "$spec" --ext json -o "$bundled/openapi.json" >/dev/null 2>&1 ||
  node node_modules/@redocly/cli/bin/cli.js lint "$spec"
if [[ "${1:-}" == "--check" ]]; then
  echo "checking $out and $operations are what $spec generates"
  node --import tsx scripts/generate-types.ts "$bundled/openapi.json" "$out" --check
  node --import tsx scripts/generate-operations.ts "$spec" "$operations" "$responses" --check
else
  echo "generating $out and $operations from $spec"
  node --import tsx scripts/generate-types.ts "$bundled/openapi.json" "$out"
  node --import tsx scripts/generate-operations.ts "$spec" "$operations" "$responses"
fi
