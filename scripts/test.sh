#!/usr/bin/env bash
# `make test`: set up, start moto (auth on) in a temporary run dir, then build and run the
# Swift tests with the moto environment exported. Extra arguments go to `swift test`.
#
# Exported for tests: everything in RUN_DIR/env (AWS_ENDPOINT_URL, AWS_REGION,
# BUNKER_ACCESS_KEY_ID/SECRET, ADMIN_AWS_ACCESS_KEY_ID/SECRET, MOTO_PID, MOTO_LOG, ...),
# BUNKER_TEST_RUN_DIR (the run dir) and BUNKER_VENV (the .venv, for
# "$BUNKER_VENV/bin/python scripts/seed_demo.py CONFIG --expect --namespace NS").
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

scripts/setup.sh

run_dir="$(mktemp -d "${TMPDIR:-/tmp}/bunker-test.XXXXXX")"
cleanup() {
    scripts/moto-down.sh "$run_dir" || true
    rm -rf "$run_dir"
}
trap cleanup EXIT

scripts/moto-up.sh "$run_dir"
set -a
# shellcheck source=/dev/null
. "$run_dir/env"
set +a
export BUNKER_TEST_RUN_DIR="$run_dir"
export BUNKER_VENV="$repo/.venv"

swift build
swift test "$@"
