#!/usr/bin/env bash
# Builds the published artefacts under build/ (git-ignored):
#   build/openapi.yaml, build/openapi.json  the spec bundled into one file
#   build/docs/index.html                   the API reference, Redoc inlined, no CDN at view time,
#                                           every operation open on arrival; its right panel offers
#                                           each operation's TypeScript and curl samples (redocly.yaml)
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off # also keeps reader telemetry out of the built page
out=${HSRCPAY_BUILD_DIR:-build}
mkdir -p "$out/docs"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
quiet() { "$@" 2> >(grep -v -E '[║╔╚]' >&2); }
bash scripts/bundle-spec.sh "$out"
node scripts/docs-samples.mjs "$out/openapi.json" "$work/reference.json"
echo "building the API reference into $out/docs/index.html"
quiet npx --no-install redocly build-docs "$work/reference.json" --inlineBundle -o "$out/docs/index.html"
node scripts/offline-docs.mjs "$out/docs/index.html"
