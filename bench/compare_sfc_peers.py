#!/usr/bin/env python3
"""Compare Ouroboros's equation solver with Python SFC peers on Godley & Lavoie's SIM and PC.

Peers, each solving the same model with the same parameters, the same zero initial stocks and the
same horizon as Ouroboros's built-in `sim` and `pc`:

* pysolve 0.2.0 -- its default Gauss-Seidel solver, iterated to |step| <= 1e-12 (the package's own
  default stopping rule, rtol 1e-3 / atol 1e-4, stops ~1e-4 away from the solution, which would make
  the result comparison meaningless); a second row uses its Newton-Raphson solver.
* sfc-models 1.0.3 -- `sfc_models.gl_book` SIM and PC, its Jacobi-style iteration with the error
  tolerance set to 1e-12.
* numpy Newton -- a plain Newton solver written here, vectorised over the independent runs, with the
  Jacobian taken by complex-step differentiation (exact to rounding) and iterated to |step| <= 1e-13.

Ouroboros itself is timed by the Swift executable `equations-timing` (Benchmarks/ package), run from
this script. Every tool is timed on a model that has already been built ("compiled"): Ouroboros
compiles once outside the timed part, and the peers reuse one built model, reset between runs. The
one-off build cost of each peer is reported separately.

Timing convention: period 0 is the initial state, period 1 the first solved period (see
data/reference/godley-lavoie.md). pysolve's `solutions[0]` and sfc-models' `k = 0` are the
initial state too, so their index k is our period k; the script checks that alignment against the
reference table (Table 3.4 shifted by one: the book calls the initial state "period 1") before it
compares anything, and refuses to compare a peer that does not line up.

Usage: bench/run.sh [options]   (or: python bench/compare_sfc_peers.py --swift-bin PATH [options])
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

# ---------------------------------------------------------------------------------------------
# The models: parameters, key variables and the reference table (godley-lavoie.md)
# ---------------------------------------------------------------------------------------------

PARAMETERS = {
    "sim": {"alpha1": 0.6, "alpha2": 0.4, "theta": 0.2, "W": 1.0, "Gd": 20.0},
    "pc": {
        "alpha1": 0.6, "alpha2": 0.4, "theta": 0.2,
        "lambda0": 0.635, "lambda1": 5.0, "lambda2": 0.01,
        "G": 20.0, "rbar": 0.025,
    },
}

# Variables compared between tools (the ones `equations-timing` reports).
KEY_VARIABLES = {
    "sim": ["Y", "YD", "Td", "Cd", "Hh"],
    "pc": ["Y", "YD", "T", "C", "V", "Hh", "Bh"],
}

# From data/reference/godley-lavoie.md, in our convention (period 1 = first solved period).
# Each entry: period -> {variable: value as printed}; the tolerance is one unit in the last printed
# digit, since the table mostly rounds but sometimes truncates (SIM Hh in period 3 is 31.5339098771,
# printed 31.533909).
REFERENCE = {
    "sim": {
        1: {"Y": "38.461538", "Td": "7.692308", "YD": "30.769231", "Cd": "18.461538", "Hh": "12.307692"},
        2: {"Y": "47.928994", "Td": "9.585799", "YD": "38.343195", "Cd": "27.928994", "Hh": "22.721893"},
        3: {"Y": "55.939918", "Td": "11.187984", "YD": "44.751934", "Cd": "35.939918", "Hh": "31.533909"},
        5: {"Y": "68.4540", "Td": "13.6908", "YD": "54.7632", "Cd": "48.4540", "Hh": "45.2994"},
        10: {"Y": "86.3167", "Td": "17.2633", "YD": "69.0534", "Cd": "66.3167", "Hh": "64.9484"},
        20: {"Y": "97.4256", "Td": "19.4851", "YD": "77.9404", "Cd": "77.4256", "Hh": "77.1681"},
        50: {"Y": "99.9829", "Td": "19.9966", "YD": "79.9863", "Cd": "79.9829", "Hh": "79.9811"},
    },
    "pc": {
        1: {"Y": "38.4615", "YD": "30.7692", "T": "7.6923", "C": "18.4615", "V": "12.3077", "Bh": "9.0462", "Hh": "3.2615"},
        2: {"Y": "48.1378", "YD": "38.6911", "T": "9.6728", "C": "28.1378", "V": "22.8611", "Bh": "16.9875", "Hh": "5.8736"},
        3: {"Y": "56.4390", "YD": "45.4909", "T": "11.3727", "C": "36.4390", "V": "31.9130", "Bh": "23.7990", "Hh": "8.1140"},
        5: {"Y": "69.6665", "YD": "56.3260", "T": "14.0815", "C": "49.6665", "V": "46.3367", "Bh": "34.6526", "Hh": "11.6841"},
        10: {"Y": "89.3927", "YD": "72.4844", "T": "18.1211", "C": "69.3927", "V": "67.8468", "Bh": "50.8387", "Hh": "17.0081"},
        20: {"Y": "102.8022", "YD": "83.4686", "T": "20.8672", "C": "82.8022", "V": "82.4691", "Bh": "61.8418", "Hh": "20.6273"},
        50: {"Y": "106.4496", "YD": "86.4563", "T": "21.6141", "C": "86.4496", "V": "86.4463", "Bh": "64.8346", "Hh": "21.6117"},
        100: {"Y": "106.4865", "YD": "86.4865", "T": "21.6216", "C": "86.4865", "V": "86.4865", "Bh": "64.8649", "Hh": "21.6216"},
    },
}

# Targets the project reports against (1,000 runs x 100 periods).
TARGET_SECONDS = {"sim": 0.2, "pc": 0.3}
TARGET_PYSOLVE_SECONDS = {"sim": 290.0, "pc": 90.0}
TARGET_EQUAL = 1e-9


def reference_check(model: str, series: dict[str, np.ndarray], shift: int = 0) -> tuple[bool, float]:
    """Whether `series` (index 0 = period 1) matches the reference table when read `shift`
    periods later; returns (all within one unit of the last printed digit, largest |difference|)."""
    ok, worst = True, 0.0
    for period, row in REFERENCE[model].items():
        index = period - 1 + shift
        for name, text in row.items():
            if name not in series or not 0 <= index < len(series[name]):
                continue
            decimals = len(text.split(".")[1])
            diff = abs(series[name][index] - float(text))
            worst = max(worst, diff)
            if diff > 10.0 ** -decimals + 1e-12:
                ok = False
    return ok, worst


# ---------------------------------------------------------------------------------------------
# Peers. Each has build() (the one-off cost, not in the timings) and run() -> {var: series for
# periods 1..P}; run() must be independent of earlier runs.
# ---------------------------------------------------------------------------------------------


class Peer:
    name = "?"
    note = ""

    def __init__(self, model: str, periods: int):
        self.model = model
        self.periods = periods

    def build(self) -> None:
        raise NotImplementedError

    def run(self) -> dict[str, np.ndarray]:
        raise NotImplementedError

    def run_batch(self, runs: int) -> dict[str, np.ndarray]:
        result = None
        for _ in range(runs):
            result = self.run()
        return result


PYSOLVE_EQUATIONS = {
    "sim": (
        ["Cs", "Gs", "Ts", "Ns", "YD", "Td", "Cd", "Hs", "Hh", "Y", "Nd"],
        [
            "Cs = Cd",
            "Gs = Gd",
            "Ts = Td",
            "Ns = Nd",
            "YD = W*Ns - Ts",
            "Td = theta*W*Ns",
            "Cd = alpha1*YD + alpha2*Hh(-1)",
            "Hs = Hs(-1) + Gd - Td",
            "Hh = Hh(-1) + YD - Cd",
            "Y = Cs + Gs",
            "Nd = Y/W",
        ],
        {},
    ),
    "pc": (
        ["Y", "YD", "T", "V", "C", "Hh", "Bh", "Bs", "Hs", "Bcb", "r"],
        [
            "Y = C + G",
            "YD = Y - T + r(-1)*Bh(-1)",
            "T = theta*(Y + r(-1)*Bh(-1))",
            "V = V(-1) + (YD - C)",
            "C = alpha1*YD + alpha2*V(-1)",
            "Hh = V - Bh",
            "Bh = V*(lambda0 + lambda1*r) - lambda2*YD",
            "Bs = Bs(-1) + (G + r(-1)*Bs(-1)) - (T + r(-1)*Bcb(-1))",
            "Hs = Hs(-1) + Bcb - Bcb(-1)",
            "Bcb = Bs - Bh",
            "r = rbar",
        ],
        {"r": 0.025},  # the built-in pc.yaml starts r at rbar (it only ever multiplies zero stocks)
    ),
}


class PysolvePeer(Peer):
    """pysolve 0.2.0 (sympy-parsed equations, lambdified; solved period by period)."""

    def __init__(self, model: str, periods: int, method: str = "gauss-seidel"):
        super().__init__(model, periods)
        self.method = method
        self.name = "pysolve 0.2.0 " + ("(Gauss-Seidel)" if method == "gauss-seidel" else "(Newton-Raphson)")
        self.note = ("default solver, iterated to max|step| <= 1e-12" if method == "gauss-seidel"
                     else "solve(method='newton-raphson'), iterated to max|step| <= 1e-12")

    def build(self) -> None:
        from pysolve.model import Model

        variables, equations, initial = PYSOLVE_EQUATIONS[self.model]
        m = Model()
        m.set_var_default(0)
        for name in variables:
            m.var(name)
        for name, value in PARAMETERS[self.model].items():
            m.param(name, default=value)
        for equation in equations:
            m.add(equation)
        self.m = m
        self.variables = variables
        self.initial = initial
        self.until = lambda prev, curr: np.allclose(prev, curr, rtol=0.0, atol=1e-12)
        self.run()  # the first solve lambdifies the equations: part of building, not of running

    def _reset(self) -> None:
        self.m.solutions = []
        for name, variable in self.m.variables.items():
            variable.value = self.initial.get(name, 0.0)

    def run(self) -> dict[str, np.ndarray]:
        self._reset()
        for _ in range(self.periods):
            self.m.solve(iterations=5000, until=self.until, method=self.method)
        solutions = self.m.solutions  # [0] is the initial state, [k] is period k
        return {name: np.array([s[name] for s in solutions[1:]]) for name in KEY_VARIABLES[self.model]}


SFC_NAMES = {
    # our name -> sfc-models' full variable name
    "sim": {"Y": "GOOD__SUP_GOOD", "YD": "HH__AfterTax", "Td": "GOV__T", "Cd": "HH__DEM_GOOD", "Hh": "HH__F"},
    "pc": {"Y": "GOOD__SUP_GOOD", "YD": "HH__AfterTax", "T": "TRE__T", "C": "HH__DEM_GOOD",
           "V": "HH__F", "Hh": "HH__DEM_MON", "Bh": "HH__DEM_DEP"},
}


class SfcModelsPeer(Peer):
    """sfc-models 1.0.3: the sfc_models.gl_book SIM and PC models (sector-generated equations)."""

    name = "sfc-models 1.0.3"
    note = "gl_book SIM/PC, ParameterErrorTolerance = 1e-12"

    def build(self) -> None:
        import sfc_models.models  # noqa: F401  (sets up the package)
        from sfc_models.gl_book.chapter3 import SIM
        from sfc_models.gl_book.chapter4 import PC

        p = PARAMETERS[self.model]
        n = self.periods + 1
        if self.model == "sim":
            m = SIM("C", use_book_exogenous=False).build_model()
            # index 0 is the initial state: no spending yet (the book's own setting, too)
            m.AddExogenous("GOV", "DEM_GOOD", f"[0.,] + [{p['Gd']!r},] * {n}")
        else:
            # book parameters are built in (alpha 0.6/0.4, theta 0.2, lambda 0.635/5/0.01); only the
            # exogenous paths and the (zero) initial stocks differ from the book's "use_book_exogenous"
            m = PC("C", use_book_exogenous=False).build_model()
            m.AddExogenous("TRE", "DEM_GOOD", f"[0.,] + [{p['G']!r},] * {n}")
            m.AddExogenous("DEP", "r", f"[{p['rbar']!r},] * {n + 1}")
        m.MaxTime = self.periods
        solver = m.EquationSolver
        solver.ParameterErrorTolerance = 1e-12
        solver.MaxIterations = 10000
        m.main()  # generates, parses and solves once
        self.m = m
        self.solver = solver

    def run(self) -> dict[str, np.ndarray]:
        self.solver.SolveEquation()  # resets the time series from the initial conditions and re-solves
        ts = self.solver.TimeSeries  # index k: k = 0 is the initial state, k is period k
        return {ours: np.array(ts[theirs][1:], dtype=float) for ours, theirs in SFC_NAMES[self.model].items()}


# --- numpy Newton -----------------------------------------------------------------------------

NUMPY_VARIABLES = {
    "sim": ["Cs", "Gs", "Ts", "Ns", "YD", "Td", "Cd", "Hs", "Hh", "Y", "Nd"],
    "pc": ["Y", "YD", "T", "V", "C", "Hh", "Bh", "Bs", "Hs", "Bcb", "r"],
}
NUMPY_INITIAL = {"sim": {}, "pc": {"r": 0.025}}


def sim_residuals(x, lag, p):
    Cs, Gs, Ts, Ns, YD, Td, Cd, Hs, Hh, Y, Nd = (x[..., i] for i in range(11))
    Hs1, Hh1 = lag[..., 7], lag[..., 8]
    W, theta, a1, a2, Gd = p["W"], p["theta"], p["alpha1"], p["alpha2"], p["Gd"]
    return np.stack([
        Cs - Cd,
        Gs - Gd,
        Ts - Td,
        Ns - Nd,
        YD - (W * Ns - Ts),
        Td - theta * W * Ns,
        Cd - (a1 * YD + a2 * Hh1),
        Hs - (Hs1 + Gd - Td),
        Hh - (Hh1 + YD - Cd),
        Y - (Cs + Gs),
        Nd - Y / W,
    ], axis=-1)


def pc_residuals(x, lag, p):
    Y, YD, T, V, C, Hh, Bh, Bs, Hs, Bcb, r = (x[..., i] for i in range(11))
    V1, Bh1, Bs1, Hs1, Bcb1, r1 = (lag[..., i] for i in (3, 6, 7, 8, 9, 10))
    return np.stack([
        Y - (C + p["G"]),
        YD - (Y - T + r1 * Bh1),
        T - p["theta"] * (Y + r1 * Bh1),
        V - (V1 + (YD - C)),
        C - (p["alpha1"] * YD + p["alpha2"] * V1),
        Hh - (V - Bh),
        Bh - (V * (p["lambda0"] + p["lambda1"] * r) - p["lambda2"] * YD),
        Bs - (Bs1 + (p["G"] + r1 * Bs1) - (T + r1 * Bcb1)),
        Hs - (Hs1 + Bcb - Bcb1),
        Bcb - (Bs - Bh),
        r - p["rbar"],
    ], axis=-1)


NUMPY_RESIDUALS = {"sim": sim_residuals, "pc": pc_residuals}


class NumpyNewtonPeer(Peer):
    """Newton's method on the simultaneous block of each period, all runs at once: x has shape
    (runs, n); the Jacobian comes from complex-step differentiation, J[:, i, j] = Im F_i(x + ih e_j)/h,
    exact to rounding for these rational equations; np.linalg.solve solves the runs' systems in one call."""

    name = "numpy Newton (own)"
    note = "vectorised over runs; complex-step Jacobian; max|step| <= 1e-13*(1+|x|)"

    def build(self) -> None:
        self.variables = NUMPY_VARIABLES[self.model]
        self.index = {name: i for i, name in enumerate(self.variables)}
        self.residuals = NUMPY_RESIDUALS[self.model]
        self.p = PARAMETERS[self.model]
        n = len(self.variables)
        self.h = 1e-30
        self.perturbation = np.eye(n) * (1j * self.h)
        self.x0 = np.zeros(n)
        for name, value in NUMPY_INITIAL[self.model].items():
            self.x0[self.index[name]] = value
        self.max_iterations = 0

    def solve(self, runs: int) -> np.ndarray:
        """All runs' paths: array (periods + 1, runs, n), index = period."""
        n = len(self.variables)
        out = np.empty((self.periods + 1, runs, n))
        out[0] = self.x0
        for t in range(1, self.periods + 1):
            lag = out[t - 1]
            x = lag.copy()  # initial guess: last period's values
            for iteration in range(1, 51):
                f = self.residuals(x, lag, self.p)                                  # (runs, n)
                probe = x[:, None, :] + self.perturbation                            # (runs, n var, n)
                jt = self.residuals(probe, lag[:, None, :], self.p).imag / self.h    # (runs, var j, eq i)
                step = np.linalg.solve(np.swapaxes(jt, 1, 2), -f[..., None])[..., 0]
                x = x + step
                if np.all(np.abs(step) <= 1e-13 * (1.0 + np.abs(x))):
                    break
            else:
                raise RuntimeError(f"numpy Newton did not converge in period {t}")
            self.max_iterations = max(self.max_iterations, iteration)
            out[t] = x
        return out

    def run(self) -> dict[str, np.ndarray]:
        return self.run_batch(1)

    def run_batch(self, runs: int) -> dict[str, np.ndarray]:
        paths = self.solve(runs)
        last = paths[1:, -1, :]  # the last run, periods 1..P
        return {name: last[:, self.index[name]].copy() for name in KEY_VARIABLES[self.model]}


