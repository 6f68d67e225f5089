#!/usr/bin/env bash
# Cost of the standalone command's whole-module step (calls through the
# program's own interfaces), measured side by side in one run: batchlint
# with and without -interfaces on real-code sweep checkouts. Medians over
# TRIALS runs of the CPU time (user + system, of every process: what a
# shared machine's load does not inflate much), the elapsed time and the
# largest process's peak memory; each run gets a tool binary with a fresh
# ID, so go vet reuses no earlier result, and the two settings alternate
# which goes first.
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

printf '| repository | packages | off: CPU s | on: CPU s | × CPU | off: elapsed s | on: elapsed s | off: peak MB | on: peak MB |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for repo in "${repos[@]}"; do
  IFS=$'\t' read -r _ _ _ dir patterns _ < <(grep "^$repo	" docs/realcode/repos.tsv)
  cd_to=$checkouts/${repo/\//+}/$dir
  # shellcheck disable=SC2086
  npkg=$(cd "$cd_to" && go list $patterns 2>/dev/null | wc -l)
  # shellcheck disable=SC2086
  (cd "$cd_to" && go list -deps -test $patterns >/dev/null 2>&1)
  declare -A cpu=() secs=() mem=()
  for i in $(seq "$trials"); do
    order="off on"; [ $((i % 2)) = 0 ] && order="on off"
    for mode in $order; do
      flag=-interfaces; [ $mode = off ] && flag=-interfaces=false
      tool=$(fresh)
      # shellcheck disable=SC2086
      (cd "$cd_to" && /usr/bin/time -f "%U %S %e %M" -o "$tmp/time" "$tool" $flag $patterns >/dev/null 2>&1) || true
      read -r u sy s m < <(tail -n 1 "$tmp/time")
      cpu[$mode]+="$(echo "$u + $sy" | bc) "; secs[$mode]+="$s "; mem[$mode]+="$m "
      rm -f "$tool"
    done
  done
  off_c=$(tr ' ' '\n' <<<"${cpu[off]}" | grep . | median); on_c=$(tr ' ' '\n' <<<"${cpu[on]}" | grep . | median)
  off_s=$(tr ' ' '\n' <<<"${secs[off]}" | grep . | median); on_s=$(tr ' ' '\n' <<<"${secs[on]}" | grep . | median)
  off_m=$(tr ' ' '\n' <<<"${mem[off]}" | grep . | median); on_m=$(tr ' ' '\n' <<<"${mem[on]}" | grep . | median)
  printf '| %s | %s | %.1f | %.1f | %.2f | %s | %s | %.0f | %.0f |\n' "$repo" "$npkg" "$off_c" "$on_c" "$(echo "$on_c / $off_c" | bc -l)" \
    "$off_s" "$on_s" "$(echo "$off_m / 1024" | bc -l)" "$(echo "$on_m / 1024" | bc -l)"
done
