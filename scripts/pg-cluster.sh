#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: trust auth on 127.0.0.1, a free port,
# durability switched off for speed, everything in one temporary directory that is
# deleted when the cluster stops.
#
# Sourced (scripts/test.sh, .ci/run):
#     source scripts/pg-cluster.sh
#     trap pg_cluster_stop EXIT
#     pg_cluster_start            # exports DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres
#
# Or run directly, to wrap one command:
#     bash scripts/pg-cluster.sh -- sh -c 'psql "$DATABASE_URL" -c "select 1"'
#     bash scripts/pg-cluster.sh -- npm test
#
# Server binaries: pg_ctl on PATH, else the newest /usr/lib/postgresql/*/bin, else
# (as root with apt-get) Debian's `postgresql` package is installed. initdb refuses
# to run as root, so as root the cluster is owned and run by the `postgres` user.
# Works under `set -e` and without it: every function returns a status.

PG_CLUSTER_DIR=""      # temporary directory holding data/, the socket and the log
PG_CLUSTER_BINDIR=""   # directory with initdb, pg_ctl, postgres
PG_CLUSTER_PORT=""

_pg_log() { echo "pg-cluster: $*" >&2; }

_pg_is_root() { [[ "$(id -u)" -eq 0 ]]; }

# _pg_find_bindir: sets PG_CLUSTER_BINDIR to a directory holding initdb and pg_ctl.
_pg_find_bindir() {
  local ctl dir
  if ctl="$(command -v pg_ctl 2>/dev/null)" && [[ -n "$ctl" ]]; then
    dir="$(dirname "$(readlink -f "$ctl")")"
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      PG_CLUSTER_BINDIR="$dir"
      return 0
    fi
  fi
  dir="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
    PG_CLUSTER_BINDIR="$dir"
    return 0
  fi
  return 1
}

# pg_cluster_install: installs Debian's postgresql package (root with apt-get only).
# Services are kept from starting while it installs, so the package's own `main`
# cluster does not start on port 5432.
pg_cluster_install() {
  if ! _pg_is_root || ! command -v apt-get >/dev/null 2>&1; then
    _pg_log "cannot install PostgreSQL: not root, or no apt-get"
    return 1
  fi
  local policy=/usr/sbin/policy-rc.d added_policy=0 status=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 0755 "$policy" && added_policy=1
  fi
  _pg_log "installing PostgreSQL with apt-get"
  { DEBIAN_FRONTEND=noninteractive apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; } </dev/null >&2 || status=$?
  if [[ "$added_policy" -eq 1 ]]; then rm -f "$policy"; fi
  return "$status"
}

# _pg_as_owner CMD...: runs CMD as the cluster's owner (postgres when we are root),
# from inside the cluster directory so that postgres can read its cwd.
_pg_as_owner() {
  if _pg_is_root; then
    if command -v runuser >/dev/null 2>&1; then
      (cd "$PG_CLUSTER_DIR" && runuser -u postgres -- "$@")
    else
      (cd "$PG_CLUSTER_DIR" && su -s /bin/bash postgres -c "$(printf '%q ' "$@")")
    fi
  else
    (cd "$PG_CLUSTER_DIR" && "$@")
  fi
}

_pg_ensure_postgres_user() {
  id -u postgres >/dev/null 2>&1 && return 0
  _pg_log "creating system user postgres"
  if command -v useradd >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin postgres
  elif command -v adduser >/dev/null 2>&1; then
    adduser --system --group --no-create-home --home /nonexistent postgres
  else
    _pg_log "no useradd or adduser to create the postgres user"
    return 1
  fi
}

_pg_free_port() {
  if command -v node >/dev/null 2>&1; then
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
  else
    _pg_log "need node or python3 to pick a free port"
    return 1
  fi
}

# pg_cluster_start: starts the cluster and exports DATABASE_URL (and PG_CLUSTER_*).
pg_cluster_start() {
  if [[ -n "$PG_CLUSTER_DIR" ]]; then
    _pg_log "a cluster is already running in $PG_CLUSTER_DIR"
    return 1
  fi
  if ! _pg_find_bindir; then
    if _pg_is_root && command -v apt-get >/dev/null 2>&1; then
      pg_cluster_install || { _pg_log "apt-get install postgresql failed"; return 1; }
      _pg_find_bindir || { _pg_log "PostgreSQL server binaries still not found after installing"; return 1; }
    else
      _pg_log "PostgreSQL server binaries (initdb, pg_ctl) not found: install PostgreSQL" \
        "(e.g. 'apt-get install postgresql') or set DATABASE_URL to an admin-capable server URL"
      return 1
    fi
  fi

  local parent="${TMPDIR:-/tmp}"
  if _pg_is_root; then
    _pg_ensure_postgres_user || return 1
    parent=/tmp   # must be reachable by the postgres user
  fi
  PG_CLUSTER_DIR="$(mktemp -d "$parent/pgcluster.XXXXXX")" || { PG_CLUSTER_DIR=""; return 1; }
  if _pg_is_root; then
    chown postgres: "$PG_CLUSTER_DIR" || return 1
  fi
  local dir="$PG_CLUSTER_DIR" bin="$PG_CLUSTER_BINDIR"

  if ! _pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust \
      --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1; then
    _pg_log "initdb failed:"
    tail -n 20 "$dir/initdb.log" >&2
    return 1
  fi

  local attempt port
  for attempt in 1 2 3; do
    port="$(_pg_free_port)" || return 1
    if _pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null 2>&1; then
      PG_CLUSTER_PORT="$port"
      export PG_CLUSTER_DIR PG_CLUSTER_BINDIR PG_CLUSTER_PORT
      export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
      _pg_log "PostgreSQL $("$bin/postgres" -V | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
      return 0
    fi
    _pg_log "start on port $port failed (attempt $attempt); server log:"
    tail -n 10 "$dir/server.log" >&2 2>/dev/null || true
  done
  return 1
}

# pg_cluster_stop: stops the cluster and deletes its directory. Quiet, idempotent,
# safe to call from an EXIT trap at any point of pg_cluster_start.
pg_cluster_stop() {
  local dir="${PG_CLUSTER_DIR:-}" bin="${PG_CLUSTER_BINDIR:-}" pid
  [[ -n "$dir" ]] || return 0
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    if ! _pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -t 30 -w stop >/dev/null 2>&1 \
      && ! _pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -t 10 -w stop >/dev/null 2>&1; then
      pid="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
      if [[ "$pid" =~ ^[0-9]+$ ]]; then kill -KILL "$pid" 2>/dev/null || true; fi
    fi
  fi
  rm -rf -- "$dir"
  PG_CLUSTER_DIR=""
  PG_CLUSTER_PORT=""
  return 0
}

# Run directly: start a cluster, run the given command with DATABASE_URL set, stop.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -uo pipefail
  [[ "${1:-}" == "--" ]] && shift
  if [[ $# -eq 0 ]]; then
    echo "usage: $0 [--] COMMAND [ARGS...]   (runs COMMAND with DATABASE_URL set to a throwaway cluster)" >&2
    exit 2
  fi
  trap pg_cluster_stop EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  pg_cluster_start || exit 1
  "$@"
  exit $?
fi