# ---------------------------------------------------------------------------------------------
# Ouroboros (Swift)
# ---------------------------------------------------------------------------------------------


def run_ouroboros(binary: str, model: str, runs: int, periods: int, repeats: int) -> dict:
    command = [binary, "--model", model, "--runs", str(runs), "--periods", str(periods),
               "--repeats", str(repeats), "--all-series"]
    completed = subprocess.run(command, capture_output=True, text=True)
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({completed.returncode}):\n{completed.stderr}")
    data = json.loads(completed.stdout)
    if data.get("periods") != periods or len(data["Y_series"]) != periods:
        raise RuntimeError(f"equations-timing returned {len(data['Y_series'])} Y values, expected {periods}")
    return data


# ---------------------------------------------------------------------------------------------
# Measuring and comparing
# ---------------------------------------------------------------------------------------------


@dataclass
class Row:
    model: str
    tool: str
    runs: int
    periods: int
    measured_median: float  # seconds for `runs` runs
    scaled_to: int          # runs the reported time is scaled to
    build_seconds: float | None
    repeats: int
    note: str = ""
    max_abs: float | None = None
    max_rel: float | None = None
    aligned: str = ""
    series: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    @property
    def scaled(self) -> bool:
        return self.runs != self.scaled_to

    @property
    def seconds(self) -> float:
        return self.measured_median * self.scaled_to / self.runs


