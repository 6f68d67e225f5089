#!/usr/bin/env bash
# Robustness sweep: batchlint, standalone and under go vet, over the standard
# library and large real modules copied out of the module cache. Records
# panics (must be 0), packages with errors, wall time, peak memory and the
# number of findings.
#   bash scripts/sweep.sh [module@version[:toolchain] ...]
#   SWEEP_STD=0 bash scripts/sweep.sh module@version    (skip the std rows)
# module@version:go1.27.3 sweeps that module under toolchain go1.27.3 (the go
# command fetches it, via GOTOOLCHAIN) with a batchlint built by the same
# toolchain: a vet tool must read the export data of the go command running it.
set -uo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mods=("$@")
# hugo v0.166.0 and later require go 1.27, so it runs under a fetched toolchain;
# this repo stays on go 1.26.
# hugo v0.166.0: v0.168.0 and v0.169.0 need github.com/bep/imagemeta v1.1.0 and github.com/spf13/fsync v0.10.2 (v0.167.0 the latter), whose zips the module proxy refuses (403).
[ ${#mods[@]} -gt 0 ] || mods=(golang.org/x/tools@v0.52.0 github.com/ethereum/go-ethereum@v1.17.10 github.com/gohugoio/hugo@v0.166.0:go1.27.3)

go build -o "$tmp/batchlint" ./cmd/batchlint || exit 1
bl="$tmp/batchlint"
# A copy with bytes appended for every row: same code, new tool ID, so no row
# replays go vet results cached by an earlier row or an earlier run of the
# same build (standalone runs go vet underneath).
fresh() { local dst="$tmp/tool.$RANDOM$RANDOM"; cp "$bl" "$dst"; echo "$dst" >>"$dst"; echo "$dst"; }

printf '| target | mode | seconds | peak MB | panics | error lines | findings |\n|---|---|---|---|---|---|---|\n'
row() { # name mode dir cmd...
  local name=$1 mode=$2 dir=$3; shift 3
  ( cd "$dir" && /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" ) || true
  read -r s m < <(tail -n 1 "$tmp/time")
  local panics errs finds
  panics=$(cat "$tmp/out" "$tmp/err" | grep -c '^panic:\|goroutine [0-9]* \[running\]' || true)
  errs=$(grep -vc '^#\|^\s*$' "$tmp/err" || true)
  # go vet -json prints one object per package; batchlint -json one in all.
  finds=$(python3 -c 'import json,sys
s, dec, i, n = open(sys.argv[1]).read(), json.JSONDecoder(), 0, 0
while True:
    while i < len(s) and s[i].isspace(): i += 1
    if i >= len(s): break
    d, i = dec.raw_decode(s, i)
    n += sum(len(v) for p in d.values() for v in p.values() if isinstance(v, list))
print(n)' "$tmp/out" 2>/dev/null || echo "?")
  printf '| %s | %s | %.1f | %.0f | %s | %s | %s |\n' "$name" "$mode" "$s" "$((m/1024))" "$panics" "$errs" "$finds"
  [ "$panics" = 0 ] || { echo "PANIC in $name ($mode):"; grep -A20 '^panic:' "$tmp/out" "$tmp/err" | head -40; }
}

if [ "${SWEEP_STD:-1}" != 0 ]; then
  row std standalone "$(pwd)" "$(fresh)" -json std
  row std "go vet" "$(pwd)" go vet -vettool="$(fresh)" -json std
fi
for arg in "${mods[@]}"; do (
  mv=${arg%%:*} name=$arg
  if [ "$mv" != "$arg" ]; then
    export GOTOOLCHAIN=${arg#*:}
    bl="$tmp/batchlint.$GOTOOLCHAIN"
    [ -e "$bl" ] || go build -o "$bl" ./cmd/batchlint || { echo "| $name | build failed |"; exit; }
  fi
  dir=$(go mod download -json "$mv" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  [ -n "$dir" ] || { echo "| $name | download failed |"; exit; }
  rm -rf "$tmp/m"; cp -r "$dir" "$tmp/m"; chmod -R u+w "$tmp/m"
  (cd "$tmp/m" && go mod download >/dev/null 2>&1)
  row "$name" standalone "$tmp/m" "$(fresh)" -json ./...
  row "$name" "go vet" "$tmp/m" go vet -vettool="$(fresh)" -json ./...
) done
