#!/usr/bin/env bash
# Builds Ouroboros's equations-timing (release) and compares it with pysolve, sfc-models and a numpy
# Newton solver on Godley & Lavoie's SIM and PC. Extra arguments go to compare_sfc_peers.py, e.g.
#   bench/run.sh --models sim --pysolve-runs 20
# Environment: PYTHON (default python3), SCRATCH_PATH (default Benchmarks/.build).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_prepare requirements.txt equations-timing
exec "$venv/bin/python" "$here/compare_sfc_peers.py" --swift-bin "$bin" "$@"