def differences(a: dict[str, np.ndarray], b: dict[str, np.ndarray], names: list[str]) -> tuple[float, float, str]:
    """Largest |a-b| and |a-b|/max(|a|,|b|) over all `names` and periods, and where the relative one is."""
    max_abs, max_rel, where = 0.0, 0.0, ""
    for name in names:
        x, y = np.asarray(a[name], dtype=float), np.asarray(b[name], dtype=float)
        if x.shape != y.shape:
            raise ValueError(f"{name}: {x.shape} vs {y.shape}")
        d = np.abs(x - y)
        scale = np.maximum(np.maximum(np.abs(x), np.abs(y)), np.finfo(float).tiny)
        rel = d / scale
        if d.max() > max_abs:
            max_abs = float(d.max())
        if rel.max() > max_rel:
            max_rel = float(rel.max())
            where = f"{name}@{int(rel.argmax()) + 1}"
    return max_abs, max_rel, where


def alignment(model: str, series: dict[str, np.ndarray]) -> str:
    ok, worst = reference_check(model, series)
    if ok:
        return "ok"
    for shift in (-1, 1):
        if reference_check(model, series, shift)[0]:
            return f"OFF BY {shift:+d}"
    return f"MISMATCH ({worst:.2g})"


def measure_peer(peer: Peer, runs: int, repeats: int, scaled_to: int, log) -> Row:
    t0 = time.perf_counter()
    peer.build()
    build = time.perf_counter() - t0
    timings = []
    result = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = peer.run_batch(runs)
        timings.append(time.perf_counter() - t0)
    row = Row(peer.model, peer.name, runs, peer.periods, statistics.median(timings), scaled_to, build,
              repeats, peer.note, series=result)
    log(f"  {peer.model:3s} {peer.name:32s} {runs:5d} runs x{repeats}: median {row.measured_median:.4g} s"
        f" (build {build:.3g} s)")
    return row


