#!/usr/bin/env bash
# Chromium for the browser tests (test/browser/): Debian's `chromium` package, driven by playwright-core,
# which downloads no browser of its own.
#
# Sourced (scripts/test.sh):
#     source scripts/install-chromium.sh
#     chromium_ensure || echo "no Chromium"   # exports CHROMIUM_PATH when one is found
#
# Or run directly: `bash scripts/install-chromium.sh` prints the executable's path.
#
# Where it looks: $CHROMIUM_PATH, then chromium / chromium-browser on PATH, then /usr/lib/chromium/chromium.
# When none is there and we are root with apt-get, Debian's package is installed; otherwise it says so and
# returns 1 (the browser tests then fail under CI=true, and are skipped with the reason otherwise).
# Works under `set -e` and without it: every function returns a status.

_chromium_log() { echo "install-chromium: $*" >&2; }

# chromium_find: sets and exports CHROMIUM_PATH to an executable Chromium.
chromium_find() {
  local candidate
  if [[ -n "${CHROMIUM_PATH:-}" ]]; then
    if [[ -x "$CHROMIUM_PATH" ]]; then
      export CHROMIUM_PATH
      return 0
    fi
    _chromium_log "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable; looking elsewhere"
  fi
  for candidate in chromium chromium-browser; do
    if candidate="$(command -v "$candidate" 2>/dev/null)" && [[ -n "$candidate" ]]; then
      export CHROMIUM_PATH="$candidate"
      return 0
    fi
  done
  if [[ -x /usr/lib/chromium/chromium ]]; then
    export CHROMIUM_PATH=/usr/lib/chromium/chromium
    return 0
  fi
  return 1
}

# chromium_install: installs Debian's chromium package (root with apt-get only). Services are kept from
# starting while it installs (its dependencies include daemons such as dbus).
chromium_install() {
  if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    _chromium_log "cannot install Chromium: not root, or no apt-get (install it, e.g. 'apt-get install chromium', or set CHROMIUM_PATH)"
    return 1
  fi
  local policy=/usr/sbin/policy-rc.d added_policy=0 status=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 0755 "$policy" && added_policy=1
  fi
  _chromium_log "installing Chromium with apt-get (for the browser tests)"
  { DEBIAN_FRONTEND=noninteractive apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } </dev/null >&2 || status=$?
  if [[ "$added_policy" -eq 1 ]]; then rm -f "$policy"; fi
  return "$status"
}

# chromium_ensure: finds Chromium, installing it first when it is missing and we may.
chromium_ensure() {
  chromium_find && return 0
  chromium_install || { _chromium_log "apt-get install chromium failed"; return 1; }
  chromium_find || { _chromium_log "Chromium still not found after installing"; return 1; }
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -uo pipefail
  chromium_ensure </dev/null || exit 1
  echo "$CHROMIUM_PATH"
fi
