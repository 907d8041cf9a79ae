#!/usr/bin/env bash
# Builds the chat page, the packages it needs and demo-nest, then serves the demo from
# demo-nest on 127.0.0.1 (PORT, default 3001). Without PORTKEY_API_KEY the app answers from
# the emulator it starts in-process; with it (and PORTKEY_PROVIDER or PORTKEY_CONFIG) it talks
# to Portkey.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/demo-port.sh
source scripts/demo-port.sh
check_demo_port "${PORT:-3001}" "pnpm demo:nest"

pnpm exec turbo run build --filter=demo-web... --filter=demo-nest... --output-logs=errors-only

echo "Starting demo-nest: open http://127.0.0.1:${PORT:-3001} (Ctrl+C stops it)"
cd apps/demo-nest
exec pnpm start
