#!/usr/bin/env bash
# Stop the moto server started by scripts/moto-up.sh RUN_DIR (by its recorded PID) and wait
# for it to exit. Quiet and successful when nothing is running.
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 RUN_DIR" >&2
    exit 2
fi

pid_file="$1/moto.pid"
[[ -f "$pid_file" ]] || exit 0
pid="$(cat "$pid_file")"

if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "moto-down: pid $pid ignored SIGTERM for 5 s; sending SIGKILL" >&2
        kill -9 "$pid" 2>/dev/null || true
    fi
fi
rm -f "$pid_file"
echo "moto-down: stopped moto (pid $pid)"
