#!/usr/bin/env bash
# One GraphQL call: a Deployment, its ReplicaSets, their pods and nodes, events and rollout history.
#   SKIFF_TOKEN=... ./deployment-tree.sh [namespace] [name]
# SKIFF_URL defaults to https://127.0.0.1:6443 and SKIFF_CA to .skiff/pki/ca.crt (what `npm start` uses).
set -euo pipefail
ns="${1:-default}"
name="${2:-web}"
url="${SKIFF_URL:-https://127.0.0.1:6443}"
ca="${SKIFF_CA:-.skiff/pki/ca.crt}"
: "${SKIFF_TOKEN:?set SKIFF_TOKEN (npm run skiff -- tokens create NAME)}"

query='query Tree($ns: String!, $name: String!) {
  deployment(namespace: $ns, name: $name) {
    metadata { name }
    status { replicas readyReplicas }
    replicaSets { metadata { name } pods { metadata { name } status { phase podIP } node { metadata { name } } } }
    events { type reason message }
    rolloutHistory { revision changeCause images { container image } }
  }
}'

body=$(printf '{"query": %s, "variables": {"ns": %s, "name": %s}}' \
  "$(printf '%s' "$query" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')" \
  "\"$ns\"" "\"$name\"")

curl --silent --show-error --fail-with-body --cacert "$ca" \
  -H "Authorization: Bearer $SKIFF_TOKEN" -H 'Content-Type: application/json' \
  --data "$body" "$url/graphql"
echo
