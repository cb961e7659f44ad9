#!/usr/bin/env bash
# Installs node_modules when they are missing or older than package-lock.json (npm start, npm test and
# npm run bench all begin here). Install scripts are not needed and npm 11 blocks them by default, so
# they are skipped explicitly for the same result everywhere.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { echo "install-deps: $*" >&2; }

needs_install() {
  [[ -d node_modules ]] || return 0
  # Rewritten by every npm install; missing, the tree is empty or half-removed (an interrupted install).
  local marker=node_modules/.package-lock.json
  [[ -f "$marker" ]] || return 0
  if [[ -f package-lock.json ]]; then
    [[ package-lock.json -nt "$marker" ]]
  else
    [[ package.json -nt "$marker" ]]
  fi
}

needs_install || exit 0
if [[ ! -f package-lock.json ]]; then
  say "package-lock.json is missing: the tested versions are unknown; run npm install and commit the lockfile"
  exit 1
fi
say "installing dependencies (npm ci)"
# No fallback to npm install: a lockfile that npm ci refuses would let a fresh machine resolve versions
# nobody tested. The usual cause is npm/cli#4828 (an `npm install` over an existing node_modules drops
# other platforms' optional packages, such as @swc/core-darwin-arm64, from the lockfile); the fix is
# `npm install --package-lock-only`, which adds them back without changing any resolved version.
if ! npm ci --ignore-scripts --no-audit --no-fund </dev/null; then
  say "npm ci refused package-lock.json (see above): it is out of date with package.json or lacks other"
  say "platforms' optional packages; run 'npm install --package-lock-only' and commit package-lock.json"
  exit 1
fi
