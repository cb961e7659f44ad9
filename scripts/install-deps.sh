#!/usr/bin/env bash
# Installs node_modules when they are missing or older than package-lock.json (npm start, npm test and
# npm run bench all begin here). Install scripts are not needed and npm 11 blocks them by default, so
# they are skipped explicitly for the same result everywhere.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { echo "install-deps: $*" >&2; }

needs_install() {
  [[ -d node_modules ]] || return 0
  local marker=node_modules/.package-lock.json   # rewritten by every npm install
  [[ -f "$marker" ]] || marker=node_modules
  if [[ -f package-lock.json ]]; then
    [[ package-lock.json -nt "$marker" ]]
  else
    [[ package.json -nt "$marker" ]]
  fi
}

needs_install || exit 0
if [[ -f package-lock.json ]]; then
  say "installing dependencies (npm ci)"
  if ! npm ci --ignore-scripts --no-audit --no-fund </dev/null; then
    # npm ci refuses a lockfile that lacks other platforms' optional packages (npm/cli#4828); install
    # anyway, without rewriting package-lock.json.
    say "npm ci failed; falling back to npm install --no-save"
    npm install --no-save --ignore-scripts --no-audit --no-fund </dev/null
  fi
else
  say "installing dependencies (npm install; no package-lock.json)"
  npm install --ignore-scripts --no-audit --no-fund </dev/null
fi
