#!/usr/bin/env bash
# Builds Ouroboros's equations-timing (release) and compares it with pysolve, sfc-models and a numpy
# Newton solver on Godley & Lavoie's SIM and PC. Extra arguments go to compare_sfc_peers.py, e.g.
#   bench/run.sh --models sim --pysolve-runs 20
# Environment: PYTHON (default python3), SCRATCH_PATH (default Benchmarks/.build).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
venv="$here/.venv"
python="${PYTHON:-python3}"
scratch="${SCRATCH_PATH:-$repo/Benchmarks/.build}"

if [ ! -x "$venv/bin/python" ]; then
    echo "creating $venv" >&2
    "$python" -m venv "$venv"
fi
# Pinned versions; a no-op (no download) once they are installed.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"

echo "building equations-timing (release, scratch path $scratch)" >&2
# --disable-build-manifest-caching: the cached build plan does not notice source files added to the
# main package (a path dependency here), so a stale plan fails with "cannot find type".
swift build -c release --package-path "$repo/Benchmarks" --scratch-path "$scratch" --disable-build-manifest-caching --product equations-timing >&2
bin="$(swift build -c release --package-path "$repo/Benchmarks" --scratch-path "$scratch" --show-bin-path)/equations-timing"

exec "$venv/bin/python" "$here/compare_sfc_peers.py" --swift-bin "$bin" "$@"
