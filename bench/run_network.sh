#!/usr/bin/env bash
# Builds Ouroboros's network-timing (release) and compares OuroborosNetwork with numpy/scipy, igraph and
# networkx on seeded random graphs (CSR build, SCC, cycles ≤ 4, Eisenberg–Noe, DebtRank). Extra arguments
# go to compare_network_peers.py, e.g.
#   bench/run_network.sh --nodes 100000 --edges 1000000 --peer-repeats 3
# Environment: PYTHON (default python3), SCRATCH_PATH (default Benchmarks/.build).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_prepare requirements-network.txt network-timing
exec "$venv/bin/python" "$here/compare_network_peers.py" --swift-bin "$bin" "$@"
