# Shared by bench/run*.sh: `bench_prepare REQUIREMENTS PRODUCT` makes bench/.venv, installs the pinned
# requirements (a no-op once installed), builds PRODUCT of the Benchmarks package in release mode and
# sets $venv and $bin. Environment: PYTHON (default python3), SCRATCH_PATH (default Benchmarks/.build).
bench_prepare() {
    local requirements=$1 product=$2
    here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
    repo="$(dirname "$here")"
    venv="$here/.venv"
    local python="${PYTHON:-python3}"
    local scratch="${SCRATCH_PATH:-$repo/Benchmarks/.build}"
    if [ ! -x "$venv/bin/python" ]; then
        echo "creating $venv" >&2
        "$python" -m venv "$venv"
    fi
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/$requirements"
    echo "building $product (release, scratch path $scratch)" >&2
    # --disable-build-manifest-caching: the cached build plan does not notice source files added to the
    # main package (a path dependency here), so a stale plan fails with "cannot find type".
    swift build -c release --package-path "$repo/Benchmarks" --scratch-path "$scratch" --disable-build-manifest-caching --product "$product" >&2
    bin="$(swift build -c release --package-path "$repo/Benchmarks" --scratch-path "$scratch" --show-bin-path)/$product"
}
