#!/usr/bin/env bash
# Packs every published (not private) package into an installable tarball, as `pnpm publish` would ship it:
# built, with its LICENSE and README, and with `workspace:` ranges replaced by versions.
# Usage: bash scripts/pack.sh [destination folder, default ./packed]
set -euo pipefail
cd "$(dirname "$0")/.."

destination=$(realpath -m "${1:-packed}")
mkdir -p "$destination"
pnpm exec turbo run build --filter='./packages/*' --output-logs=errors-only >&2
for package in packages/*/; do
  # Private workspace packages (test suites shared between packages) are never published.
  if node -e 'process.exit(require(process.argv[1]).private === true ? 0 : 1)' "$(realpath "$package/package.json")"; then
    continue
  fi
  (cd "$package" && pnpm pack --pack-destination "$destination" >/dev/null)
done
ls -1 "$destination"/*.tgz
