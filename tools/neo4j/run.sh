#!/usr/bin/env bash
# Builds (once) and starts a real Neo4j Community server for Lotse's tests and trials.
#
#   tools/neo4j/run.sh [--port N] [--data DIR] [--auth] [--setting name=value]... [--check-config]
#   tools/neo4j/run.sh --build-only
#
# The first run downloads Neo4j's jars from Maven Central into the cache
# (LOTSE_NEO4J_CACHE, default ~/.cache/lotse-neo4j) and compiles Server.java;
# later runs start at once. Prints "READY bolt://127.0.0.1:PORT …" when Bolt
# accepts connections and stops cleanly on SIGTERM. Heap: LOTSE_NEO4J_HEAP (1g).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache_root="${LOTSE_NEO4J_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lotse-neo4j}"
# One build per content of the project: a changed pom or class builds anew.
key=$(cat "$here/pom.xml" "$here/src/main/java/lotse/neo4j/Server.java" | sha256sum | cut -c1-16)
build="$cache_root/$key"

if [ ! -f "$build/.done" ]; then
  # Several runs may start at once (parallel test runs, with-neo4j.sh): one
  # builds, the others wait for it instead of writing the same directory.
  mkdir -p "$cache_root"
  exec 9>"$cache_root/.build-$key.lock"
  if command -v flock >/dev/null; then flock 9; fi
  if [ ! -f "$build/.done" ]; then
    echo "lotse-neo4j: building into $build (first run downloads Neo4j from Maven Central)" >&2
    mkdir -p "$build"
    mvn -B -q -f "$here/pom.xml" -Dlotse.build="$build" package >&2
    touch "$build/.done"
  fi
  exec 9>&- # the server must not hold the lock
fi
if [ "${1:-}" = "--build-only" ]; then
  echo "lotse-neo4j: built in $build" >&2
  exit 0
fi

# Java 17 needs these opened for Neo4j's page cache, Bolt (Netty) and its memory tracking.
exec java -Xms256m -Xmx"${LOTSE_NEO4J_HEAP:-1g}" \
  -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel="${LOTSE_NEO4J_TIER:-4}" \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
  --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED \
  -Dio.netty.tryReflectionSetAccessible=true \
  -Djdk.attach.allowAttachSelf=true \
  -cp "$build/classes:$build/lib/*" lotse.neo4j.Server "$@"
