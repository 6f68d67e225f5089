#!/usr/bin/env bash
# The whole test suite. Starts what the tests need (a throwaway Postgres
# cluster on a private unix socket; Kafka is kfake, in-process) and stops it
# afterwards. Usage: bash scripts/test.sh [extra go test flags]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

tmp=$(mktemp -d)
cleanup() {
  if [ -n "${PGBIN:-}" ] && [ -f "$tmp/pgdata/postmaster.pid" ]; then
    "$PGBIN/pg_ctl" -D "$tmp/pgdata" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# Postgres: Debian's postgresql package, installed when missing.
pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pgbin)" ]; then
  echo "installing postgresql (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(pgbin)
# pre-commit: Debian's package, for the hook end-to-end test.
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "installing pre-commit (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq pre-commit >/dev/null
fi
# initdb refuses to run as root; run the cluster as an unprivileged user.
runas=()
if [ "$(id -u)" = 0 ]; then
  id batchlint-pg >/dev/null 2>&1 || useradd --system --no-create-home batchlint-pg
  chown batchlint-pg "$tmp"; chmod 755 "$tmp"
  runas=(setpriv --reuid=batchlint-pg --regid="$(id -g batchlint-pg)" --clear-groups --)
fi
"${runas[@]}" "$PGBIN/initdb" -D "$tmp/pgdata" -U postgres -A trust --no-sync >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log"; exit 1; }
# fsync is off: tests need no durability. Benchmarks that must pay the real
# commit cost set BATCHLINT_PG_FSYNC=on.
"${runas[@]}" "$PGBIN/pg_ctl" -D "$tmp/pgdata" -l "$tmp/pg.log" -w \
  -o "-k $tmp -c listen_addresses='' -p 54329 -c fsync=${BATCHLINT_PG_FSYNC:-off} -c max_connections=100" start >/dev/null \
  || { cat "$tmp/pg.log"; exit 1; }
export BATCHLINT_PG_DSN="host=$tmp port=54329 user=postgres dbname=postgres sslmode=disable"
export BATCHLINT_PG_BIN="$PGBIN" BATCHLINT_PG_DATA="$tmp/pgdata" BATCHLINT_PG_LOG="$tmp/pg.log"
export BATCHLINT_PG_RUNAS="${runas[*]}"

if [ $# -gt 0 ]; then
  status=0; "$@" || status=$?
  exit $status
fi

go vet ./...
# batchlint on its own code: clean, or the run fails.
go run ./cmd/batchlint ./...
# Every module of the repository that has tests: the main one and nested ones.
status=0
go test -count=1 -timeout 30m ./... || status=1
# The runtime's concurrency and fault tests again under the race detector.
go test -race -count=1 -timeout 10m ./runtime/... || status=1
for mod in $(git ls-files '*/go.mod' | grep -v '^testdata/' | grep -v '/testdata/' | xargs -r -n1 dirname); do
  (cd "$mod" && go test -count=1 ./...) || status=1
done
# batchlint over the whole standard library: no panic, no failed analysis.
BATCHLINT_STD=1 go test -count=1 -timeout 20m -run '^TestStd$' ./cmd/batchlint/ || status=1
exit $status
