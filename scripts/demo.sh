#!/usr/bin/env bash
# `make demo`: set up, build, start moto (auth on) in ./run/demo, seed the demo world, then
# run Bunker with the least-privilege `bunker` user: snapshot, snapshots, show, verify.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
run_dir="$repo/run/demo"

section() { printf '\n==== %s ====\n' "$*"; }

section "Setup"
scripts/setup.sh

section "Build"
swift build -c debug
bunker="$repo/.build/debug/bunker"

section "Moto server (request authentication on)"
scripts/moto-down.sh "$run_dir" >/dev/null
trap 'scripts/moto-down.sh "$run_dir"' EXIT
scripts/moto-up.sh "$run_dir"
set -a
# shellcheck source=/dev/null
. "$run_dir/env"
set +a

section "Seed demo secrets, keys and buckets (admin user)"
.venv/bin/python scripts/seed_demo.py "$run_dir/bunker.json"

# From here on only the least-privilege user: policies/iam/bunker-snapshot.json.
export AWS_ACCESS_KEY_ID="$BUNKER_ACCESS_KEY_ID"
export AWS_SECRET_ACCESS_KEY="$BUNKER_SECRET_ACCESS_KEY"
unset ADMIN_AWS_ACCESS_KEY_ID ADMIN_AWS_SECRET_ACCESS_KEY
config=(--config "$run_dir/bunker.json")

section "bunker snapshot"
snapshot_json="$("$bunker" "${config[@]}" snapshot --json)"
echo "$snapshot_json"
snapshot_id="$(printf '%s' "$snapshot_json" | .venv/bin/python -c \
    'import json, sys; print(json.load(sys.stdin)["id"])')"

section "bunker snapshots"
"$bunker" "${config[@]}" snapshots

section "bunker show $snapshot_id"
"$bunker" "${config[@]}" show "$snapshot_id"

section "bunker verify $snapshot_id"
"$bunker" "${config[@]}" verify "$snapshot_id"

section "Done"
echo "demo finished; moto log: $run_dir/moto.log"
