#!/usr/bin/env bash
# Every check the project has: builds, types, package lint (publint, attw), the test suites one
# package at a time (their servers share two cores), the packed packages installed into fresh
# apps the way users install them, and the source lint. Each stage runs even when an earlier one
# failed, so one broken build does not hide the test results.
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
pnpm exec turbo run build typecheck check:pkg --continue || status=1
pnpm exec turbo run test --concurrency=1 --continue --filter='!packaging' || status=1
pnpm exec turbo run test --filter=packaging || status=1
pnpm lint || status=1
exit "$status"
