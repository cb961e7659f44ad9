#!/usr/bin/env bash
# The time-bomb guard: runs clock-sensitive tests again with the clock moved (libfaketime, Debian's
# `faketime` package), so that a test that passes today and fails on a later day fails today instead.
#
# Sourced (scripts/test.sh):
#     source scripts/moved-clock.sh
#     faketime_ensure || echo "no faketime"
#     moved_clock_run NAME TZ FAKETIME_SPEC JSON_OUT [jest args...]
#
# Only the Node processes move. The Temporal dev server is a Go program, which reads the clock through
# the vDSO and not through libc, so libfaketime cannot move it; PostgreSQL is started before, on the
# real clock. Tests that compare times written by the workflow (Temporal's clock) or by PostgreSQL's
# now() with the API's clock are therefore left out of the moved runs (test/moved-clock/jest.config.js).
# Works under `set -e` and without it: every function returns a status.

_moved_clock_log() { echo "moved-clock: $*" >&2; }

# faketime_ensure: finds faketime, installing Debian's package first when it is missing and we may.
faketime_ensure() {
  command -v faketime >/dev/null 2>&1 && return 0
  if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    _moved_clock_log "no faketime, and cannot install it (not root, or no apt-get): install Debian's faketime package"
    return 1
  fi
  _moved_clock_log "installing faketime with apt-get (for the moved-clock test runs)"
  { DEBIAN_FRONTEND=noninteractive apt-get install -y -q faketime \
    || { DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q faketime; }; } </dev/null >&2 \
    || return 1
  command -v faketime >/dev/null 2>&1
}

# moved_clock_run NAME TZ SPEC JSON [jest args...]: Jest under `faketime -f SPEC` in time zone TZ, with the
# moved-clock configuration; results in JSON. Returns Jest's exit code.
moved_clock_run() {
  local name="$1" tz="$2" spec="$3" json="$4"
  shift 4
  _moved_clock_log "$name: TZ=$tz faketime -f '$spec'"
  TZ="$tz" NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}" \
    faketime -f "$spec" npx --no-install jest -c test/moved-clock/jest.config.js --json --outputFile="$json" "$@"
}
