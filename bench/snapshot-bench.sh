#!/usr/bin/env bash
# Benchmark `bunker snapshot` against moto: N secrets x K versions.
# Usage: bench/snapshot-bench.sh N K     (see bench/README.md)
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 SECRETS VERSIONS_PER_SECRET" >&2
    exit 2
fi
count="$1"
versions="$2"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
run_dir="$repo/run/bench"
bunker="${BUNKER_BIN:-$repo/.build/debug/bunker}"  # BUNKER_BIN: try another build
py="$repo/.venv/bin/python"

scripts/setup.sh >/dev/null
[[ -x "$bunker" ]] || swift build -c debug

scripts/moto-down.sh "$run_dir" >/dev/null
rm -rf "$run_dir"
mkdir -p "$run_dir"
trap 'scripts/moto-down.sh "$run_dir" >/dev/null; rm -f "$run_dir/recording.jsonl"' EXIT

# The recorder logs each request with its headers, so requests can be told apart by
# service (the werkzeug access log shows only "POST /" for Secrets Manager and KMS).
export MOTO_RECORDER_FILEPATH="$run_dir/recording.jsonl"
scripts/moto-up.sh "$run_dir" >/dev/null
set -a
# shellcheck source=/dev/null
. "$run_dir/env"
set +a

echo "seeding $count secrets x $versions versions ..."
"$py" bench/seed_bench.py "$count" "$versions" "$run_dir/bunker.json"

: > "$MOTO_RECORDER_FILEPATH"
curl_post() { "$py" -c 'import sys, urllib.request
urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=b"", method="POST")).read()' "$1"; }
curl_post "$AWS_ENDPOINT_URL/moto-api/recorder/start-recording"

AWS_ACCESS_KEY_ID="$BUNKER_ACCESS_KEY_ID" AWS_SECRET_ACCESS_KEY="$BUNKER_SECRET_ACCESS_KEY" \
    /usr/bin/time -v -o "$run_dir/time.txt" \
    "$bunker" --config "$run_dir/bunker.json" snapshot --json > "$run_dir/snapshot.json"

curl_post "$AWS_ENDPOINT_URL/moto-api/recorder/stop-recording"
"$py" bench/count_requests.py "$MOTO_RECORDER_FILEPATH" > "$run_dir/requests.json"

"$py" - "$count" "$versions" "$run_dir" <<'PYEOF'
import json, re, sys
count, versions, run_dir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
timing = open(f"{run_dir}/time.txt").read()
wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", timing).group(1)
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1))
requests = json.load(open(f"{run_dir}/requests.json"))
sm = requests["byService"].get("secretsmanager", 0)
rows = [
    ("secrets", str(count)),
    ("versions per secret", str(versions)),
    ("versions total", str(count * versions)),
    ("wall time (m:ss)", wall),
    ("secretsmanager requests", str(sm)),
    ("secretsmanager requests per secret", f"{sm / max(count, 1):.2f}"),
    ("all requests (incl. kms, s3)", str(requests["total"])),
    ("peak RSS (MiB)", f"{rss_kb / 1024:.1f}"),
]
width = max(len(name) for name, _ in rows)
for name, value in rows:
    print(f"{name.ljust(width)}  {value}")
print("requests by action:", ", ".join(f"{k}={v}" for k, v in sorted(requests["byAction"].items())))
PYEOF
