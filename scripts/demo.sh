#!/usr/bin/env bash
# `make demo`: set up, build, start moto (auth on) in ./run/demo, seed the demo world, then
# run Bunker with the least-privilege `bunker` user: snapshot, snapshots, show, verify;
# then break two secrets and restore them by date with the `bunker-restore` user.
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

# Step 2 of the demo: the bad day. Someone deletes a secret for good and overwrites
# another; restore them by date with the restore user (policies/iam/bunker-restore.json).
section "Disaster: prod/db/rotated-creds deleted, prod/payments/db-password overwritten"
.venv/bin/python scripts/demo_damage.py
restore_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

section "bunker restore --at $restore_at --dry-run"
export AWS_ACCESS_KEY_ID="$RESTORE_ACCESS_KEY_ID"
export AWS_SECRET_ACCESS_KEY="$RESTORE_SECRET_ACCESS_KEY"
"$bunker" "${config[@]}" restore --at "$restore_at" --dry-run

section "bunker restore --at $restore_at --yes"
"$bunker" "${config[@]}" restore --at "$restore_at" --yes

section "The deleted secret is back (versions and labels; values checked, not shown)"
.venv/bin/python scripts/demo_damage.py --check

section "Done"
echo "demo finished; moto log: $run_dir/moto.log"
