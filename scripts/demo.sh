#!/usr/bin/env bash
# Builds the chat page and the packages it needs, then serves the demo from demo-express on
# 127.0.0.1 (PORT, default 3000). Without PORTKEY_API_KEY the app answers from the emulator it
# starts in-process; with it (and PORTKEY_PROVIDER or PORTKEY_CONFIG) it talks to Portkey.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/demo-port.sh
source scripts/demo-port.sh
check_demo_port "${PORT:-3000}" "pnpm demo"

pnpm exec turbo run build --filter=demo-web... --filter=demo-express... --output-logs=errors-only

echo "Starting demo-express: open http://127.0.0.1:${PORT:-3000} (Ctrl+C stops it)"
cd apps/demo-express
exec pnpm start
