#!/usr/bin/env bash
# `npm run bench`: runs scripts/bench.ts on a fresh machine.
#
#   1. installs node_modules when missing or older than package-lock.json (as scripts/test.sh);
#   2. fetches the Temporal CLI (scripts/fetch-temporal.sh) and the drafting model (scripts/fetch-model.sh);
#   3. PostgreSQL: uses $DATABASE_URL when set (an admin-capable URL: the bench creates and drops its
#      own database there), else starts a throwaway cluster (scripts/pg-cluster.sh) removed on exit,
#      Ctrl-C and failure included;
#   4. runs the benchmark, which starts and stops its own Temporal dev server, SMTP server and worker.
#
# Sizes and limits come from the environment: BENCH_N, BENCH_CADENCES, BENCH_M, BENCH_WARMUP,
# BENCH_DB_POOL, BENCH_TIMEOUT, BENCH_DRAFTS (see scripts/bench.ts). The exit code is the benchmark's.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

# shellcheck source=scripts/pg-cluster.sh
source "$ROOT/scripts/pg-cluster.sh"

say() { echo "bench.sh: $*" >&2; }

BENCH_PID=""
cleanup() {
  if [[ -n "$BENCH_PID" ]] && kill -0 "$BENCH_PID" 2>/dev/null; then
    kill -TERM "$BENCH_PID" 2>/dev/null
    wait "$BENCH_PID" 2>/dev/null
  fi
  pg_cluster_stop
}
# On INT/TERM, let the benchmark clean up what it started (it stops on SIGTERM) before the
# cluster goes away; the EXIT trap then stops the cluster.
interrupted() {
  say "interrupted"
  exit "$1"
}
trap cleanup EXIT
trap 'interrupted 130' INT
trap 'interrupted 143' TERM

# 1. Dependencies.
bash "$ROOT/scripts/install-deps.sh" || { say "npm install failed"; exit 1; }

# 2. Temporal binaries (the bench needs only the CLI; the script provides both).
bash "$ROOT/scripts/fetch-temporal.sh" </dev/null || { say "could not provide the Temporal binaries (see above)"; exit 1; }
# The drafting model for part (d); without it that part is skipped, saying why.
bash "$ROOT/scripts/fetch-model.sh" </dev/null >/dev/null || say "could not fetch the drafting model; the drafting figures are skipped"

# 3. PostgreSQL.
if [[ -n "${DATABASE_URL:-}" ]]; then
  say "using PostgreSQL from DATABASE_URL"
else
  pg_cluster_start </dev/null || { say "could not start a throwaway PostgreSQL cluster (see above)"; exit 1; }
fi

# 4. The benchmark, in the background so that a signal to this script reaches the trap at once
# (the trap then stops the benchmark with SIGTERM and waits for its clean-up).
"$ROOT/node_modules/.bin/tsx" "$ROOT/scripts/bench.ts" </dev/null &
BENCH_PID=$!
wait "$BENCH_PID"
status=$?
BENCH_PID=""
exit "$status"
