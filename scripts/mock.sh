#!/usr/bin/env bash
# Serves the spec with Prism on 127.0.0.1:${PORT:-4010}. Prism validates every request against the
# spec and reports problems in the sl-violations response header; --errors turns a response that
# breaks its own schema into a 500.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-4010}
# Prism serves the bundle, where each operation's error examples are written (openapi/plugins/).
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bash scripts/bundle-spec.sh "$dir" >/dev/null
echo "Prism mock of openapi/openapi.yaml (bundled) on http://127.0.0.1:$port (Ctrl-C stops it)"
node node_modules/@stoplight/prism-cli/dist/index.js mock --errors -h 127.0.0.1 -p "$port" "$dir/openapi.yaml"
