#!/usr/bin/env bash
# The JSONata benchmark, on the same machine, back to back:
#  - expressions: the JSONata suite's heavier groups evaluated by our evaluator (StatesLanguage.Benchmarks --jsonata)
#    and by the npm package jsonata (bench/peer/jsonata.mjs), the same cases and inputs; expressions evaluated per
#    second per group and overall, and ours/npm ratios on the cases both measured (geometric mean of per-case ratios);
#  - machines: the two bench/machines and their JSONata rewrites on our engine, next to the npm package
#    aws-local-stepfunctions on the JSONPath machines (it cannot run JSONata ones): each JSONata machine is compared
#    with the peer's figure for its JSONPath twin.
# The suite is read at run time from ../shared beside the repository (or --suite DIR). A benchmark, not a test: not
# part of CI.
#   bench/jsonata-vs-npm.sh [--runs 3] [--seconds 3] [--case-seconds 0.2] [--groups g1,g2|all] [--suite DIR]
#                           [--skip-machines] [--skip-expressions]
# Figures are noisy on a shared 2-core machine: the load average is printed with them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peer="$root/bench/peer"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

runs=3 seconds=3 case_seconds=0.2 groups="" suite="" machines=1 expressions=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --case-seconds) case_seconds="$2"; shift 2 ;;
    --groups) groups="$2"; shift 2 ;;
    --suite) suite="$2"; shift 2 ;;
    --skip-machines) machines=0; shift ;;
    --skip-expressions) expressions=0; shift ;;
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
  echo
  dotnet "$harness" --runs "$runs" --seconds "$seconds" --shape all --results "$results/engine.tsv"
  echo
  "$node" "$peer/run.mjs" --runs "$runs" --seconds "$seconds" --shape all --results "$results/peer.tsv"
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
  # A JSONata machine is compared with the peer's figure for its JSONPath twin (the fourth column of engine.tsv).
  awk -F '\t' '
    NR == FNR { peerExec[$1] = $2; peerTrans[$1] = $3; next }
    FNR == 1 { printf "%-26s %-22s %20s %20s\n", "engine", "vs peer (JSONPath)", "executions/s ratio", "transitions/s ratio" }
    ($4 in peerExec) { printf "%-26s %-22s %19.1fx %19.1fx\n", $1, $4, $2 / peerExec[$4], $3 / peerTrans[$4] }
  ' "$results/peer.tsv" "$results/engine.tsv"
fi
