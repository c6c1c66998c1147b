#!/usr/bin/env python3
"""A parametric data set nobody tuned DeepRom's ROM defaults on, written with h5py as a user's script would.

Fisher-KPP fronts u_t = D u_xx + r u (1 - u) on x in [0, 50] (zero-flux ends), u(x, 0) = 1 for x < 5 and 0
after, a travelling front of speed 2 sqrt(D r). Parameters (D, r) drawn uniformly from [0.5, 2] x [0.5, 2]:
scattered, not a grid. Finite differences on 200 cells, Crank-Nicolson diffusion with the reaction
treated explicitly (Strang split), dt 0.005, 101 snapshots on t in [0, 20].

The files carry only what snapshots/1 requires: fields (P, T, 1, 200) float32, params (P, 2), time (T,),
the format tag; no channel or parameter names, so DeepRom reads them as c1 and p1, p2.

usage: fisher_front.py TRAIN.h5 TEST.h5 [--train N] [--test M] [--seed K]
"""
import argparse
import time

import h5py
import numpy as np
from scipy.linalg import solve_banded

CELLS, LENGTH, T_END, SNAPSHOTS, DT = 200, 50.0, 20.0, 101, 0.005


def simulate(d, r):
    dx = LENGTH / CELLS
    x = (np.arange(CELLS) + 0.5) * dx
    u = (x < 5.0).astype(float)
    k = d * DT / dx**2
    # Crank-Nicolson matrix (I - k/2 L) with zero-flux (mirrored) ends.
    ab = np.zeros((3, CELLS))
    ab[0, 1:] = -k / 2
    ab[1, :] = 1 + k
    ab[2, :-1] = -k / 2
    ab[1, 0] = ab[1, -1] = 1 + k / 2
    steps_per_snapshot = int(round(T_END / (SNAPSHOTS - 1) / DT))
    out = np.empty((SNAPSHOTS, CELLS))
    out[0] = u
    for s in range(1, SNAPSHOTS):
        for _ in range(steps_per_snapshot):
            u = u + 0.5 * DT * r * u * (1 - u)
            lap = np.empty_like(u)
            lap[1:-1] = u[:-2] - 2 * u[1:-1] + u[2:]
            lap[0] = u[1] - u[0]
            lap[-1] = u[-2] - u[-1]
            u = solve_banded((1, 1), ab, u + k / 2 * lap)
            u = u + 0.5 * DT * r * u * (1 - u)
        out[s] = u
    return out


def write(path, params):
    fields = np.empty((len(params), SNAPSHOTS, 1, CELLS), dtype=np.float32)
    seconds = np.empty(len(params))
    for i, (d, r) in enumerate(params):
        start = time.perf_counter()
        fields[i, :, 0, :] = simulate(d, r)
        seconds[i] = time.perf_counter() - start
    with h5py.File(path, "w") as f:
        f.attrs["deeprom_format"] = "snapshots/1"
        f.create_dataset("fields", data=fields)
        f.create_dataset("params", data=np.asarray(params, dtype=np.float64))
        f.create_dataset("time", data=np.linspace(0.0, T_END, SNAPSHOTS))
        f.create_dataset("aux/solver_seconds", data=seconds)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("train")
    p.add_argument("test")
    p.add_argument("--train-count", type=int, default=40)
    p.add_argument("--test-count", type=int, default=8)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    rng = np.random.default_rng(a.seed)
    train = rng.uniform(0.5, 2.0, size=(a.train_count, 2))
    # Corners in the training set so that the test points, drawn from the inner box, lie in the hull.
    train[:4] = [[0.5, 0.5], [0.5, 2.0], [2.0, 0.5], [2.0, 2.0]]
    test = rng.uniform(0.7, 1.8, size=(a.test_count, 2))
    write(a.train, train)
    write(a.test, test)


if __name__ == "__main__":
    main()
