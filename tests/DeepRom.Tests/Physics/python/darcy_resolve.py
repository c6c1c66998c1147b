#!/usr/bin/python3
"""Re-solves every sample of a DeepRom Darcy snapshot file with scipy and compares with the stored fields.

Usage: darcy_resolve.py FILE.h5

The scheme is written here from its definition, not from DeepRom's code: node-centred finite volumes on an
n x n grid over [0,1]^2 (arrays [row j = y, column i = x], h = 1/(n-1)), cells clipped to the square, face
permeability the harmonic mean of the two nodes, face length h (h/2 along a wall), no-flux walls, and zero
area-weighted mean pressure imposed as a bordering row and column (a Lagrange multiplier) instead of pinning a
node. The permeability is the stored aux/permeability, so the comparison is exact up to float32 round-off.

Prints JSON: for each of p, u_x, u_y the largest, over samples, of max|ours - stored| / max|ours|.
"""
import json
import sys

import h5py
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def cell_areas(n):
    """Area of each node's cell: the [x-h/2, x+h/2] x [y-h/2, y+h/2] square clipped to [0,1]^2."""
    h = 1.0 / (n - 1)
    side = np.full(n, h)
    side[0] = side[-1] = h / 2
    return np.outer(side, side)


def corner_source(n, strength, extent):
    """+strength on nodes with x, y <= extent, -strength on nodes with x, y >= 1 - extent."""
    x = np.arange(n) / (n - 1)
    # Nodes lying exactly on x = extent count; the tolerance absorbs the rounding of i / (n - 1).
    tol = 1e-9
    low = x <= extent + tol
    high = x >= 1 - extent - tol
    return strength * (np.outer(low, low).astype(float) - np.outer(high, high).astype(float))


def transmissibility_graph(k):
    """Face list (a, b, T_ab) with T_ab = K_ab |face| / h; K_ab harmonic mean, |face| = h or h/2 on a wall."""
    n = k.shape[0]
    index = np.arange(n * n).reshape(n, n)
    half_on_walls = np.ones(n)
    half_on_walls[0] = half_on_walls[-1] = 0.5

    # Faces between (j, i) and (j, i+1): their length runs along y, so rows j = 0 and n-1 have half faces.
    ka, kb = k[:, :-1], k[:, 1:]
    tx = 2 * ka * kb / (ka + kb) * half_on_walls[:, None]
    # Faces between (j, i) and (j+1, i): half faces in columns i = 0 and n-1.
    ka, kb = k[:-1, :], k[1:, :]
    ty = 2 * ka * kb / (ka + kb) * half_on_walls[None, :]

    a = np.concatenate([index[:, :-1].ravel(), index[:-1, :].ravel()])
    b = np.concatenate([index[:, 1:].ravel(), index[1:, :].ravel()])
    t = np.concatenate([tx.ravel(), ty.ravel()])
    return a, b, t


def bordered_system(k, areas):
    """The (n^2 + 1)-square matrix [[L, area], [area^T, 0]] of the balance with the zero-mean constraint."""
    size = k.size
    a, b, t = transmissibility_graph(k)
    diagonal = np.bincount(a, t, size) + np.bincount(b, t, size)
    border = np.arange(size)
    rows = np.concatenate([a, b, border, border, np.full(size, size)])
    cols = np.concatenate([b, a, border, np.full(size, size), border])
    vals = np.concatenate([-t, -t, diagonal, areas.ravel(), areas.ravel()])
    return sp.csc_matrix((vals, (rows, cols)), shape=(size + 1, size + 1))


def solve_pressure(k, source):
    """Pressure with sum(area * p) = 0; the multiplier absorbs any area-weighted mean of the source."""
    n = k.shape[0]
    areas = cell_areas(n)
    rhs = np.append((source * areas).ravel(), 0.0)
    solution = spla.spsolve(bordered_system(k, areas), rhs)
    return solution[:-1].reshape(n, n)


def velocity(k, p):
    """u = -K grad p by central differences over 2h; zero normal component on walls (hence zero in corners)."""
    n = k.shape[0]
    h = 1.0 / (n - 1)
    ux = np.zeros_like(p)
    uy = np.zeros_like(p)
    ux[:, 1:-1] = -k[:, 1:-1] * (p[:, 2:] - p[:, :-2]) / (2 * h)
    uy[1:-1, :] = -k[1:-1, :] * (p[2:, :] - p[:-2, :]) / (2 * h)
    return ux, uy


def source_settings(attrs):
    """Source strength and extent from the file's generator_config, defaulting to DeepRom's 10 and 1/8."""
    raw = attrs.get("generator_config", "{}")
    config = json.loads(raw.decode() if isinstance(raw, bytes) else raw)
    return float(config.get("SourceStrength", 10.0)), float(config.get("SourceExtent", 0.125))


def relative_difference(ours, stored):
    scale = np.max(np.abs(ours))
    return float(np.max(np.abs(ours - stored)) / scale) if scale > 0 else float(np.max(np.abs(stored)))


def main(path):
    with h5py.File(path, "r") as f:
        fields = f["fields"][...].astype(np.float64)
        permeability = f["aux/permeability"][...].astype(np.float64)
        strength, extent = source_settings(f.attrs)
    count, channels, n, width = fields.shape
    if channels != 3 or n != width or permeability.shape != (count, 1, n, n):
        raise SystemExit(f"{path}: expected fields (N,3,n,n) and aux/permeability (N,1,n,n), "
                         f"got {fields.shape} and {permeability.shape}")
    source = corner_source(n, strength, extent)
    worst = {"p": 0.0, "u_x": 0.0, "u_y": 0.0}
    worst_sample = {"p": -1, "u_x": -1, "u_y": -1}
    for q in range(count):
        k = permeability[q, 0]
        p = solve_pressure(k, source)
        ux, uy = velocity(k, p)
        for c, (name, ours) in enumerate(zip(("p", "u_x", "u_y"), (p, ux, uy))):
            d = relative_difference(ours, fields[q, c])
            if d > worst[name] or worst_sample[name] < 0:
                worst[name], worst_sample[name] = d, q
    print(json.dumps({
        "samples": count,
        "nodes": n,
        "source_strength": strength,
        "source_extent": extent,
        "source_nodes": int(np.count_nonzero(source)),
        "max_relative_difference": worst,
        "worst_sample": worst_sample,
    }))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: darcy_resolve.py FILE.h5")
    main(sys.argv[1])
