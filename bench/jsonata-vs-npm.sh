#!/usr/bin/env bash
# The JSONata benchmark, on the same machine, back to back:
#  - expressions: the JSONata suite's heavier groups evaluated by our evaluator (StatesLanguage.Benchmarks --jsonata)
#    and by the npm package jsonata (bench/peer/jsonata.mjs), the same cases and inputs; expressions evaluated per
#    second per group and overall, and ours/npm ratios on the cases both measured (geometric mean of per-case ratios);
#  - machines: the two bench/machines and their JSONata rewrites on our engine, next to the npm package
#    aws-local-stepfunctions on the JSONPath machines (it cannot run JSONata ones): each JSONata machine is compared
#    with the peer's figure for its JSONPath twin. The two sides take turns for --rounds rounds, and each ratio is taken
#    within a round (ours, then the peer, a minute apart at most): the speed of a shared machine drifts by a third
#    over minutes, which a single pair of runs minutes apart would mistake for a difference of the engines. The
#    summary gives every round's ratio and their median.
# The suite is read at run time from ../shared beside the repository (or --suite DIR). A benchmark, not a test: not
# part of CI.
#   bench/jsonata-vs-npm.sh [--runs 3] [--seconds 3] [--case-seconds 0.2] [--groups g1,g2|all] [--suite DIR]
#                           [--skip-machines] [--skip-expressions] [--rounds 3] [--shape all|daily|map]
# Figures are noisy on a shared 2-core machine: the load average is printed with them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peer="$root/bench/peer"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

runs=3 seconds=3 case_seconds=0.2 groups="" suite="" machines=1 expressions=1 rounds=3 shape=all
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --case-seconds) case_seconds="$2"; shift 2 ;;
    --groups) groups="$2"; shift 2 ;;
    --suite) suite="$2"; shift 2 ;;
    --skip-machines) machines=0; shift ;;
    --skip-expressions) expressions=0; shift ;;
    --rounds) rounds="$2"; shift 2 ;;
    --shape) shape="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
expression_options=(--runs "$runs" --case-seconds "$case_seconds")
[[ -n "$groups" ]] && expression_options+=(--groups "$groups")
[[ -n "$suite" ]] && expression_options+=(--suite "$suite")

source "$peer/setup.sh"

echo "== Building the engine harness (Release)"
dotnet build "$root/bench/StatesLanguage.Benchmarks/StatesLanguage.Benchmarks.csproj" -c Release -nologo -v quiet
harness="$root/bench/StatesLanguage.Benchmarks/bin/Release/net10.0/StatesLanguage.Benchmarks.dll"

echo "== Load before: $(uptime)"
if [[ $expressions == 1 ]]; then
  echo
  dotnet "$harness" --jsonata "${expression_options[@]}" --results "$results/ours-expressions.tsv"
  echo
  "$node" "$peer/jsonata.mjs" "${expression_options[@]}" --results "$results/npm-expressions.tsv"
fi
if [[ $machines == 1 ]]; then
  case "$shape" in
    all) ours_shapes=all ;;
    daily) ours_shapes=daily,daily-jsonata ;;
    map) ours_shapes=map,map-jsonata ;;
    *) echo "unknown shape $shape (all, daily or map)" >&2; exit 2 ;;
  esac
  for ((round = 1; round <= rounds; round++)); do
    echo
    echo "== Round $round of $rounds"
    dotnet "$harness" --runs "$runs" --seconds "$seconds" --shape "$ours_shapes" --results "$results/engine-$round.tsv"
    echo
    "$node" "$peer/run.mjs" --runs "$runs" --seconds "$seconds" --shape "$shape" --results "$results/peer-$round.tsv"
  done
fi
echo
echo "== Load after: $(uptime)"

if [[ $expressions == 1 ]]; then
  echo
  # Per group, on the cases both measured: each side's group rate (its cases once each, one after another), the
  # ratio of those, and the geometric mean and the lowest of the per-case ratios ours/npm.
  awk -F '\t' '
    NR == FNR { npm[$2] = $3; next }
    ($2 in npm) {
      if (!($1 in cases)) order[++groups] = $1
      cases[$1]++; oursTime[$1] += 1 / $3; npmTime[$1] += 1 / npm[$2]
      r = $3 / npm[$2]; logs[$1] += log(r); if (!($1 in low) || r < low[$1]) { low[$1] = r; lowCase[$1] = $2 }
      all++; allOurs += 1 / $3; allNpm += 1 / npm[$2]; allLogs += log(r)
    }
    END {
      printf "%-24s %6s %13s %13s %10s %10s  %s\n", "ours / npm", "cases", "ours eval/s", "npm eval/s", "ratio", "geomean", "lowest case ratio"
      for (i = 1; i <= groups; i++) {
        g = order[i]
        printf "%-24s %6d %13.0f %13.0f %9.2fx %9.2fx  %.2fx %s\n", g, cases[g], cases[g] / oursTime[g], cases[g] / npmTime[g],
          npmTime[g] / oursTime[g], exp(logs[g] / cases[g]), low[g], lowCase[g]
      }
      printf "%-24s %6d %13.0f %13.0f %9.2fx %9.2fx\n", "all", all, all / allOurs, all / allNpm, allNpm / allOurs, exp(allLogs / all)
    }
  ' "$results/npm-expressions.tsv" "$results/ours-expressions.tsv"
fi
if [[ $machines == 1 ]]; then
  echo
  # Per round, each engine shape against the peer's figure for the same shape or, for a JSONata machine, its JSONPath
  # twin (the fourth column of engine-N.tsv); then the median of the rounds' ratios.
  for ((round = 1; round <= rounds; round++)); do
    awk -F '\t' -v round="$round" '
      NR == FNR { peer[$1] = $2; next }
      ($4 in peer) { printf "%s\t%d\t%.2f\t%.2f\t%s\n", $1, round, $2, peer[$4], $4 }
    ' "$results/peer-$round.tsv" "$results/engine-$round.tsv"
  done > "$results/ratios.tsv"
  awk -F '\t' '
    { if (!($1 in count)) order[++shapes] = $1; n = ++count[$1]; ratio[$1, n] = $3 / $4; twin[$1] = $5
      rounds[$1] = rounds[$1] sprintf(" %6s/%-6s %5.1fx", figure($3), figure($4), $3 / $4) }
    function figure(x) { return x >= 100 ? sprintf("%.0f", x) : sprintf("%.1f", x) }
    END {
      printf "%-24s %-22s %9s   %s\n", "engine", "vs peer (JSONPath)", "median", "each round: ours/peer executions/s, ratio"
      for (i = 1; i <= shapes; i++) {
        s = order[i]; n = count[s]
        for (a = 1; a <= n; a++) sorted[a] = ratio[s, a]
        for (a = 1; a <= n; a++) for (b = a + 1; b <= n; b++) if (sorted[b] < sorted[a]) { t = sorted[a]; sorted[a] = sorted[b]; sorted[b] = t }
        median = n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
        printf "%-24s %-22s %8.1fx  %s\n", s, twin[s], median, rounds[s]
      }
    }
  ' "$results/ratios.tsv"
fi
