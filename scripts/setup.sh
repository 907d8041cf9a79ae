#!/usr/bin/env bash
# Prepares a machine for chatwire: the pinned pnpm, the workspace's dependencies and, when
# they are missing, Debian's chromium (browser tests) and redis-server (the Redis turn store).
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_version=$(node -p "require('./package.json').devEngines.packageManager.version")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm -v)" != "$pnpm_version" ]; then
  npm install -g "pnpm@${pnpm_version}" >/dev/null
fi

if [ "${CHATWIRE_SKIP_BROWSER:-}" != "1" ] && [ -d apps/demo-web ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing: install it (Debian: apt-get install chromium) for the browser tests" >&2
  fi
fi

if ! command -v redis-server >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  else
    echo "redis-server is missing: install it (Debian: apt-get install redis-server) for @chatwire/redis's tests" >&2
  fi
fi

if [ "${CI:-}" = "true" ]; then
  pnpm install --frozen-lockfile
else
  pnpm install
fi
