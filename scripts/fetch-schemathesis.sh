#!/usr/bin/env bash
# Schemathesis (the property-based API tester that reads the OpenAPI document), pinned, for
# test/integration/api-schemathesis.test.ts. Installed from PyPI with pip into .data/schemathesis/ (git-ignored):
#   1. a virtual environment, .data/schemathesis/venv (python3 -m venv);
#   2. where python3 has no venv module (Debian without python3-venv): as root with apt-get, Debian's
#      python3-venv is installed and 1. is tried again; otherwise `pip install --target` into
#      .data/schemathesis/site, run through a wrapper that puts it on PYTHONPATH.
# Either way the command is .data/schemathesis/bin/schemathesis.
#
# Usage: fetch-schemathesis.sh   Prints nothing when the pinned version is already there; progress goes to
# stderr. An interrupted install is started over on the next run (the stamp file is written last).
# Needs: python3 >= 3.11 (schemathesis 4 requires it) with venv or pip.
set -euo pipefail

VERSION="4.32.5"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/.data/schemathesis"
VENV="$DEST/venv"
SITE="$DEST/site"
BIN="$DEST/bin/schemathesis"
STAMP="$DEST/installed"          # holds "<version> <how>" once the install is complete
PYTHON="${PYTHON:-python3}"

log() { echo "fetch-schemathesis: $*" >&2; }
die() { log "error: $*"; exit 1; }

# installed: the pinned version is there and its Python still imports it (a removed base interpreter
# breaks a venv; this catches that too).
installed() {
  [[ -f "$STAMP" && -x "$BIN" ]] || return 1
  local stamp how
  read -r stamp how <"$STAMP" || return 1
  [[ "$stamp" == "$VERSION" ]] || return 1
  case "$how" in
    venv) "$VENV/bin/python" -c 'import importlib.metadata as m, sys; sys.exit(m.version("schemathesis") != sys.argv[1])' "$VERSION" 2>/dev/null ;;
    site) PYTHONPATH="$SITE" "$PYTHON" -c 'import importlib.metadata as m, sys; sys.exit(m.version("schemathesis") != sys.argv[1])' "$VERSION" 2>/dev/null ;;
    *) return 1 ;;
  esac
}

installed && exit 0

command -v "$PYTHON" >/dev/null 2>&1 || die "no $PYTHON: install Python 3.11 or later (Debian: apt-get install python3 python3-venv)"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || die "$("$PYTHON" --version 2>&1) is too old: schemathesis $VERSION needs Python 3.11 or later"

rm -rf -- "$VENV" "$SITE" "$DEST/bin" "$STAMP"
mkdir -p "$DEST/bin"

PIP_FLAGS=(--quiet --disable-pip-version-check --no-input)

# venv_works: python3 -m venv makes an environment with pip in it (Debian splits ensurepip off into python3-venv).
venv_works() {
  rm -rf -- "$VENV"
  "$PYTHON" -m venv "$VENV" >/dev/null 2>&1 && [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" -m pip --version >/dev/null 2>&1
}

if ! venv_works && [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  log "python3 has no working venv module: installing Debian's python3-venv"
  { DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv; } </dev/null >&2 \
    || log "apt-get install python3-venv failed (see above)"
  venv_works || true
fi

if [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
  log "installing schemathesis $VERSION into $VENV"
  "$VENV/bin/python" -m pip install "${PIP_FLAGS[@]}" "schemathesis==$VERSION" >&2 || die "pip install schemathesis==$VERSION failed (see above; pip must reach PyPI)"
  ln -sfn ../venv/bin/schemathesis "$BIN"
  how=venv
else
  rm -rf -- "$VENV"
  "$PYTHON" -m pip --version >/dev/null 2>&1 || die "$PYTHON has neither a working venv module nor pip (Debian: apt-get install python3-venv)"
  log "no venv: installing schemathesis $VERSION into $SITE (pip install --target)"
  PIP_ROOT_USER_ACTION=ignore "$PYTHON" -m pip install "${PIP_FLAGS[@]}" --target "$SITE" "schemathesis==$VERSION" >&2 || die "pip install schemathesis==$VERSION failed (see above; pip must reach PyPI)"
  PY_ABS="$(command -v "$PYTHON")"
  cat >"$BIN" <<EOF
#!/bin/sh
# Written by scripts/fetch-schemathesis.sh: schemathesis $VERSION from $SITE.
PYTHONPATH="$SITE\${PYTHONPATH:+:\$PYTHONPATH}" exec "$PY_ABS" -m schemathesis.cli "\$@"
EOF
  chmod 0755 "$BIN"
  how=site
fi

"$BIN" --version >/dev/null || die "the installed schemathesis does not run"
echo "$VERSION $how" >"$STAMP"
log "schemathesis $VERSION ready: $BIN"
