#!/usr/bin/env bash
# Validates every GitHub workflow file against GitHub's workflow schema with action-validator
# (misspelt keys, wrong types, unknown permission scopes). DIR defaults to .github/workflows.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-.github/workflows}
shopt -s nullglob
files=("$dir"/*.yml "$dir"/*.yaml)
if ((${#files[@]} == 0)); then
  echo "no workflow files in $dir" >&2
  exit 1
fi
for file in "${files[@]}"; do
  echo "validating $file"
  node node_modules/@action-validator/cli/cli.mjs "$file"
done
