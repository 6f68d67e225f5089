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

# measure DIR CMD... : prints "seconds peakKB cpuSeconds" (peak RSS of the
# largest process; CPU is user + system of the command and all its children,
# steadier than elapsed time on a machine with few cores).
measure() {
  local dir=$1; shift
  ( cd "$dir" && /usr/bin/time -f "%e %M %U %S" -o "$tmp/time" "$@" >/dev/null 2>&1 ) || true
  tail -n 1 "$tmp/time" | awk '{ print $1, $2, $3 + $4 }'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A secs mem cpu
for target in std xtools; do
  if [ $target = std ]; then dir=$(pwd); pat=std; else dir="$tmp/xtools"; pat=./...; fi
  for i in $(seq "$trials"); do
    for tool in noop batchlint govet; do
      read -r s m c < <(measure "$dir" go vet -vettool="$(fresh "$tmp/$tool")" $pat)
      secs[$target,vet-$tool]+="$s "; mem[$target,vet-$tool]+="$m "; cpu[$target,vet-$tool]+="$c "
    done
    # Standalone batchlint runs go vet underneath: a fresh copy keeps it
    # from replaying cached results too.
    for tool in noop batchlint; do
      read -r s m c < <(measure "$dir" "$(fresh "$tmp/$tool")" $pat)
      secs[$target,alone-$tool]+="$s "; mem[$target,alone-$tool]+="$m "; cpu[$target,alone-$tool]+="$c "
    done
  done
done

printf '| target | mode | tool | median s | median CPU s | median peak MB | × no-op time | × no-op CPU | × no-op memory |\n|---|---|---|---|---|---|---|---|---|\n'
med() { tr ' ' '\n' <<<"$1" | grep . | median; }
for target in std xtools; do
  for mode in vet alone; do
    base_s=$(med "${secs[$target,$mode-noop]}")
    base_c=$(med "${cpu[$target,$mode-noop]}")
    base_m=$(med "${mem[$target,$mode-noop]}")
    for tool in noop batchlint govet; do
      [ -n "${secs[$target,$mode-$tool]:-}" ] || continue
      s=$(med "${secs[$target,$mode-$tool]}")
      c=$(med "${cpu[$target,$mode-$tool]}")
      m=$(med "${mem[$target,$mode-$tool]}")
      name=$tool; [ $tool = govet ] && name="go vet (default suite)"
      awk -v t=$target -v mo=$mode -v n="$name" -v s=$s -v c=$c -v m=$m -v bs=$base_s -v bc=$base_c -v bm=$base_m \
        'BEGIN { printf "| %s | %s | %s | %.2f | %.2f | %.0f | %.2f | %.2f | %.2f |\n", (t=="xtools"?"x/tools v0.52.0":"std"), (mo=="vet"?"go vet -vettool":"standalone"), n, s, c, m/1024, s/bs, c/bc, m/bm }'
    done
  done
done
