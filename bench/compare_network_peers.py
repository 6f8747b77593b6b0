#!/usr/bin/env python3
"""Ouroboros's network algorithms (network-timing, Swift) against numpy/scipy, igraph and networkx.

Graphs (one recipe, written once to binary files that both sides read, so the inputs are bit-identical):
  * n nodes, m candidate edges from numpy's default_rng(seed): sources and targets uniform in [0, n),
    amounts 1 + k/100 with k uniform in {0..999}; self-loops dropped, parallel edges merged (amounts
    summed), then the edge order shuffled. Written with ndarray.tofile as PREFIX.src.i32 / .dst.i32 (int32)
    and PREFIX.amt.f64 (float64), with the node count in PREFIX.nodes.
  * large (default 1M nodes / 10M edges) also gets, with p̄ = out-strength (obligations):
    external assets e_i = p̄_i · 0.2 · u_i, u_i uniform [0, 1) (many banks default);
    DebtRank equity E_i = 2 · p̄_i + 1 and a shock h_i = 1 on 0.1 % of the nodes (others 0).
Tasks: CSR build, SCC, Eisenberg–Noe fixed point, DebtRank (differential), funds trace on the large graph;
elementary cycles of length ≤ 4 on 10k/100k and 1k/10k. The funds trace (about a minute in Swift, three in
numpy per repeat) runs only with --trace (added to everything) or --trace-only (on its own).

Funds trace: 8 origins = the first 8 distinct SplitMix64 draws (seed 20261121) mod n, no opening balances
(a balance makes its node a label); the nodes nobody pays are labels too. The peer solves the same system
with all label columns at once: Jacobi steps X ← B + W X (scipy.sparse times a dense n × labels matrix)
each followed by the same pool-weighted shift per column as Ouroboros (plain Jacobi would need ~5e5 steps:
the money leaks out of the giant cycle at ~6e-5 a step), to the same stopping rule, and compares the
origins' shares of every node.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.csgraph as csgraph


def log(*a):
    print("[compare]", *a, file=sys.stderr, flush=True)


def make_graph(n, m, seed):
    rng = np.random.default_rng(seed)
    src = rng.integers(0, n, m, dtype=np.int64)
    dst = rng.integers(0, n, m, dtype=np.int64)
    amt = 1.0 + rng.integers(0, 1000, m).astype(np.float64) / 100.0
    keep = src != dst
    src, dst, amt = src[keep], dst[keep], amt[keep]
    key = src * n + dst
    uniq, inverse = np.unique(key, return_inverse=True)
    amt = np.bincount(inverse, weights=amt, minlength=len(uniq))
    src, dst = (uniq // n), (uniq % n)
    perm = rng.permutation(len(uniq))
    return n, src[perm].astype(np.int32), dst[perm].astype(np.int32), amt[perm], rng


def write_graph(prefix, n, src, dst, amt):
    src.tofile(prefix + ".src.i32")
    dst.tofile(prefix + ".dst.i32")
    amt.astype(np.float64).tofile(prefix + ".amt.f64")
    with open(prefix + ".nodes", "w") as f:
        f.write(f"{n}\n")


def timeit(fn, repeats, warmup=True):
    if warmup:
        fn()
    times, out = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return float(np.median(times)), out, times


# ---------------------------------------------------------------- peers
def en_fixed_point(n, src, dst, amt, ext, tol):
    """p ← min(p̄, e + Πᵀp) from p = p̄ until max|Δp| ≤ tol·max p̄ (Ouroboros's fixed-point rule)."""
    t0 = time.perf_counter()
    pbar = np.bincount(src, weights=amt, minlength=n)
    pi_t = sp.csr_matrix((amt / pbar[src], (dst, src)), shape=(n, n))  # row i = what i receives
    t1 = time.perf_counter()
    p = pbar.copy()
    stop = tol * pbar.max()
    it = 0
    while True:
        it += 1
        new = np.minimum(pbar, ext + pi_t @ p)
        step = np.max(np.abs(new - p))
        p = new
        if step <= stop or it >= 100_000:
            break
    t2 = time.perf_counter()
    return p, it, t1 - t0, t2 - t1


def debtrank_differential(n, src, dst, amt, equity, shock, tol=1e-12):
    t0 = time.perf_counter()
    w = sp.csr_matrix((np.minimum(1.0, amt / equity[src]), (src, dst)), shape=(n, n))
    t1 = time.perf_counter()
    prev = np.zeros(n)
    h = shock.copy()
    it = 0
    while True:
        it += 1
        nxt = np.minimum(1.0, h + w @ (h - prev))
        step = np.max(nxt - h)
        prev, h = h, nxt
        if step <= tol or it >= 100_000:
            break
    t2 = time.perf_counter()
    return h, it, t1 - t0, t2 - t1


def seeded_origins(count, n):
    """The first `count` distinct SplitMix64 draws (seed 20261121) modulo n, as network-timing draws them."""
    mask, state, out = (1 << 64) - 1, 20261121, []
    while len(out) < min(count, n):
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        z ^= z >> 31
        if z % n not in out:
            out.append(z % n)
    return out


def funds_trace(n, src, dst, amt, origins, tol=1e-12, max_steps=100_000):
    """Revenue shares of every node by label (proportional mixing, no balances): Jacobi + pool-weighted shift."""
    t0 = time.perf_counter()
    inflow = np.bincount(dst, weights=amt, minlength=n)
    outflow = np.bincount(src, weights=amt, minlength=n)
    is_origin = np.zeros(n, bool)
    is_origin[origins] = True
    emits = is_origin | ((inflow == 0) & (outflow > 0))  # origins and unfunded payers
    labels = np.flatnonzero(emits)
    column = np.full(n, -1)
    column[labels] = np.arange(len(labels))
    mixing = ~is_origin & (inflow > 0)
    pool = np.where(mixing, inflow, 1.0)
    mm = mixing[src] & mixing[dst] & (amt > 0)
    W = sp.csr_matrix((amt[mm] / pool[dst[mm]], (dst[mm], src[mm])), shape=(n, n))
    em = emits[src] & mixing[dst] & (amt > 0)
    B = sp.csr_matrix((amt[em] / pool[dst[em]], (dst[em], column[src[em]])), shape=(n, len(labels))).toarray()
    g = np.where(mixing, inflow - np.bincount(src[mm], weights=amt[mm], minlength=n), 0.0)
    G = g.sum()
    C = np.bincount(column[src[em]], weights=amt[em], minlength=len(labels))
    t1 = time.perf_counter()
    X = np.zeros((n, len(labels)))
    prev, steps = np.inf, 0
    while True:
        steps += 1
        new = B + W @ X
        shift = (C - g @ new) / G
        new[mixing] += shift
        change = float(np.max(np.abs(new - X)))
        X = new
        bound = tol * float(X.max())
        r = change / prev
        if change == 0 or (change <= bound and r < 1 and change * r / (1 - r) <= bound) or steps >= max_steps:
            break
        prev = change
    t2 = time.perf_counter()
    # Revenue: the pool mix for mixing nodes (no balances); origins sum what their payers send.
    out = X.copy()
    out[emits] = 0.0
    out[labels, np.arange(len(labels))] = 1.0
    payers = sp.csr_matrix((amt / np.where(inflow > 0, inflow, 1.0)[dst], (dst, src)), shape=(n, n))
    rev = X.copy()
    rest = np.flatnonzero(~mixing & (inflow > 0))
    rev[rest] = payers[rest] @ out
    rev[~mixing & (inflow == 0)] = 0.0
    return rev, labels, steps, t1 - t0, t2 - t1


def compare_trace(swift, work, L, args, add, size_l):
    """Runs the funds-trace peer and adds its rows (both sides on the same graph, origins and stopping rule)."""
    origins = seeded_origins(8, L["n"])
    times, steps = [], 0
    for _ in range(args.peer_repeats):
        t = time.perf_counter()
        rev, labels, steps, setup, loop = funds_trace(L["n"], L["src"], L["dst"], L["amt"], origins)
        times.append(time.perf_counter() - t)
    tr = swift["large"].get("trace") if swift else None
    if tr and "error" not in tr:
        sw = np.fromfile(os.path.join(work, "trace_shares.f64")).reshape(L["n"], len(origins))
        col = {int(v): i for i, v in enumerate(labels)}
        py = rev[:, [col[o] for o in origins]]
        d = float(np.max(np.abs(sw - py)))
        add("funds trace, 8 origins", "Ouroboros", size_l, tr["median_seconds"], None,
            f"{tr['labels']} labels, {tr['sweeps']} sweeps, {tr['entries']:,} shares", "coarse-corrected Gauss–Seidel, groups of 16 labels on 2 cores")
        add("funds trace, 8 origins", "numpy/scipy.sparse Jacobi + shift", size_l, float(np.median(times)), tr["median_seconds"],
            f"max|Δshare| {d:.2e} ({len(labels)} labels, {steps} steps)", f"setup {setup:.1f} s, {loop / steps:.2f} s/step; {args.peer_repeats} repeats")
    else:
        add("funds trace, 8 origins", "numpy/scipy.sparse Jacobi + shift", size_l, float(np.median(times)), None,
            f"{len(labels)} labels, {steps} steps", f"Ouroboros: {tr['error'] if tr else 'not run'}")
    log("trace done")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--swift-bin", help="built network-timing binary (omit with --skip-swift)")
    ap.add_argument("--skip-swift", action="store_true")
    ap.add_argument("--nodes", type=int, default=1_000_000)
    ap.add_argument("--edges", type=int, default=10_000_000)
    ap.add_argument("--seed", type=int, default=20261121)
    ap.add_argument("--repeats", type=int, default=5, help="repeats on the small graphs (both sides)")
    ap.add_argument("--large-repeats", type=int, default=3, help="repeats on the large graph (both sides)")
    ap.add_argument("--peer-repeats", type=int, default=2, help="repeats of slow peers (EN/DebtRank numpy, igraph SCC)")
    ap.add_argument("--nx-repeats", type=int, default=1, help="repeats of networkx simple_cycles")
    ap.add_argument("--tolerance", type=float, default=1e-10)
    ap.add_argument("--bandwidth", type=float, default=8e9, help="bytes/s for the clearing-sweep floor")
    ap.add_argument("--json", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "results", "network_latest.json"))
    ap.add_argument("--workdir", help="where the graph files go (default: a temporary directory)")
    ap.add_argument("--trace", action="store_true", help="also compare the funds trace (large graph)")
    ap.add_argument("--trace-only", action="store_true", help="compare only the funds trace (large graph)")
    args = ap.parse_args()

    tmp = None
    if args.workdir:
        work = args.workdir
        os.makedirs(work, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="ouroboros-net-")
        work = tmp.name

    t0 = time.perf_counter()
    graphs = {}
    for name, n, m, seed in [("large", args.nodes, args.edges, args.seed), ("10k", 10_000, 100_000, args.seed + 1), ("1k", 1_000, 10_000, args.seed + 2)]:
        n, src, dst, amt, rng = make_graph(n, m, seed)
        prefix = os.path.join(work, name)
        write_graph(prefix, n, src, dst, amt)
        g = {"n": n, "src": src, "dst": dst, "amt": amt, "prefix": prefix, "m": len(src)}
        if name == "large":
            pbar = np.bincount(src, weights=amt, minlength=n)
            g["ext"] = pbar * 0.2 * rng.random(n)
            g["equity"] = 2.0 * pbar + 1.0
            shock = np.zeros(n)
            shock[rng.choice(n, size=max(1, n // 1000), replace=False)] = 1.0
            g["shock"] = shock
            g["ext"].tofile(prefix + ".ext.f64")
            g["equity"].tofile(prefix + ".equity.f64")
            shock.tofile(prefix + ".shock.f64")
        graphs[name] = g
    log(f"graphs written to {work} in {time.perf_counter() - t0:.1f} s")
    L, G10, G1 = graphs["large"], graphs["10k"], graphs["1k"]
    size_l = f"{L['n'] // 1000}k/{L['m'] / 1e6:.1f}M" if L["n"] < 1_000_000 else f"{L['n'] / 1e6:g}M/{L['m'] / 1e6:.2f}M"
    size_10 = f"10k/{G10['m'] / 1000:.1f}k"
    size_1 = f"1k/{G1['m'] / 1000:.2f}k"

    swift = None
    if not args.skip_swift:
        cmd = [args.swift_bin, "--large", L["prefix"], "--cycles", G10["prefix"], "--cycles", G1["prefix"],
               "--repeats", str(args.repeats), "--large-repeats", str(args.large_repeats), "--out-dir", work,
               "--tolerance", repr(args.tolerance)] + (["--trace"] if args.trace else [])
        if args.trace_only:
            cmd = [args.swift_bin, "--large", L["prefix"], "--large-repeats", str(args.large_repeats), "--out-dir", work, "--only", "trace"]
        log("running", " ".join(cmd))
        t = time.perf_counter()
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
        swift = json.loads(out)
        log(f"network-timing done in {time.perf_counter() - t:.1f} s")
        env = dict(os.environ, MALLOC_MMAP_THRESHOLD_="131072")
        out = "{}" if args.trace_only else subprocess.run([args.swift_bin, "--memory-only", "--large", L["prefix"], "--tolerance", repr(args.tolerance)] + (["--trace"] if args.trace else []),
                             check=True, stdout=subprocess.PIPE, text=True, env=env).stdout
        memory = json.loads(out) or None
        swift["memory"] = memory
    else:
        memory = None

    rows = []  # task, tool, size, seconds, swift seconds, diff, note

    def add(task, tool, size, secs, ref, diff="", note=""):
        rows.append({"task": task, "tool": tool, "size": size, "seconds": secs, "ouroboros_seconds": ref, "diff": diff, "note": note})

    sl = swift["large"] if swift else None

    if args.trace_only:
        compare_trace(swift, work, L, args, add, size_l)
        for r in rows:
            ratio = f"{r['seconds'] / r['ouroboros_seconds']:.1f}×" if r["ouroboros_seconds"] else "—"
            print(f"| {r['task']} | {r['tool']} | {r['size']} | {r['seconds']:.4g} | {ratio} | {r['diff']} | {r['note']} |")
        if args.json:
            os.makedirs(os.path.dirname(args.json), exist_ok=True)
            with open(args.json, "w") as f:
                json.dump({"rows": rows, "swift": swift, "args": vars(args)}, f, indent=1)
        return

    # CSR build
    if sl:
        add("CSR build", "Ouroboros", size_l, sl["csr_build"]["median_seconds"], None)
    def scipy_csr():
        a = sp.csr_matrix((L["amt"], (L["src"], L["dst"])), shape=(L["n"], L["n"]))
        a.sum_duplicates()
        return a
    s, A, _ = timeit(scipy_csr, args.peer_repeats)
    add("CSR build", f"scipy {scipy.__version__} csr_matrix", size_l, s, sl and sl["csr_build"]["median_seconds"],
        f"edges {A.nnz} vs {sl['edges']}" if sl else "")
    log("scipy CSR", s)

    # SCC
    import igraph as ig
    t = time.perf_counter()
    gi = ig.Graph(n=L["n"], edges=np.column_stack([L["src"], L["dst"]]), directed=True)
    ig_build = time.perf_counter() - t
    log(f"igraph graph built in {ig_build:.1f} s")
    s, cl, _ = timeit(lambda: gi.connected_components(mode="strong"), args.peer_repeats)
    ig_count = len(cl)
    if sl:
        add("SCC", "Ouroboros", size_l, sl["scc"]["median_seconds"], None, f"{sl['scc']['component_count']} components")
    add("SCC", f"igraph {ig.__version__}", size_l, s, sl and sl["scc"]["median_seconds"],
        f"{ig_count} comps (Δ {ig_count - sl['scc']['component_count']})" if sl else f"{ig_count} components",
        f"graph build {ig_build:.1f} s not timed")
    del cl, gi
    s, (nc, _lab), _ = timeit(lambda: csgraph.connected_components(A, directed=True, connection="strong"), args.peer_repeats)
    add("SCC", "scipy csgraph", size_l, s, sl and sl["scc"]["median_seconds"],
        f"{nc} comps (Δ {nc - sl['scc']['component_count']})" if sl else f"{nc} components")
    log("SCC done")

    # Eisenberg–Noe
    floor = 16.0 * L["m"] / args.bandwidth
    en_times, p_py, it_py, sweep = [], None, 0, []
    for _ in range(args.peer_repeats):
        t = time.perf_counter()
        p_py, it_py, setup, loop = en_fixed_point(L["n"], L["src"], L["dst"], L["amt"], L["ext"], args.tolerance)
        en_times.append(time.perf_counter() - t)
        sweep.append(loop / it_py)
    pbar = np.bincount(L["src"], weights=L["amt"], minlength=L["n"])
    py_defaults = int(np.sum(p_py < pbar * (1 - 1e-12)))
    if sl:
        e = sl["en_fixed_point"]
        p_sw = np.fromfile(os.path.join(work, "en_payments.f64"))
        d = float(np.max(np.abs(p_sw - p_py)))
        add("EN clearing 1e-10 (fixed point)", "Ouroboros", size_l, e["median_seconds"], None,
            f"{e['iterations']} sweeps, {e['default_count']} defaults", f"{e['seconds_per_sweep'] * 1e3:.1f} ms/sweep (total/sweeps)")
        add("EN clearing 1e-10 (fixed point)", "scipy.sparse fixed point", size_l, float(np.median(en_times)), e["median_seconds"],
            f"max|Δp| {d:.2e} ({it_py} sweeps)", f"{np.median(sweep) * 1e3:.1f} ms/sweep (loop only); {args.peer_repeats} repeats")
        f = sl["en_fictitious_default"]
        p_fd = np.fromfile(os.path.join(work, "en_fd_payments.f64"))
        add("EN clearing (fictitious default)", "Ouroboros", size_l, f["median_seconds"], None,
            f"max|Δp| vs scipy {float(np.max(np.abs(p_fd - p_py))):.2e}", f"{f['iterations']} work units, {f['default_rounds']} rounds")
        add("EN sweep", "Ouroboros", size_l, e["seconds_per_sweep"], None, f"floor {floor * 1e3:.1f} ms", f"{e['seconds_per_sweep'] / floor:.2f}× floor")
        add("EN sweep", "scipy.sparse", size_l, float(np.median(sweep)), e["seconds_per_sweep"], f"floor {floor * 1e3:.1f} ms", f"{np.median(sweep) / floor:.2f}× floor")
    log("EN done")

    # DebtRank
    dr_times, per_it = [], []
    for _ in range(args.peer_repeats):
        t = time.perf_counter()
        h_py, it_dr, setup, loop = debtrank_differential(L["n"], L["src"], L["dst"], L["amt"], L["equity"], L["shock"])
        tot = time.perf_counter() - t
        dr_times.append(tot)
        per_it.append(tot / it_dr)
    if sl:
        r = sl["debtrank_differential"]
        h_sw = np.fromfile(os.path.join(work, "debtrank_distress.f64"))
        d = float(np.max(np.abs(h_sw - h_py)))
        add("DebtRank diff. per iteration", "Ouroboros", size_l, r["seconds_per_iteration"], None,
            f"{r['iterations']} iterations, R={r['debtrank']:.6f}", "total/iterations (includes checks and weights; W formed per edge)")
        add("DebtRank diff. per iteration", "numpy/scipy.sparse", size_l, float(np.median(per_it)), r["seconds_per_iteration"],
            f"max|Δh| {d:.2e} ({it_dr} iterations)", f"total/iterations (includes building W); {args.peer_repeats} repeats")
    log("DebtRank done")

    if args.trace:
        compare_trace(swift, work, L, args, add, size_l)

    # cycles
    sc = {c["nodes"]: c for c in swift["cycles"]} if swift else {}
    for G, size in [(G10, size_10), (G1, size_1)]:
        gi = ig.Graph(n=G["n"], edges=np.column_stack([G["src"], G["dst"]]), directed=True)
        reps = args.repeats if G["n"] <= 1000 else max(1, args.peer_repeats)
        s, cyc, _ = timeit(lambda: gi.simple_cycles(mode=ig.OUT, min=1, max=4), reps)
        ig_by = np.bincount([len(c) for c in cyc], minlength=5)[:5].tolist()
        ref = sc.get(G["n"])
        if ref:
            add("cycles ≤4", "Ouroboros", size, ref["median_seconds"], None, f"{ref['cycle_count']} cycles by len {ref['cycles_by_length'][1:]}")
        add("cycles ≤4", f"igraph {ig.__version__} simple_cycles", size, s, ref and ref["median_seconds"],
            f"{len(cyc)} cycles (Δ {len(cyc) - ref['cycle_count']})" if ref else f"{len(cyc)} cycles", f"by len {ig_by[1:]}; {reps} repeats")
        log("igraph cycles", size, s)
    import networkx as nx
    Gx = nx.DiGraph()
    Gx.add_nodes_from(range(G1["n"]))
    Gx.add_edges_from(zip(G1["src"].tolist(), G1["dst"].tolist()))
    s, cnt, _ = timeit(lambda: sum(1 for _ in nx.simple_cycles(Gx, length_bound=4)), args.nx_repeats, warmup=False)
    ref = sc.get(G1["n"])
    add("cycles ≤4", f"networkx {nx.__version__} simple_cycles", size_1, s, ref and ref["median_seconds"],
        f"{cnt} cycles (Δ {cnt - ref['cycle_count']})" if ref else f"{cnt} cycles", f"{args.nx_repeats} repeat(s), no warm-up")
    log("networkx cycles", s)

    # ---------------------------------------------------------------- table
    hdr = ["task", "tool", "size", "median s", "peer/Ouroboros", "result / largest difference", "note"]
    lines = []
    for r in rows:
        ratio = f"{r['seconds'] / r['ouroboros_seconds']:.1f}×" if r["ouroboros_seconds"] else "—"
        lines.append([r["task"], r["tool"], r["size"], f"{r['seconds']:.4g}", ratio, r["diff"], r["note"]])
    widths = [max(len(h), *(len(l[i]) for l in lines)) for i, h in enumerate(hdr)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(hdr, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for l in lines:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(l, widths)) + " |")
    print()
    print(f"Memory-bandwidth floor of one clearing sweep: 16 B/edge × {L['m']:,} edges / {args.bandwidth / 1e9:g} GB/s = {floor * 1e3:.1f} ms")
    if sl:
        csr = sl["csr_bytes"]
        print(f"CSR arrays: {csr / 2**20:.1f} MiB (rowStart 8 B/node + column 4 B/edge + weight 8 B/edge)")
        if memory:
            base = memory["rss_before_inputs_kB"] * 1024
            print(f"Peak RSS of network-timing --memory-only (one run per algorithm, inputs dropped after the CSR build, "
                  f"MALLOC_MMAP_THRESHOLD_=131072); baseline {base / 2**20:.1f} MiB (runtime + the e, E, shock input vectors) is subtracted:")
            print(f"  CSR resident: {(memory['rss_with_graph_kB'] * 1024 - base) / 2**20:.1f} MiB; "
                  f"CSR build peak incl. input arrays: {(memory['peak_rss_through_csr_build_kB'] * 1024 - base) / 2**20:.1f} MiB")
            for k, ph in memory["phases"].items():
                if ph["peak_kB"] < 0:
                    print(f"  {k}: peak not measurable (no /proc/self/clear_refs)")
                    continue
                peak = ph["peak_kB"] * 1024 - base
                print(f"  {k:24s} peak {peak / 2**20:7.1f} MiB = {peak / csr:.2f}× CSR (working memory above the resident graph "
                      f"{ph['extra_kB'] / 1024:.1f} MiB = {ph['extra_kB'] * 1024 / csr:.2f}× CSR)")
    # ---------------------------------------------------------------- issue 4 targets
    def ratio(task, tool_prefix, size=None):
        for r in rows:
            if r["task"] == task and r["tool"].startswith(tool_prefix) and (size is None or r["size"] == size) and r["ouroboros_seconds"]:
                return r["seconds"] / r["ouroboros_seconds"]
        return None
    if sl:
        targets = [
            ("SCC ≥ 3× igraph", ratio("SCC", "igraph"), 3.0),
            ("cycles ≤ 4 on 10k/100k ≥ 10× igraph", ratio("cycles ≤4", "igraph", size_10), 10.0),
            ("cycles ≤ 4 on 1k/10k ≥ 1,000× networkx", ratio("cycles ≤4", "networkx", size_1), 1000.0),
            ("Eisenberg–Noe to 1e-10 ≥ 4× scipy.sparse (total)", ratio("EN clearing 1e-10 (fixed point)", "scipy"), 4.0),
            ("DebtRank per iteration ≥ 3× numpy", ratio("DebtRank diff. per iteration", "numpy"), 3.0),
        ]
        print()
        print("Targets (issue 4):")
        for name, value, goal in targets:
            verdict = "—" if value is None else ("met" if value >= goal else "missed")
            shown = "n/a" if value is None else f"{value:.1f}×"
            print(f"  {name:50s} {shown:>9s}  {verdict}")
        per_sweep = sl["en_fixed_point"]["seconds_per_sweep"] / floor
        print(f"  {'EN sweep ≤ 1.5× the bandwidth floor':50s} {per_sweep:8.2f}×  {'met' if per_sweep <= 1.5 else 'missed'}")
        if memory:
            base = memory["rss_before_inputs_kB"] * 1024
            for k, ph in memory["phases"].items():
                if ph["peak_kB"] >= 0:
                    peak = (ph["peak_kB"] * 1024 - base) / csr
                    print(f"  {'peak memory ≤ 2× CSR: ' + k:50s} {peak:8.2f}×  {'met' if peak <= 2 else 'missed'}")
    if args.json:
        os.makedirs(os.path.dirname(args.json), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump({"rows": rows, "swift": swift, "floor_seconds": floor, "args": vars(args)}, f, indent=1)
    log(f"total {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