def fmt_seconds(s: float) -> str:
    if s >= 100:
        return f"{s:.0f}"
    if s >= 10:
        return f"{s:.1f}"
    if s >= 0.1:
        return f"{s:.3f}"
    return f"{s:.4f}"


def fmt_sci(x: float | None) -> str:
    return "—" if x is None else ("0" if x == 0 else f"{x:.1e}")


def print_table(rows: list[Row], ouroboros: dict[str, Row], out=sys.stdout) -> None:
    header = ["model", "tool", "runs × periods", "median s (per 1,000 runs)", "peer / Ouroboros",
              "max abs diff", "max rel diff", "aligned", "build s"]
    lines = []
    for row in rows:
        base = ouroboros.get(row.model)
        runs = f"{row.runs:,} × {row.periods}"
        seconds = fmt_seconds(row.seconds)
        if row.scaled:
            runs += f" (scaled ×{row.scaled_to / row.runs:.4g})"
            seconds += " (scaled)"
        ratio = "1" if row.tool.startswith("Ouroboros") else (
            f"{row.seconds / base.seconds:,.1f}" if base else "—")
        build = "—" if row.build_seconds is None else fmt_seconds(row.build_seconds)
        lines.append([row.model.upper(), row.tool, runs, seconds, ratio,
                      fmt_sci(row.max_abs), fmt_sci(row.max_rel), row.aligned, build])
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |", file=out)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|", file=out)
    for line in lines:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(line, widths)) + " |", file=out)


