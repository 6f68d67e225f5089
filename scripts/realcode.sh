#!/usr/bin/env bash
# Real-code sweep: batchlint, as a new user runs it, on the public repositories
# pinned in docs/realcode/repos.tsv, every finding compared with the verdicts
# in docs/realcode/triage.tsv (see docs/realcode/README.md).
#
# 1. Bring each repository of repos.tsv as a git directory into MIRRORS_DIR,
#    as MIRRORS_DIR/owner+name (or MIRRORS_DIR/owner+name/repo), then check
#    out the pinned commits (no network; the checkouts are plain trees):
#      bash scripts/realcode.sh --checkout MIRRORS_DIR CHECKOUTS_DIR [owner/name ...]
# 2. Run the sweep (dependencies come through the module proxy):
#      bash scripts/realcode.sh CHECKOUTS_DIR [owner/name ...]
#    Naming repositories runs only those; the comparison then covers only
#    their triage rows.
#
# The run prints findings with no verdict (as triage rows to fill in), verdict
# rows no longer produced, per-analyzer counts and the share judged true, and
# exits 1 when anything is untriaged or gone (a rule change forces a
# re-triage) or a repository was not fully analysed. BATCHLINT=/abs/path uses
# that binary instead of building this tree;
# REALCODE_OUT=dir keeps each repository's JSON output and stderr there;
# BATCHLINT_FLAGS="-sqlloop.unknown-sql ..." passes flags to batchlint (the
# triage holds the default settings, so other settings show as untriaged).
# Repositories run one after another, with GOFLAGS=-p=1 unless GOFLAGS is set:
# the sweep is meant to run beside other work.
set -uo pipefail
cd "$(dirname "$0")/.."
list=docs/realcode/repos.tsv
rows() { grep -v '^#' "$list" | grep -v '^\s*$'; }

if [ "${1:-}" = --checkout ]; then
  [ $# -ge 3 ] || { echo "usage: $0 --checkout MIRRORS_DIR CHECKOUTS_DIR [owner/name ...]" >&2; exit 2; }
  mirrors=$2 checkouts=$3 rc=0 only=" ${*:4} "
  while IFS=$'\t' read -r repo commit _; do
    [ "$only" = "  " ] || [[ $only == *" $repo "* ]] || continue
    name=${repo/\//+} git=$mirrors/${repo/\//+}
    [ -d "$git/repo" ] && git=$git/repo
    rm -rf "${checkouts:?}/$name" && mkdir -p "$checkouts/$name"
    # A snapshot can lack its largest files (images, generated code): check
    # out the rest, through a private index, and name what is missing.
    export GIT_INDEX_FILE=$checkouts/.index.$name
    missing=$(git --git-dir="$git" ls-tree -r "$commit" --format='%(objecttype) %(objectname)' |
      awk '$1 == "blob" { print $2 }' | git --git-dir="$git" cat-file --batch-check | awk '$2 == "missing" { print $1 }')
    if git --git-dir="$git" read-tree "$commit"; then
      absent=$(git --git-dir="$git" ls-files -s | awk 'NR == FNR { m[$1]; next } $2 in m { sub(/^[^\t]*\t/, ""); print }' <(echo "$missing") -)
      if [ -n "$absent" ]; then
        sed "s|^|$repo: absent from the snapshot: |" <<<"$absent" >&2
        git --git-dir="$git" update-index --force-remove --stdin <<<"$absent"
      fi
      git --git-dir="$git" --work-tree="$checkouts/$name" checkout-index -a -f && echo "$repo: $commit" ||
        { echo "$repo: cannot check out $commit from $git" >&2; rc=1; }
      # A vendor folder with holes cannot build; without it the go command
      # takes the same modules through the proxy.
      if grep -q '^vendor/' <<<"$absent"; then
        rm -rf "${checkouts:?}/$name/vendor" && echo "$repo: vendor/ removed" >&2
      fi
    else
      echo "$repo: no commit $commit in $git" >&2; rc=1
    fi
    rm -f "$GIT_INDEX_FILE"
  done < <(rows)
  exit $rc
fi

[ $# -ge 1 ] || { echo "usage: $0 CHECKOUTS_DIR [owner/name ...]  |  $0 --checkout MIRRORS_DIR CHECKOUTS_DIR" >&2; exit 2; }
checkouts=$(cd "$1" && pwd) || exit 2
shift
only=" $* "
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=${REALCODE_OUT:-$tmp/out}
mkdir -p "$out"
bl=${BATCHLINT:-}
if [ -z "$bl" ]; then
  go build -o "$tmp/batchlint" ./cmd/batchlint || exit 1
  bl=$tmp/batchlint
fi
export GOFLAGS=${GOFLAGS:--p=1}

start=$SECONDS repos=() failed=()
while IFS=$'\t' read -r repo _ _ dir patterns _; do
  [ "$only" = "  " ] || [[ $only == *" $repo "* ]] || continue
  name=${repo/\//+} repos+=("$repo")
  t=$SECONDS
  # Status 3 means findings; 1 means some package was not analysed.
  # shellcheck disable=SC2086 # patterns and flags are lists
  (cd "$checkouts/$name/$dir" && "$bl" -json ${BATCHLINT_FLAGS:-} $patterns >"$out/$name.json" 2>"$out/$name.err")
  st=$?
  [ $st = 0 ] || [ $st = 3 ] || failed+=("$repo")
  errs=$(grep -vc '^#\|^\s*$\|^go: downloading' "$out/$name.err")
  printf '%-40s status %s, %4ss, %s stderr lines\n' "$repo" "$st" "$((SECONDS - t))" "$errs" >&2
done < <(rows)
echo "sweep: $((SECONDS - start))s" >&2

go run ./scripts/realcode -triage docs/realcode/triage.tsv -checkouts "$checkouts" -out "$out" "${repos[@]}"
rc=$?
if [ ${#failed[@]} -gt 0 ]; then
  echo "not fully analysed (see their stderr above the table): ${failed[*]}" >&2
  rc=1
fi
exit $rc
