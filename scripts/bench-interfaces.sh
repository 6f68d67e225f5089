#!/usr/bin/env bash
# Cost of the standalone command's whole-module step (calls through the
# program's own interfaces), measured side by side in one run: batchlint
# with and without -interfaces=false on real-code sweep checkouts. Medians
# over TRIALS runs; each run gets a tool binary with a fresh ID, so go vet
# reuses no earlier result, and the two settings alternate which goes first.
#   bash scripts/bench-interfaces.sh CHECKOUTS_DIR [TRIALS] [owner/name ...]
set -euo pipefail
cd "$(dirname "$0")/.."
checkouts=$(cd "$1" && pwd)
trials=${2:-5}
shift 2 || shift $#
repos=("$@")
[ ${#repos[@]} -gt 0 ] || repos=(evrone/go-clean-template dhax/go-base gotify/server alist-org/alist)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/batchlint" ./cmd/batchlint

fresh() { local dst="$tmp/tool.$RANDOM$RANDOM"; cp "$tmp/batchlint" "$dst"; echo "$dst" >>"$dst"; echo "$dst"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '| repository | packages | off: median s | on: median s | × time | off: peak MB | on: peak MB |\n|---|---:|---:|---:|---:|---:|---:|\n'
for repo in "${repos[@]}"; do
  IFS=$'\t' read -r _ _ _ dir patterns _ < <(grep "^$repo	" docs/realcode/repos.tsv)
  cd_to=$checkouts/${repo/\//+}/$dir
  # shellcheck disable=SC2086
  npkg=$(cd "$cd_to" && go list $patterns 2>/dev/null | wc -l)
  # shellcheck disable=SC2086
  (cd "$cd_to" && go list -deps -test $patterns >/dev/null 2>&1)
  declare -A secs=() mem=()
  for i in $(seq "$trials"); do
    order="off on"; [ $((i % 2)) = 0 ] && order="on off"
    for mode in $order; do
      flag=-interfaces=true; [ $mode = off ] && flag=-interfaces=false
      tool=$(fresh)
      # shellcheck disable=SC2086
      (cd "$cd_to" && /usr/bin/time -f "%e %M" -o "$tmp/time" "$tool" $flag $patterns >/dev/null 2>&1) || true
      read -r s m < <(tail -n 1 "$tmp/time")
      secs[$mode]+="$s "; mem[$mode]+="$m "
      rm -f "$tool"
    done
  done
  off_s=$(tr ' ' '\n' <<<"${secs[off]}" | grep . | median); on_s=$(tr ' ' '\n' <<<"${secs[on]}" | grep . | median)
  off_m=$(tr ' ' '\n' <<<"${mem[off]}" | grep . | median); on_m=$(tr ' ' '\n' <<<"${mem[on]}" | grep . | median)
  printf '| %s | %s | %s | %s | %.2f | %.0f | %.0f |\n' "$repo" "$npkg" "$off_s" "$on_s" "$(echo "$on_s / $off_s" | bc -l)" \
    "$(echo "$off_m / 1024" | bc -l)" "$(echo "$on_m / 1024" | bc -l)"
done
