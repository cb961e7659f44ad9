#!/usr/bin/env bash
# `npm run bench` and `npm run soak`: runs scripts/<name>.ts (bench or soak) on a fresh machine.
#
#   1. installs node_modules when missing or older than package-lock.json (as scripts/test.sh);
#   2. fetches the Temporal CLI (scripts/fetch-temporal.sh), and for the bench the drafting model
#      (scripts/fetch-model.sh; without it the drafting part is skipped, saying why);
#   3. PostgreSQL: uses $DATABASE_URL when set (an admin-capable URL: the run creates and drops its own
#      database there), else starts a throwaway cluster (scripts/pg-cluster.sh) removed on exit, Ctrl-C
#      and failure included;
#   4. runs the measurement, which starts and stops its own Temporal dev server, SMTP server and worker.
#
# Sizes and limits come from the environment: BENCH_* (see scripts/bench.ts), SOAK_* (see
# scripts/soak.ts). The exit code is the measurement's.
set -uo pipefail

NAME="${1:-}"
case "$NAME" in
  bench | soak) ;;
  *)
    echo "measure.sh: usage: measure.sh bench|soak (got '${NAME}')" >&2
    exit 2
    ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

# shellcheck source=scripts/pg-cluster.sh
source "$ROOT/scripts/pg-cluster.sh"

say() { echo "$NAME: $*" >&2; }

RUN_PID=""
cleanup() {
  if [[ -n "$RUN_PID" ]] && kill -0 "$RUN_PID" 2>/dev/null; then
    kill -TERM "$RUN_PID" 2>/dev/null
    wait "$RUN_PID" 2>/dev/null
  fi
  pg_cluster_stop
}
# On INT/TERM, let the measurement clean up what it started (it stops on SIGTERM) before the cluster
# goes away; the EXIT trap then stops the cluster.
interrupted() {
  say "interrupted"
  exit "$1"
}
trap cleanup EXIT
trap 'interrupted 130' INT
trap 'interrupted 143' TERM

# 1. Dependencies.
bash "$ROOT/scripts/install-deps.sh" || { say "npm install failed"; exit 1; }

# 2. The Temporal CLI (the dev server), and the drafting model for the bench's part (d).
bash "$ROOT/scripts/fetch-temporal.sh" </dev/null || { say "could not provide the Temporal binaries (see above)"; exit 1; }
if [[ "$NAME" == bench ]]; then
  bash "$ROOT/scripts/fetch-model.sh" </dev/null >/dev/null || say "could not fetch the drafting model; the drafting figures are skipped"
fi

# 3. PostgreSQL.
if [[ -n "${DATABASE_URL:-}" ]]; then
  say "using PostgreSQL from DATABASE_URL"
else
  pg_cluster_start </dev/null || { say "could not start a throwaway PostgreSQL cluster (see above)"; exit 1; }
fi

# The worker's young generation as `npm run worker` sets it (the bench and the soak host workers in this process).
export NODE_OPTIONS="--max-semi-space-size=64 ${NODE_OPTIONS:-}"

# 4. The measurement, in the background so that a signal to this script reaches the trap at once (the
# trap then stops it with SIGTERM and waits for its clean-up).
"$ROOT/node_modules/.bin/tsx" "$ROOT/scripts/$NAME.ts" </dev/null &
RUN_PID=$!
wait "$RUN_PID"
status=$?
RUN_PID=""
exit "$status"
