#!/usr/bin/env bash
# Builds demo-next (the chat page and its API on Next.js) and the packages it needs, then
# serves it with `next start` on 127.0.0.1 (PORT, default 3002). Without PORTKEY_API_KEY the app
# answers from the emulator it starts in-process; with it (and PORTKEY_PROVIDER or
# PORTKEY_CONFIG) it talks to Portkey.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/demo-port.sh
source scripts/demo-port.sh
check_demo_port "${PORT:-3002}" "pnpm demo:next"

export NEXT_TELEMETRY_DISABLED=1
pnpm exec turbo run build --filter=demo-next... --output-logs=errors-only

echo "Starting demo-next: open http://127.0.0.1:${PORT:-3002} (Ctrl+C stops it)"
cd apps/demo-next
exec pnpm start -p "${PORT:-3002}"
