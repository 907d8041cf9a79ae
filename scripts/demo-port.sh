#!/usr/bin/env bash
# Sourced by the demo scripts: stops early, before the build, when the port the demo wants is
# taken, and says which variable picks another one (instead of the server's stack trace later).
# Usage: check_demo_port <port> <command that starts the demo>
check_demo_port() {
  local port="$1" command="$2"
  if ! node -e '
    const server = require("node:net").createServer();
    server.once("error", () => process.exit(1));
    server.listen(Number(process.argv[1]), "127.0.0.1", () => server.close());
  ' "$port"; then
    echo "Port $port on 127.0.0.1 is already in use (is the demo already running?)." >&2
    echo "Set PORT to use another one, for example: PORT=$((port + 10)) $command" >&2
    exit 1
  fi
}