def find_swift_binary(args, log) -> str:
    if args.swift_bin:
        return args.swift_bin
    package = REPO / "Benchmarks"
    scratch = Path(args.scratch_path) if args.scratch_path else package / ".build"
    base = ["swift", "build", "-c", "release", "--package-path", str(package), "--scratch-path", str(scratch)]
    # the cached build plan misses source files added to the main package (a path dependency)
    build = base + ["--disable-build-manifest-caching", "--product", "equations-timing"]
    log("building equations-timing (" + " ".join(build) + ")")
    subprocess.run(build, check=True, stdout=sys.stderr)
    bin_dir = subprocess.run(base + ["--show-bin-path"], check=True, capture_output=True, text=True).stdout.strip()
    return str(Path(bin_dir) / "equations-timing")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", default="sim,pc", help="comma-separated: sim, pc")
    parser.add_argument("--periods", type=int, default=100)
    parser.add_argument("--runs", type=int, default=1000, help="runs per batch for Ouroboros and numpy; peers scale to this")
    parser.add_argument("--repeats", type=int, default=5, help="repeats of the batch for Ouroboros and numpy")
    parser.add_argument("--peer-repeats", type=int, default=3, help="repeats of the batch for the pysolve/sfc-models peers")
    parser.add_argument("--pysolve-runs", type=int, default=10)
    parser.add_argument("--pysolve-newton-runs", type=int, default=50)
    parser.add_argument("--sfc-runs", type=int, default=3)
    parser.add_argument("--swift-bin", help="path of a built equations-timing (default: build it in Benchmarks/)")
    parser.add_argument("--scratch-path", help="scratch path for that build (default Benchmarks/.build)")
    parser.add_argument("--skip-swift", action="store_true", help="time the peers only (ratios and diffs against numpy Newton)")
    parser.add_argument("--skip", default="", help="comma-separated peers to leave out: pysolve, pysolve-newton, sfc-models, numpy")
    parser.add_argument("--json", default=str(HERE / "results" / "latest.json"), help="where to write the raw results ('' for nowhere)")
    args = parser.parse_args()

    models = [m.strip().lower() for m in args.models.split(",") if m.strip()]
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    log = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    started = time.perf_counter()

    binary = None if args.skip_swift else find_swift_binary(args, log)

    rows: list[Row] = []
    base: dict[str, Row] = {}
    for model in models:
        if model not in PARAMETERS:
            parser.error(f"unknown model {model}")
        log(f"{model.upper()}: {args.runs} runs x {args.periods} periods")
        model_rows: list[Row] = []
        if binary:
            data = run_ouroboros(binary, model, args.runs, args.periods, args.repeats)
            row = Row(model, "Ouroboros (Swift)", args.runs, args.periods, data["median_seconds"], args.runs,
                      None, args.repeats, f"min {data['min_seconds']:.4g} s", series={
                          k: np.array(v, dtype=float) for k, v in data["series"].items()})
            log(f"  {model:3s} {row.tool:32s} {args.runs:5d} runs x{args.repeats}: median {row.measured_median:.4g} s"
                f" (min {data['min_seconds']:.4g} s)")
            model_rows.append(row)
        peers: list[tuple[Peer, int, int]] = []
        if "numpy" not in skip:
            peers.append((NumpyNewtonPeer(model, args.periods), args.runs, args.repeats))
        if "pysolve" not in skip:
            peers.append((PysolvePeer(model, args.periods), args.pysolve_runs, args.peer_repeats))
        if "pysolve-newton" not in skip:
            peers.append((PysolvePeer(model, args.periods, "newton-raphson"), args.pysolve_newton_runs, args.peer_repeats))
        if "sfc-models" not in skip:
            peers.append((SfcModelsPeer(model, args.periods), args.sfc_runs, args.peer_repeats))
        for peer, runs, repeats in peers:
            model_rows.append(measure_peer(peer, runs, repeats, args.runs, log))

        baseline = model_rows[0]  # Ouroboros, or numpy Newton with --skip-swift
        base[model] = baseline
        for row in model_rows:
            row.aligned = alignment(model, row.series)
            if row is not baseline:
                if row.aligned == "ok" and baseline.aligned == "ok":
                    row.max_abs, row.max_rel, _ = differences(row.series, baseline.series, KEY_VARIABLES[model])
            elif baseline.tool.startswith("Ouroboros"):
                row.max_abs = row.max_rel = 0.0
        rows.extend(model_rows)

    baseline_name = "Ouroboros" if binary else "numpy Newton"
    print()
    print(f"SIM and PC, {args.periods} periods per run, zero initial stocks; times are medians of whole batches,"
          f" scaled linearly to {args.runs:,} runs where marked; diffs are against {baseline_name} over"
          f" {', '.join('/'.join(KEY_VARIABLES[m]) for m in models)} for periods 1..{args.periods}.")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},"
          f" numpy {np.__version__}; single-threaded everywhere.")
    print()
    print_table(rows, base)
    print()
    for row in rows:
        if row.note:
            print(f"- {row.model.upper()} {row.tool}: {row.note}")
    print()
    print("Targets:")
    verdicts = []
    for model in models:
        b = base[model]
        if b.tool.startswith("Ouroboros"):
            ok = b.seconds < TARGET_SECONDS[model]
            verdicts.append(ok)
            print(f"- {model.upper()}: Ouroboros {args.runs:,} x {args.periods} in {b.seconds:.4f} s"
                  f" (target < {TARGET_SECONDS[model]} s): {'PASS' if ok else 'FAIL'}")
        for row in rows:
            if row.model != model or row is b:
                continue
            if row.tool.startswith("pysolve") and "Gauss" in row.tool:
                print(f"- {model.upper()}: pysolve (Gauss-Seidel) ≈ {row.seconds:.0f} s per 1,000 runs"
                      f" (brief's figure ≈ {TARGET_PYSOLVE_SECONDS[model]:.0f} s)")
            if row.max_rel is None:
                print(f"- {model.upper()}: {row.tool}: NOT COMPARED (alignment {row.aligned})")
                verdicts.append(False)
                continue
            ok = row.max_rel <= TARGET_EQUAL
            verdicts.append(ok)
            print(f"- {model.upper()}: {row.tool} equals {baseline_name} to {row.max_rel:.1e} relative"
                  f" (target {TARGET_EQUAL:g}): {'PASS' if ok else 'FAIL'}")
    print(f"\n(total wall time {time.perf_counter() - started:.0f} s)")

    if args.json:
        path = Path(args.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "periods": args.periods, "runs": args.runs, "baseline": baseline_name,
            "rows": [{
                "model": r.model, "tool": r.tool, "runs": r.runs, "periods": r.periods, "repeats": r.repeats,
                "measured_median_seconds": r.measured_median, "seconds_per_scaled_batch": r.seconds,
                "scaled_to_runs": r.scaled_to, "scaled": r.scaled, "build_seconds": r.build_seconds,
                "ratio_to_baseline": r.seconds / base[r.model].seconds, "max_abs_diff": r.max_abs,
                "max_rel_diff": r.max_rel, "aligned": r.aligned, "note": r.note,
            } for r in rows],
        }
        path.write_text(json.dumps(payload, indent=2) + "\n")
        log(f"raw results: {path}")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
