"""Writes dataset files the way a user would with h5py and numpy, for DeepRom to read."""
import sys

import h5py
import numpy as np

folder = sys.argv[1]
N, C, H, W = 4, 2, 6, 5
fields = ((np.arange(N * C * H * W) % 97) * 0.5 - 3.0).astype(np.float32).reshape(N, C, H, W)
params = np.arange(N * 3, dtype=np.float64).reshape(N, 3) / 7.0
perm = np.linspace(0.0, 1.0, N * H * W).reshape(N, H, W).astype(np.float32)

with h5py.File(f"{folder}/user.h5", "w") as f:
    f.attrs["deeprom_format"] = "snapshots/1"                      # variable-length UTF-8
    f.attrs["channels"] = np.array([b"pressure", b"u"])            # fixed-length ASCII array
    f.attrs["generator"] = np.bytes_("my solver")                  # fixed-length ASCII scalar
    f.attrs["generator_config"] = '{"nu": 0.01, "name": "caf\u00e9"}'
    f.create_dataset("fields", data=fields, compression="gzip", compression_opts=4, chunks=(1, C, H, W))
    p = f.create_dataset("params", data=params)
    p.attrs.create("names", ["alpha", "beta", "\u03b3"], dtype=h5py.string_dtype())
    f.create_dataset("aux/permeability", data=perm)

T, L = 5, 8
dyn = (np.arange(3 * T * 1 * L) * 0.25).astype(np.float32).reshape(3, T, 1, L)
np.savez(f"{folder}/user.npz", fields=dyn, time=np.arange(T) * 0.1,
         deeprom_format=np.array("snapshots/1"), channels=np.array(["u"]),
         generator=np.array("numpy"), generator_config=np.array("{}"),
         params=np.asfortranarray(np.arange(6, dtype=np.float64).reshape(3, 2)),
         params_names=np.array(["a", "b"]), **{"aux/mask": np.ones((3, L))})

states = np.arange(2 * T * 3, dtype=np.float64).reshape(2, T, 3)
np.savez_compressed(f"{folder}/user-traj.npz", states=states, time=np.arange(T, dtype=np.float32) * 0.5,
                    deeprom_format=np.array("trajectories/1"), generator=np.array("ode"),
                    generator_config=np.array("{}"))
