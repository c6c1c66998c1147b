"""Writes the smallest files a user would: only the arrays, no format tag and no names."""
import sys

import h5py
import numpy as np

folder = sys.argv[1]
N, C, H, W = 4, 3, 6, 5
fields = np.arange(N * C * H * W).reshape(N, C, H, W) * 0.5  # float64, as numpy makes it
params = np.arange(N * 2, dtype=np.float64).reshape(N, 2) / 8.0

with h5py.File(f"{folder}/minimal.h5", "w") as f:
    f.create_dataset("fields", data=fields.astype(np.float32))
    f.create_dataset("params", data=params)

np.savez(f"{folder}/minimal.npz", fields=fields.astype(np.float32), params=params)

T, L = 5, 8
dynamic = (np.arange(3 * T * 1 * L) * 0.25).astype(np.float32).reshape(3, T, 1, L)
with h5py.File(f"{folder}/minimal-dynamic.h5", "w") as f:
    f.create_dataset("fields", data=dynamic)
    f.create_dataset("time", data=np.linspace(0.0, 1.0, T))

np.savez(f"{folder}/minimal-traj.npz", states=np.arange(2 * T * 3, dtype=np.float64).reshape(2, T, 3),
         time=np.arange(T) * 0.5, params=np.array([[1.0, 2.0], [3.0, 4.0]]))

lumped = (np.arange(3 * T * 2) * 0.5).astype(np.float32).reshape(3, T, 2)
with h5py.File(f"{folder}/minimal-lumped.h5", "w") as f:
    f.create_dataset("fields", data=lumped)
    f.create_dataset("time", data=np.linspace(0.0, 1.0, T))
np.savez(f"{folder}/minimal-lumped.npz", fields=lumped, time=np.linspace(0.0, 1.0, T))
