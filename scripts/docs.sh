#!/usr/bin/env bash
# Builds the published artefacts under build/ (git-ignored):
#   build/openapi.yaml, build/openapi.json  the spec bundled into one file
#   build/docs/index.html                   the API reference, Redoc inlined, no CDN at view time
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off # also keeps reader telemetry out of the built page
out=${HSRCPAY_BUILD_DIR:-build}
mkdir -p "$out/docs"
quiet() { "$@" 2> >(grep -v -E '[║╔╚]' >&2); }
bash scripts/bundle-spec.sh "$out"
echo "building the API reference into $out/docs/index.html"
quiet npx --no-install redocly build-docs "$out/openapi.yaml" --inlineBundle -o "$out/docs/index.html"
node scripts/offline-docs.mjs "$out/docs/index.html"
