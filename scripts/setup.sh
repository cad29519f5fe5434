#!/usr/bin/env bash
# Prepare a fresh Debian 12 machine for building and testing Bunker. Idempotent.
#
# 1. Installs the missing Debian packages (C libraries, python3-venv, GNU time).
# 2. Creates .venv in the repository with the pinned set in scripts/requirements.txt
#    (moto server, boto3, ...). Skipped when .venv/.requirements.sha256 matches.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

debs=(libcurl4-openssl-dev libssl-dev libarchive-dev zlib1g-dev python3-venv time)

missing=()
for pkg in "${debs[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} > 0)); then
    echo "setup: installing Debian packages: ${missing[*]}"
    sudo_cmd=()
    if [[ "$(id -u)" != 0 ]]; then
        if command -v sudo >/dev/null; then
            sudo_cmd=(sudo)
        else
            echo "setup: need root or sudo to install: ${missing[*]}" >&2
            exit 1
        fi
    fi
    "${sudo_cmd[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q "${missing[@]}"
else
    echo "setup: Debian packages present"
fi

req="scripts/requirements.txt"
stamp=".venv/.requirements.sha256"
python="${PYTHON:-python3}"
want="$( { sha256sum "$req" | cut -d' ' -f1; "$python" -c 'import sys; print(sys.version)'; } \
    | sha256sum | cut -d' ' -f1)"

if [[ -x .venv/bin/python && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "setup: .venv up to date"
    exit 0
fi

echo "setup: creating .venv from $req"
rm -rf .venv
"$python" -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check --no-deps -r "$req"
.venv/bin/pip check >/dev/null
echo "$want" > "$stamp"
echo "setup: .venv ready ($(.venv/bin/python --version), moto $(.venv/bin/python -c \
    'import moto; print(moto.__version__)'))"
