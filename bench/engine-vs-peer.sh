#!/usr/bin/env bash
# The engine benchmark next to the npm package aws-local-stepfunctions, on the same machine and the same two
# machines (bench/machines): installs the peer (npm ci in bench/peer), builds the C# harness in Release, runs both
# back to back and prints both tables and the engine/peer ratios. A benchmark, not a test: not part of CI.
#   bench/engine-vs-peer.sh [--runs 3] [--seconds 3] [--shape all|jsonpath|jsonata|daily|map|daily-jsonata|map-jsonata]
# Figures are noisy on a shared 2-core machine: the load average is printed with them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peer="$root/bench/peer"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

source "$peer/setup.sh"

echo "== Building the engine harness (Release)"
dotnet build "$root/bench/StatesLanguage.Benchmarks/StatesLanguage.Benchmarks.csproj" -c Release -nologo -v quiet

echo "== Load before: $(uptime)"
echo
dotnet "$root/bench/StatesLanguage.Benchmarks/bin/Release/net10.0/StatesLanguage.Benchmarks.dll" --results "$results/engine.tsv" "$@"
echo
"$node" "$peer/run.mjs" --results "$results/peer.tsv" "$@"
echo
echo "== Load after: $(uptime)"
echo
# A JSONata machine (bench/machines/*.jsonata.asl.json) is compared with the peer's figure for its JSONPath twin, named
# in the fourth column of engine.tsv: the peer runs JSONPath machines only. bench/jsonata-vs-npm.sh adds the JSONata
# expressions.
awk -F '\t' '
  NR == FNR { peerExec[$1] = $2; peerTrans[$1] = $3; next }
  FNR == 1 { printf "%-26s %22s %22s\n", "engine / peer", "executions/s ratio", "transitions/s ratio" }
  ($4 in peerExec) { printf "%-26s %21.1fx %21.1fx\n", $1, $2 / peerExec[$4], $3 / peerTrans[$4] }
' "$results/peer.tsv" "$results/engine.tsv"
