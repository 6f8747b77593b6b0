#!/usr/bin/env bash
# Builds Ouroboros's network-timing (release) and compares OuroborosNetwork with numpy/scipy, igraph and
# networkx on seeded random graphs (CSR build, SCC, cycles ≤ 4, Eisenberg–Noe, DebtRank). Extra arguments
# go to compare_network_peers.py, e.g.
#   bench/run_network.sh --nodes 100000 --edges 1000000 --peer-repeats 3
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
# A no-op (no download) once they are installed.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements-network.txt"

echo "building network-timing (release, scratch path $scratch)" >&2
swift build -c release --package-path "$repo/Benchmarks" --scratch-path "$scratch" --disable-build-manifest-caching --product network-timing >&2
bin="$(swift build -c release --package-path "$repo/Benchmarks" --scratch-path "$scratch" --show-bin-path)/network-timing"

exec "$venv/bin/python" "$here/compare_network_peers.py" --swift-bin "$bin" "$@"
