#!/usr/bin/env bash
# The write-path ladder: starts Postgres through scripts/test.sh, with fsync on
# so that a commit costs what it costs in production, and runs
# ./bench/ladder. Flags go to the ladder (e.g. -rows 20000 -repeat 1).
set -euo pipefail
cd "$(dirname "$0")/.."
BATCHLINT_PG_FSYNC=on exec bash scripts/test.sh go run ./bench/ladder "$@"
