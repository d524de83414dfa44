#!/usr/bin/env bash
# make bench: release benchmarks of Cascade on generated organisations, each
# beside the baseline a user might reach for instead, timed with hyperfine in
# one run so the ratio is fair. Writes BENCHMARKS.md.
#
#   BENCH_SIZES="50 2000 5000"  organisations to generate (reps; 52 weeks each)
#   BENCH_RUNS=5                 hyperfine runs of the long commands
set -euo pipefail
cd "$(dirname "$0")/.."
CASCADE="$PWD/.build/release/cascade"
DATA="$PWD/bench/data"
RESULTS="$PWD/bench/results"
SIZES=${BENCH_SIZES:-"50 2000 5000"}
SECTIONS=${BENCH_SECTIONS:-"demo check digest report submit"}   # which benchmarks to run for each size
want() { case " $SECTIONS " in *" $1 "*) return 0;; esac; return 1; }
RUNS=${BENCH_RUNS:-5}
TODAY=2026-11-25
mkdir -p "$DATA" "$RESULTS"
[ -n "${BENCH_KEEP:-}" ] || rm -f "$RESULTS"/*.md "$RESULTS"/*.json   # BENCH_KEEP=1 keeps earlier results (to rerun one section)

org() {  # org REPS WEEKS: generate once, cache between runs
  local dir="$DATA/r$1-w$2"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    echo "generating $1 reps x $2 weeks into $dir" >&2
    "$CASCADE" demo --reps "$1" --weeks "$2" --out "$dir" --seed 7 --today "$TODAY" >&2
    touch "$dir/.complete"
  fi
  echo "$dir"
}

bench() {  # bench NAME DIR hyperfine-args...
  local name=$1 dir=$2; shift 2
  (cd "$dir" && hyperfine -N --style basic --export-markdown "$RESULTS/$name.md" --export-json "$RESULTS/$name.json" "$@" >&2)
}

for reps in $SIZES; do
  # Generating the organisation itself: one commit per update, by its author (issue: 2,000 x 52 under 2 minutes).
  [ "$reps" -le 2000 ] && want demo && bench "demo-$reps" "$PWD" -r 1 \
    --prepare "rm -rf /tmp/cascade-bench-demo" \
    -n "cascade demo --reps $reps --weeks 52" "$CASCADE demo --reps $reps --weeks 52 --seed 7 --today $TODAY --out /tmp/cascade-bench-demo"
  rm -rf /tmp/cascade-bench-demo
  dir=$(org "$reps" 52)
  files=$(find "$dir/updates" -name '*.md' | wc -l)
  echo "## $reps reps, 52 weeks ($files update files)" >&2
  one=$(cd "$dir" && ls updates | sed -n '$p')
  person=$(cd "$dir/updates/$one" && ls | sed -n 1p)
  runs=$RUNS; warm=1
  [ "$reps" -gt 2000 ] && { runs=1; warm=0; }   # the Python baseline takes minutes there
  want check && bench "check-all-$reps" "$dir" -i -w "$warm" -r "$runs" \
    -n "cascade check (whole repository)" "$CASCADE check" \
    -n "python3 baseline_check.py (PyYAML C loader)" "python3 $PWD/bench/baseline_check.py ."
  want check && bench "check-one-$reps" "$dir" -i -w 3 -r 20 \
    -n "cascade check one file" "$CASCADE check updates/$one/$person"
  cro=$(sed -n 's/^  - { id: \([a-z0-9-]*\),.*title: CRO.*/\1/p' "$dir/org.yaml" | sed -n 1p)
  want digest && bench "digest-$reps" "$dir" -w 1 -r 3 \
    -n "cascade digest --for CRO" "$CASCADE digest --for $cro --week $one" \
    -n "cascade digest --all" "$CASCADE digest --all --week $one --out /tmp/cascade-bench-digests"
  # The first run after a clone: no parsed-update cache, no rewrite log.
  [ "$reps" = 2000 ] && want digest && bench "cold-$reps" "$dir" -r 2 --prepare "rm -rf .git/cascade" \
    -n "cascade digest --for CRO (first run)" "$CASCADE digest --for $cro --week $one" \
    -n "cascade report flags (first run)" "$CASCADE report flags --today $TODAY"
  report_args=()
  for kind in losses wins gaps objections asks flags pipeline; do
    report_args+=(-n "cascade report $kind" "$CASCADE report $kind --today $TODAY")
  done
  want report && bench "report-$reps" "$dir" -w 1 -r 2 "${report_args[@]}"
  # submit one changed update: libgit2 against the git CLI, on the same repository and index.
  (cd "$dir" && git config user.name "Bench" && git config user.email "bench@example.com")
  want submit && bench "submit-$reps" "$dir" -w 2 -r 15 \
    --prepare "sh -c 'printf \"One more line.\\n\" >> updates/$one/$person'" \
    -n "cascade submit one update" "$CASCADE submit updates/$one/$person" \
    -n "git add + git commit (CLI)" "sh -c 'git add updates/$one/$person && git commit -q --no-verify -m bench'"
done

# Cost as history grows: 2,000 reps at 4, 52 and 104 weeks (BENCH_GROWTH=0 skips it).
[ "${BENCH_GROWTH:-1}" = 1 ] && for weeks in 4 104; do org 2000 "$weeks" >/dev/null; done
[ "${BENCH_GROWTH:-1}" = 1 ] && for weeks in 4 52 104; do
  dir=$(org 2000 "$weeks")
  last=$(cd "$dir" && ls updates | sed -n '$p')
  cro=$(sed -n 's/^  - { id: \([a-z0-9-]*\),.*title: CRO.*/\1/p' "$dir/org.yaml" | sed -n 1p)
  bench "growth-w$weeks" "$dir" -i -w 1 -r 3 \
    -n "check, $weeks weeks" "$CASCADE check" \
    -n "digest --for CRO, $weeks weeks" "$CASCADE digest --for $cro --week $last" \
    -n "report flags, $weeks weeks" "$CASCADE report flags --today $TODAY"
done

python3 bench/report.py "$RESULTS" "$SIZES" > BENCHMARKS.md
echo "wrote BENCHMARKS.md" >&2
