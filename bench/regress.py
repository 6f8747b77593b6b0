#!/usr/bin/env python3
"""Helper of bench/regress (the performance regression guard); the standard library only.

  regress.py graphs --out DIR --nodes N --edges M --seed S   write the network-timing graph files once
  regress.py run --old-main DIR --old-bench DIR --new-main DIR --new-bench DIR ...
                                                              interleaved rounds, the table, the JSON

`run` exits 0 when no workload is more than 10 % slower, 1 when one is, 2 when a NEW tool fails.
"""
import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import time
from array import array

FASTER, SLOWER = 0.95, 1.10  # ratio new/old: < FASTER is `faster`, > SLOWER is `SLOWER`, else `same`
NETWORK_KERNELS = {  # workload -> (network-timing --only value, key of its result under "large")
    "scc": ("scc", "scc"),
    "en_fixed_point": ("en_fixed_point", "en_fixed_point"),
    "debtrank": ("debtrank", "debtrank_differential"),
}


def log(message):
    print(message, file=sys.stderr, flush=True)


# MARK: graphs


def write_graphs(out, n, m, seed):
    """The recipe of compare_network_peers.py (uniform sources and targets, amounts 1 + k/100 with k in 0..999,
    self-loops dropped, parallel edges merged; e = 0.2·p̄·u, E = 2p̄ + 1, h = 1 on 0.1 % of the nodes), drawn
    with Python's random.Random(seed) instead of numpy so that it needs nothing installed. The edges come out
    in the order drawn, which is random already."""
    t0 = time.perf_counter()
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    draws = [array("I", rng.randbytes(4 * m)) for _ in range(3)]
    merged = {}
    get = merged.get
    for s, d, k in zip(*draws):
        s %= n
        d %= n
        if s != d:
            key = s * n + d
            merged[key] = get(key, 0.0) + (1.0 + (k % 1000) / 100.0)
    del draws
    src = array("i", [key // n for key in merged])
    dst = array("i", [key % n for key in merged])
    amt = array("d", merged.values())
    del merged
    pbar = [0.0] * n
    for s, a in zip(src, amt):
        pbar[s] += a
    ext = array("d", [p * 0.2 * rng.random() for p in pbar])
    equity = array("d", [2.0 * p + 1.0 for p in pbar])
    shock = array("d", bytes(8 * n))
    for i in rng.sample(range(n), max(1, n // 1000)):
        shock[i] = 1.0
    prefix = os.path.join(out, "large")
    for suffix, values in [("src.i32", src), ("dst.i32", dst), ("amt.f64", amt), ("ext.f64", ext), ("equity.f64", equity), ("shock.f64", shock)]:
        if sys.byteorder != "little":
            values.byteswap()
        with open(f"{prefix}.{suffix}", "wb") as f:
            values.tofile(f)
    with open(prefix + ".nodes", "w") as f:
        f.write(f"{n}\n")
    with open(os.path.join(out, "recipe.json"), "w") as f:
        json.dump({"nodes": n, "candidate_edges": m, "edges": len(src), "seed": seed, "generator": "bench/regress.py graphs"}, f)
    log(f"graphs: {n} nodes, {len(src)} edges drawn and written in {time.perf_counter() - t0:.0f} s")


# MARK: workloads


class Workload:
    def __init__(self, name, tool, args, unit, read, group=None):
        self.name, self.tool, self.args, self.unit, self.read, self.group = name, tool, args, unit, read, group


def json_field(*path, scale=1.0):
    def read(stdout, wall):
        value = json.loads(stdout)
        for key in path:
            value = value[key]
        return float(value) * scale

    return read


def workloads(options):
    graph = os.path.join(options.graphs, "large")
    kernels = [w for w in NETWORK_KERNELS if w in options.only]
    network_args = ["--large", graph, "--large-repeats", str(options.large_repeats)]
    for w in kernels:
        network_args += ["--only", NETWORK_KERNELS[w][0]]
    mc = f"montecarlo-{options.mc_runs}"
    every = [
        Workload("engine", "engine-timing", ["--runs", "50", "--repeats", "7"], "ms", json_field("median_ms", scale=1e-3)),
        Workload(mc, "ouroboros", ["montecarlo", "--runs", str(options.mc_runs), "--no-store", "--quiet", "--threads", "2", "--format", "json"],
                 "s", lambda stdout, wall: wall),
        Workload("sim-ensemble", "equations-timing", ["--model", "sim", "--runs", "1000", "--periods", "100", "--repeats", "5"], "s",
                 json_field("median_seconds")),
    ] + [Workload(w, "network-timing", network_args, "s", json_field("large", NETWORK_KERNELS[w][1], "median_seconds"), group="network")
         for w in kernels]
    return [w for w in every if w.name in options.only or (w.name == mc and "montecarlo" in options.only)]


def tool_path(side, tool, options):
    if tool in getattr(options, f"{side}_broken"):
        return None
    directory = getattr(options, f"{side}_main" if tool == "ouroboros" else f"{side}_bench")
    path = os.path.join(directory, tool)
    return path if os.access(path, os.X_OK) else None


def run_once(path, args, timeout, capture_to):
    """Runs one invocation; returns (returncode, stdout text, stderr text, wall seconds, sha256 of stdout)."""
    start = time.perf_counter()
    with open(capture_to, "wb") as out:
        try:
            proc = subprocess.run([path] + args, stdout=out, stderr=subprocess.PIPE, timeout=timeout)
            code, err = proc.returncode, proc.stderr.decode(errors="replace")
        except subprocess.TimeoutExpired:
            code, err = -1, f"timed out after {timeout} s"
    wall = time.perf_counter() - start
    with open(capture_to, "rb") as f:
        data = f.read()
    return code, data.decode(errors="replace"), err, wall, hashlib.sha256(data).hexdigest()


def median(xs):
    s = sorted(xs)
    k = len(s)
    return s[k // 2] if k % 2 else 0.5 * (s[k // 2 - 1] + s[k // 2])


def verdict(ratio):
    return "faster" if ratio < FASTER else "SLOWER" if ratio > SLOWER else "same"


def show(value, unit):
    if unit == "ms":
        return f"{value * 1e3:.3f} ms"
    return f"{value:.3f} s" if value < 10 else f"{value:.2f} s"


def last_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "(no output)"


def run(options):
    started = time.time()
    work = options.work
    os.makedirs(os.path.join(work, "out"), exist_ok=True)
    chosen = workloads(options)
    sides = ["old", "new"]
    state = {}  # name -> {"old": [...], "new": [...], "hash": {...}, "skip": reason, "error": reason}
    for w in chosen:
        state[w.name] = {"old": [], "new": [], "hash": {"old": set(), "new": set()}, "skip": None, "error": None}
        for side in sides:
            if tool_path(side, w.tool, options) is None:
                reason = f"{side.upper()} tree has no {w.tool} (the build failed: .build-regress/logs/)"
                state[w.name]["error" if side == "new" else "skip"] = reason
                log(f"{'ERROR' if side == 'new' else 'skip'} {w.name}: {reason}")
                break
    commands = {w.name: " ".join([w.tool] + w.args) for w in chosen}
    loads = []  # 1-minute load average at the start of each round
    log(f"{options.rounds} rounds, interleaved (old, new, then new, old, ...), of: {', '.join(w.name for w in chosen)}")
    for r in range(options.rounds):
        order = sides if r % 2 == 0 else sides[::-1]
        done_groups = {}  # group -> {side: stdout} (one network-timing run serves every kernel of a round)
        loads.append(os.getloadavg()[0])
        log(f"round {r + 1}/{options.rounds} ({order[0]} first; load average {loads[-1]:.1f} on {os.cpu_count()} cores)")
        for w in chosen:
            st = state[w.name]
            if st["skip"] or st["error"]:
                continue
            for side in order:
                path = tool_path(side, w.tool, options)
                cached = done_groups.get(w.group, {}).get(side) if w.group else None
                if cached is None:
                    capture = os.path.join(work, "out", f"{w.group or w.name}-{side}.out")
                    code, stdout, stderr, wall, digest = run_once(path, w.args, options.timeout, capture)
                    if w.group:
                        done_groups.setdefault(w.group, {})[side] = (code, stdout, stderr, wall, digest)
                else:
                    code, stdout, stderr, wall, digest = cached
                if code != 0:
                    reason = f"{side.upper()} {w.tool} exited {code}: {last_line(stderr)}"
                    if side == "old":
                        reason += " (a flag or task the OLD tool lacks?)"
                    st["error" if side == "new" else "skip"] = reason
                    log(f"{'ERROR' if side == 'new' else 'skip'} {w.name}: {reason}")
                    break
                try:
                    value = w.read(stdout, wall)
                except (ValueError, KeyError, TypeError) as error:
                    reason = f"{side.upper()} {w.tool}'s output has no {error} (its JSON differs)"
                    st["error" if side == "new" else "skip"] = reason
                    log(f"{'ERROR' if side == 'new' else 'skip'} {w.name}: {reason}")
                    break
                st[side].append(value)
                st["hash"][side].add(digest)
                log(f"  {w.name:<16} {side}: {show(value, w.unit)}")
    # MARK: table
    rows, results, slower, failed = [], [], [], []
    for w in chosen:
        st = state[w.name]
        entry = {"workload": w.name, "command": commands[w.name], "unit": w.unit, "old_values": st["old"], "new_values": st["new"]}
        if st["error"] or st["skip"] or not st["old"] or not st["new"]:
            reason = st["error"] or st["skip"] or "no measurement"
            entry["skipped"] = reason
            if st["error"]:
                failed.append(w.name)
            rows.append((w.name, "-", "-", "-", "ERROR" if st["error"] else "skipped", ""))
        else:
            old, new = median(st["old"]), median(st["new"])
            # Each round runs old and new back to back: the median of the rounds' ratios cancels load that
            # drifts from round to round better than the ratio of the two medians (kept in the JSON).
            round_ratios = [n / o for o, n in zip(st["old"], st["new"])]
            ratio = median(round_ratios)
            v = verdict(ratio)
            if v == "SLOWER":
                slower.append(f"{w.name} ×{ratio:.2f}")
            spread = "/".join(f"{(max(xs) - min(xs)) / median(xs) * 100:.0f}%" for xs in (st["old"], st["new"]))
            entry.update({"old_median": old, "new_median": new, "ratio": ratio, "round_ratios": round_ratios,
                          "ratio_of_medians": new / old, "verdict": v})
            rows.append((w.name, show(old, w.unit), show(new, w.unit), f"{ratio:.3f}", v, spread))
        if w.tool == "ouroboros" and st["hash"]["old"] and st["hash"]["new"]:
            same = st["hash"]["old"] == st["hash"]["new"] and len(st["hash"]["old"]) == 1
            entry["same_bytes"] = same
            entry["distinct_outputs"] = {side: sorted(st["hash"][side]) for side in sides}
        results.append(entry)
    header = ("workload", "old median", "new median", "new/old", "verdict", "spread old/new")  # new/old: median of the rounds' ratios
    widths = [max(len(str(row[i])) for row in rows + [header]) for i in range(len(header))]
    print()
    print(f"OLD {options.old_label}   NEW {options.new_label}   rounds {options.rounds}")
    print("  ".join(h.ljust(widths[i]) if i in (0, 4) else h.rjust(widths[i]) for i, h in enumerate(header)).rstrip())
    print("  ".join("-" * width for width in widths))
    for row in rows:
        print("  ".join(str(c).ljust(widths[i]) if i in (0, 4) else str(c).rjust(widths[i]) for i, c in enumerate(row)).rstrip())
    print()
    for entry in results:
        if "skipped" in entry:
            print(f"{entry['workload']}: {'ERROR' if entry['workload'] in failed else 'skipped'}: {entry['skipped']}")
        if "same_bytes" in entry:
            note = "" if entry["same_bytes"] else (
                f" (old outputs {len(entry['distinct_outputs']['old'])} distinct, new {len(entry['distinct_outputs']['new'])};"
                f" last ones kept in {os.path.join(work, 'out')})")
            print(f"{entry['workload']}: same bytes: {'yes' if entry['same_bytes'] else 'no'}{note}")
    busy = max(loads, default=0.0)  # our own workloads keep up to one or two cores busy themselves
    if busy > (os.cpu_count() or 1) + 0.5:
        print(f"note: the machine was busy (load average up to {busy:.1f} on {os.cpu_count()} cores): verdicts near the thresholds "
              "are noise-prone; look at the spread, or rerun with more --rounds")
    code = 2 if failed else 1 if slower else 0
    measured = [e for e in results if "verdict" in e]
    parts = []
    if failed:
        parts.append(f"ERROR: the NEW tree could not build or run {', '.join(failed)}")
    if slower:
        parts.append(f"SLOWER: {', '.join(slower)} (more than {SLOWER - 1:.0%} over OLD)")
    if not parts:
        parts.append(f"OK: {len(measured)} workloads, none more than {SLOWER - 1:.0%} slower")
    final = "regress: " + "; ".join(parts)
    skipped = len(results) - len(measured) - len(failed)
    print(final + (f"; {skipped} skipped" if skipped else "") + f" (exit {code})")
    report = {
        "old": {"label": options.old_label, "sha": options.old_sha}, "new": {"label": options.new_label, "head": options.new_head},
        "rounds": options.rounds, "quick": options.quick, "thresholds": {"faster_below": FASTER, "slower_above": SLOWER},
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)), "seconds": round(time.time() - started, 1),
        "load_average_rounds": loads, "load_average_end": os.getloadavg(), "cpus": os.cpu_count(), "graphs": options.graphs, "workloads": results, "exit": code,
    }
    if options.json:
        os.makedirs(os.path.dirname(os.path.abspath(options.json)), exist_ok=True)
        with open(options.json, "w") as f:
            json.dump(report, f, indent=1)
        log(f"numbers written to {options.json}")
    return code


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    g = sub.add_parser("graphs")
    g.add_argument("--out", required=True)
    g.add_argument("--nodes", type=int, required=True)
    g.add_argument("--edges", type=int, required=True)
    g.add_argument("--seed", type=int, required=True)
    r = sub.add_parser("run")
    for side in ("old", "new"):
        r.add_argument(f"--{side}-main", required=True, help="bin directory of the main package (ouroboros)")
        r.add_argument(f"--{side}-bench", required=True, help="bin directory of the Benchmarks package")
    r.add_argument("--old-label", default="old")
    r.add_argument("--old-sha", default="")
    r.add_argument("--new-label", default="working tree")
    r.add_argument("--new-head", default="")
    r.add_argument("--rounds", type=int, default=5)
    r.add_argument("--quick", action="store_true")
    r.add_argument("--mc-runs", type=int, default=2000)
    r.add_argument("--large-repeats", type=int, default=3)
    r.add_argument("--only", default="engine,montecarlo,sim-ensemble,scc,en_fixed_point,debtrank")
    r.add_argument("--graphs", required=True)
    r.add_argument("--work", required=True)
    r.add_argument("--timeout", type=float, default=600)
    r.add_argument("--json", default="")
    r.add_argument("--old-broken", default="", help="products that failed to build in OLD (comma-separated)")
    r.add_argument("--new-broken", default="", help="products that failed to build in NEW")
    options = ap.parse_args()
    if options.command == "graphs":
        write_graphs(options.out, options.nodes, options.edges, options.seed)
        return 0
    options.only = set(options.only.split(","))
    options.old_broken = set(filter(None, options.old_broken.split(",")))
    options.new_broken = set(filter(None, options.new_broken.split(",")))
    return run(options)


if __name__ == "__main__":
    sys.exit(main())
