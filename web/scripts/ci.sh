#!/usr/bin/env bash
# CI step of the web front end (called by .ci/run): the build is
# reproducible and committed, the unit tests pass, and the browser tests
# pass in Debian's chromium against a real `lotse serve --demo`.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if ! command -v chromium >/dev/null 2>&1; then
  echo "-- installing chromium (Debian package)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

npm ci --prefix web --no-audit --no-fund --loglevel=error
npm --prefix web run build
if [ -n "$(git status --porcelain -- web/dist)" ]; then
  echo "web/dist differs from the committed build; run: npm --prefix web ci && npm --prefix web run build"
  git status --short -- web/dist | head -20
  exit 1
fi
npm --prefix web test
timeout 900 npm --prefix web run browser-test
