#!/usr/bin/env bash
# Start a moto server on a free loopback port with request authentication on, create the
# IAM users Bunker's tests and demo use, and write a sourceable RUN_DIR/env.
#
# Usage: scripts/moto-up.sh RUN_DIR
# Writes: RUN_DIR/moto.pid, RUN_DIR/moto.log (one line per request), RUN_DIR/env with
#   AWS_ENDPOINT_URL, AWS_REGION, AWS_DEFAULT_REGION, MOTO_PID, MOTO_PORT, MOTO_LOG, and
#   <ROLE>_ACCESS_KEY_ID / <ROLE>_SECRET_ACCESS_KEY for each IAM user (least privilege,
#   policies/iam): BUNKER (the appliance), RESTORE, SETUP; and ADMIN_AWS (everything,
#   for seeding and for playing the attacker in tests).
# Stop it with scripts/moto-down.sh RUN_DIR. Needs .venv (scripts/setup.sh).
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 RUN_DIR" >&2
    exit 2
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
py="$repo/.venv/bin/python"
if [[ ! -x "$repo/.venv/bin/moto_server" ]]; then
    echo "moto-up: $repo/.venv has no moto_server; run scripts/setup.sh first" >&2
    exit 1
fi

mkdir -p "$1"
run_dir="$(cd "$1" && pwd)"
log="$run_dir/moto.log"

if [[ -f "$run_dir/moto.pid" ]] && kill -0 "$(cat "$run_dir/moto.pid")" 2>/dev/null; then
    echo "moto-up: a moto server is already running for $run_dir" \
        "(pid $(cat "$run_dir/moto.pid")); run scripts/moto-down.sh $run_dir" >&2
    exit 1
fi
rm -f "$run_dir/env" "$run_dir/moto.pid"

port="$("$py" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])')"
endpoint="http://127.0.0.1:$port"

# Exactly the requests bootstrap_iam.py makes before it expects authentication.
no_auth="$("$py" "$repo/scripts/bootstrap_iam.py" --count)"

INITIAL_NO_AUTH_ACTION_COUNT="$no_auth" \
    nohup "$repo/.venv/bin/moto_server" -H 127.0.0.1 -p "$port" \
    >"$log" 2>&1 </dev/null &
pid=$!
echo "$pid" > "$run_dir/moto.pid"

fail() {
    echo "moto-up: $1" >&2
    echo "--- last lines of $log ---" >&2
    tail -n 20 "$log" >&2 || true
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -f "$run_dir/moto.pid"
    exit 1
}

# The moto-api routes do not count against INITIAL_NO_AUTH_ACTION_COUNT.
if ! "$py" - "$endpoint" "$pid" <<'PYEOF'
import os, sys, time, urllib.request
endpoint, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("moto server exited during start-up")
    try:
        with urllib.request.urlopen(endpoint + "/moto-api/config", timeout=2) as reply:
            if 200 <= reply.status < 300:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.2)
sys.exit("moto server did not answer within 30 s")
PYEOF
then
    fail "moto server on $endpoint is not answering"
fi

if ! creds="$("$py" "$repo/scripts/bootstrap_iam.py" "$endpoint" \
        "$repo/policies/iam")"; then
    fail "IAM bootstrap or authentication checks failed"
fi

umask 077
{
    echo "# Written by scripts/moto-up.sh; source it. Test credentials for a local moto only."
    echo "AWS_ENDPOINT_URL=$endpoint"
    echo "AWS_REGION=eu-north-1"
    echo "AWS_DEFAULT_REGION=eu-north-1"
    echo "$creds"
    echo "MOTO_PID=$pid"
    echo "MOTO_PORT=$port"
    echo "MOTO_LOG=$log"
} > "$run_dir/env"

echo "moto-up: moto $endpoint (pid $pid), auth on; env in $run_dir/env"
