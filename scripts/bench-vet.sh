#!/usr/bin/env bash
# Overhead of batchlint against its yardsticks, measured side by side in one
# run: under go vet (batchlint vs a no-op analyzer vs the default go vet
# suite) and standalone (batchlint vs the same no-op analyzer), on std and on
# golang.org/x/tools. Medians over TRIALS runs with a warm build cache; vet
# results are never reused (each run gets a tool binary with a fresh ID).
#   bash scripts/bench-vet.sh [TRIALS]     (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/batchlint" ./cmd/batchlint
go build -o "$tmp/noop" ./bench/noop
cp "$(go env GOTOOLDIR)/vet" "$tmp/govet"

# golang.org/x/tools v0.52.0, copied out of the module cache and made writable.
xt=$(go mod download -json golang.org/x/tools@v0.52.0 | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
cp -r "$xt" "$tmp/xtools"; chmod -R u+w "$tmp/xtools"
(cd "$tmp/xtools" && go mod download >/dev/null && go build ./... >/dev/null)
go build std >/dev/null

# A copy of a vet tool with bytes appended: same code, new tool ID, so go vet
# reuses no earlier result (the ID is a hash of the executable).
fresh() { local dst="$tmp/tool.$RANDOM$RANDOM"; cp "$1" "$dst"; echo "$dst" >>"$dst"; echo "$dst"; }

# measure DIR CMD... : prints "seconds peakKB" (peak RSS of the largest process).
measure() {
  local dir=$1; shift
  ( cd "$dir" && /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>&1 ) || true
  cat "$tmp/time" | tail -n 1
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A secs mem
for target in std xtools; do
  if [ $target = std ]; then dir=$(pwd); pat=std; else dir="$tmp/xtools"; pat=./...; fi
  for i in $(seq "$trials"); do
    for tool in noop batchlint govet; do
      read -r s m < <(measure "$dir" go vet -vettool="$(fresh "$tmp/$tool")" $pat)
      secs[$target,vet-$tool]+="$s "; mem[$target,vet-$tool]+="$m "
    done
    # Standalone batchlint runs go vet underneath: a fresh copy keeps it
    # from replaying cached results too.
    for tool in noop batchlint; do
      read -r s m < <(measure "$dir" "$(fresh "$tmp/$tool")" $pat)
      secs[$target,alone-$tool]+="$s "; mem[$target,alone-$tool]+="$m "
    done
  done
done

printf '| target | mode | tool | median s | median peak MB | × no-op time | × no-op memory |\n|---|---|---|---|---|---|---|\n'
for target in std xtools; do
  for mode in vet alone; do
    base_s=$(tr ' ' '\n' <<<"${secs[$target,$mode-noop]}" | grep . | median)
    base_m=$(tr ' ' '\n' <<<"${mem[$target,$mode-noop]}" | grep . | median)
    for tool in noop batchlint govet; do
      [ -n "${secs[$target,$mode-$tool]:-}" ] || continue
      s=$(tr ' ' '\n' <<<"${secs[$target,$mode-$tool]}" | grep . | median)
      m=$(tr ' ' '\n' <<<"${mem[$target,$mode-$tool]}" | grep . | median)
      name=$tool; [ $tool = govet ] && name="go vet (default suite)"
      awk -v t=$target -v mo=$mode -v n="$name" -v s=$s -v m=$m -v bs=$base_s -v bm=$base_m \
        'BEGIN { printf "| %s | %s | %s | %.2f | %.0f | %.2f | %.2f |\n", (t=="xtools"?"x/tools v0.52.0":"std"), (mo=="vet"?"go vet -vettool":"standalone"), n, s, m/1024, s/bs, m/bm }'
    done
  done
done
