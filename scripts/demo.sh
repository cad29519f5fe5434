#!/usr/bin/env bash
# `make demo`: set up, build, start moto (auth on) in ./run/demo, seed the demo world, then
# run Bunker with least-privilege users: init (setup), snapshot, snapshots, show, verify
# (the appliance); break two secrets and restore them by date (restore); a second
# snapshot and prune --dry-run under the standard retention policy (the appliance).
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

section "Seed demo secrets and keys (admin user)"
.venv/bin/python scripts/seed_demo.py "$run_dir/bunker.json" --no-buckets --retention standard
config=(--config "$run_dir/bunker.json")

# From here on only least-privilege users (policies/iam): first the setup role.
export AWS_ACCESS_KEY_ID="$SETUP_ACCESS_KEY_ID"
export AWS_SECRET_ACCESS_KEY="$SETUP_SECRET_ACCESS_KEY"

section "bunker init (creates the buckets, Object Lock for the standard policy)"
"$bunker" "${config[@]}" init

section "bunker init --check"
"$bunker" "${config[@]}" init --check

# The appliance: policies/iam/bunker-snapshot.json + bunker-prune.json.
export AWS_ACCESS_KEY_ID="$BUNKER_ACCESS_KEY_ID"
export AWS_SECRET_ACCESS_KEY="$BUNKER_SECRET_ACCESS_KEY"

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

# Step 3: retention. A second snapshot, then what the standard policy would let go.
export AWS_ACCESS_KEY_ID="$BUNKER_ACCESS_KEY_ID"
export AWS_SECRET_ACCESS_KEY="$BUNKER_SECRET_ACCESS_KEY"
section "bunker snapshot (the next night)"
"$bunker" "${config[@]}" snapshot

section "bunker prune --dry-run (policies/retention/standard.json)"
"$bunker" "${config[@]}" prune --dry-run

section "bunker prune --dry-run --policy keep-last-1.json (the older one is locked)"
printf '{"keep": {"last": 1}, "lock": {"mode": "GOVERNANCE"}}\n' > "$run_dir/keep-last-1.json"
"$bunker" "${config[@]}" prune --dry-run --policy "$run_dir/keep-last-1.json"

section "Done"
echo "demo finished; moto log: $run_dir/moto.log"
