#!/usr/bin/env bash
# The JSONata evaluator next to the npm package jsonata (the reference implementation, already in bench/peer's
# lock file as a dependency of aws-local-stepfunctions), on the same expressions and input (bench/jsonata):
# microseconds per evaluation, lower is better. A benchmark, not a test: not part of CI.
#   bench/jsonata-vs-peer.sh [--seconds 1]
# Figures are noisy on a shared 2-core machine: the load average is printed with them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peer="$root/bench/peer"

echo "== Installing the peer (npm ci in bench/peer)"
(cd "$peer" && npm ci --no-audit --no-fund --loglevel=error)
node="$peer/node_modules/.bin/node"
if ! "$node" --version >/dev/null 2>&1; then
  node="node"
fi

echo "== Building the engine harness (Release)"
dotnet build "$root/bench/StatesLanguage.Benchmarks/StatesLanguage.Benchmarks.csproj" -c Release -nologo -v quiet

echo "== Load before: $(uptime)"
echo
dotnet "$root/bench/StatesLanguage.Benchmarks/bin/Release/net10.0/StatesLanguage.Benchmarks.dll" --jsonata "$@"
echo
"$node" "$peer/jsonata.mjs" "$@"
echo
echo "== Load after: $(uptime)"
