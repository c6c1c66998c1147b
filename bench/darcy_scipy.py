#!/usr/bin/python3
"""Speed reference for DeepRom's Darcy generator: the same finite-volume problem assembled with scipy.sparse and
solved by SuperLU (scipy.sparse.linalg.spsolve), one sample after another on one core.

Usage: darcy_scipy.py FILE.h5 [--repeats 3] [--deeprom PATH/TO/deeprom]

FILE.h5 is a DeepRom Darcy file (e.g. `deeprom data darcy --count 1024 --out FILE.h5`); its stored permeability
fields are the samples. Two scipy variants are timed, each over all samples, --repeats times (median reported):
  bordered: the zero-mean condition as a Lagrange-multiplier row and column, spsolve with its default ordering
            (COLAMD), which is the system the re-solve test uses;
  pinned:   node 0 pinned (row and column removed), area-weighted mean of the source removed, ordering
            MMD_AT_PLUS_A for the symmetric pattern, then shifted to zero mean; the faster of the two.
Timed per sample: assembly (faces, sparse matrix) + spsolve; velocities and file reading are not timed.
With --deeprom, also runs `deeprom data darcy` with the file's settings --repeats times on all cores and on one core
(taskset), and reports its own solve time (theta -> K -> solve -> velocities, in parallel) and wall time.
Prints JSON.
"""
import os

# One core for the reference: single-threaded BLAS, and the process bound to one CPU below.
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import h5py
import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "DeepRom.Tests", "Physics", "python"))
import darcy_resolve as scheme  # noqa: E402  (the scheme's single definition, shared with the re-solve test)


def solve_bordered(k, source, areas):
    rhs = np.append((source * areas).ravel(), 0.0)
    return spla.spsolve(scheme.bordered_system(k, areas), rhs)[:-1]


def solve_pinned(k, source, areas):
    size = k.size
    a, b, t = scheme.transmissibility_graph(k)
    diagonal = np.bincount(a, t, size) + np.bincount(b, t, size)
    rows = np.concatenate([a, b, np.arange(size)])
    cols = np.concatenate([b, a, np.arange(size)])
    laplacian = sp.csc_matrix((np.concatenate([-t, -t, diagonal]), (rows, cols)), shape=(size, size))
    w = areas.ravel()
    rhs = (source * areas).ravel()
    rhs = rhs - w * rhs.sum() / w.sum()
    p = np.zeros(size)
    p[1:] = spla.spsolve(laplacian[1:, 1:], rhs[1:], permc_spec="MMD_AT_PLUS_A")
    return p - (w @ p) / w.sum()


def time_variant(solve, fields, source, areas):
    start = time.perf_counter()
    for k in fields:
        solve(k, source, areas)
    return time.perf_counter() - start


def time_assembly(fields, areas):
    start = time.perf_counter()
    for k in fields:
        scheme.bordered_system(k, areas)
    return time.perf_counter() - start


def run_deeprom(binary, config, count, one_core):
    with tempfile.TemporaryDirectory() as folder:
        command = [binary, "data", "darcy", "--kle", str(config["KleModes"]), "--theta", config["Theta"].lower(),
                   "--count", str(count), "--seed", str(config["Seed"]), "--nodes", str(config["Nodes"]),
                   "--length-scale", repr(config["CorrelationLength"]), "--out", os.path.join(folder, "d.h5"), "--json"]
        if one_core:
            command = ["taskset", "-c", str(min(os.sched_getaffinity(0))), *command]
        start = time.perf_counter()
        result = subprocess.run(command, check=True, capture_output=True, text=True)
        wall = time.perf_counter() - start
    report = json.loads(result.stdout)
    return {"solve_seconds": report["solve_seconds"], "ms_per_sample": report["ms_per_sample"], "wall_seconds": wall}


def median_of(runs, key):
    return statistics.median(r[key] for r in runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--deeprom", help="path of the deeprom binary to time for comparison")
    args = parser.parse_args()

    with h5py.File(args.file, "r") as f:
        fields = f["aux/permeability"][:, 0].astype(np.float64)
        raw = f.attrs.get("generator_config", "{}")
        config = json.loads(raw.decode() if isinstance(raw, bytes) else raw)
        strength, extent = scheme.source_settings(f.attrs)
    count, n = fields.shape[0], fields.shape[1]
    source = scheme.corner_source(n, strength, extent)
    areas = scheme.cell_areas(n)

    # The DeepRom runs use all cores, so they go first, before this process binds itself to one.
    deeprom = None
    if args.deeprom:
        all_cores = [run_deeprom(args.deeprom, config, count, one_core=False) for _ in range(args.repeats)]
        one_core = [run_deeprom(args.deeprom, config, count, one_core=True) for _ in range(args.repeats)] \
            if shutil.which("taskset") else []
        deeprom = {
            "cores": len(os.sched_getaffinity(0)),
            "ms_per_sample": median_of(all_cores, "ms_per_sample"),
            "wall_seconds": median_of(all_cores, "wall_seconds"),
            "runs": all_cores,
        }
        if one_core:
            deeprom["one_core"] = {
                "ms_per_sample": median_of(one_core, "ms_per_sample"),
                "wall_seconds": median_of(one_core, "wall_seconds"),
                "runs": one_core,
            }

    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    # Both variants solve the same problem; a disagreement would make the timing meaningless.
    agreement = max(
        float(np.max(np.abs(solve_bordered(k, source, areas) - solve_pinned(k, source, areas))) /
              np.max(np.abs(solve_bordered(k, source, areas))))
        for k in fields[:4])

    variants = {}
    for name, solve in (("bordered", solve_bordered), ("pinned", solve_pinned)):
        runs = [time_variant(solve, fields, source, areas) for _ in range(args.repeats)]
        variants[name] = {"ms_per_sample": 1000 * statistics.median(runs) / count,
                          "total_seconds": statistics.median(runs), "runs_seconds": runs}
    assembly = statistics.median(time_assembly(fields, areas) for _ in range(args.repeats))

    print(json.dumps({
        "file": args.file,
        "samples": count,
        "nodes": n,
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "repeats": args.repeats,
        "scipy_one_core": variants,
        "assembly_ms_per_sample": 1000 * assembly / count,
        "variants_max_relative_difference": agreement,
        "deeprom": deeprom,
    }, indent=2))


if __name__ == "__main__":
    main()
