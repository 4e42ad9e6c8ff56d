#!/usr/bin/env bash
# Runs a command against a fresh Neo4j from run.sh, then stops the server:
#
#   tools/neo4j/with-neo4j.sh go test -count=1 ./internal/store/neo4j/
#
# Starts the server on a free port with a temporary database, waits for its
# READY line, exports LOTSE_TEST_NEO4J_URI (plus _USER/_PASSWORD when
# LOTSE_NEO4J_AUTH=1) and LOTSE_TEST_NEO4J_LAUNCHER (this directory's run.sh,
# for tests that start their own server), runs the command and stops Neo4j
# with SIGTERM whatever the command's outcome.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/run.sh" --build-only

log=$(mktemp -t lotse-neo4j-log.XXXXXX)
args=(--port 0)
if [ "${LOTSE_NEO4J_AUTH:-0}" = 1 ]; then
  export NEO4J_PASSWORD="${NEO4J_PASSWORD:-lotse-test-$RANDOM$RANDOM}"
  args+=(--auth)
fi
"$here/run.sh" "${args[@]}" >"$log" 2>&1 &
pid=$!
stop() {
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  rm -f "$log"
}
trap stop EXIT

for _ in $(seq 1 240); do
  if grep -q '^READY ' "$log"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "lotse-neo4j: server exited before READY:" >&2; cat "$log" >&2; exit 1
  fi
  sleep 0.5
done
ready=$(grep -m1 '^READY ' "$log" || true)
if [ -z "$ready" ]; then
  echo "lotse-neo4j: no READY line within 120 s:" >&2; cat "$log" >&2; exit 1
fi
echo "lotse-neo4j: $ready" >&2
LOTSE_TEST_NEO4J_URI=$(echo "$ready" | awk '{print $2}')
export LOTSE_TEST_NEO4J_URI
export LOTSE_TEST_NEO4J_LAUNCHER="$here/run.sh"
if [ "${LOTSE_NEO4J_AUTH:-0}" = 1 ]; then
  export LOTSE_TEST_NEO4J_USER=neo4j LOTSE_TEST_NEO4J_PASSWORD="$NEO4J_PASSWORD"
fi
"$@"
