"""Writes trajectories of a damped pendulum the way a user's own script would: h5py, only `states` and `time`.

usage: write_pendulum.py OUT_DIR  (writes train.h5, val.h5, test.h5)
"""
import sys
import h5py
import numpy as np

def field(x):
    theta, omega = x[..., 0], x[..., 1]
    return np.stack([omega, -0.1 * omega - np.sin(theta)], axis=-1)

def integrate(x0, dt, samples, substeps=20):
    h = dt / substeps
    out = np.empty((x0.shape[0], samples, 2))
    out[:, 0] = x = x0
    for n in range(1, samples):
        for _ in range(substeps):
            k1 = field(x); k2 = field(x + h / 2 * k1); k3 = field(x + h / 2 * k2); k4 = field(x + h * k3)
            x = x + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        out[:, n] = x
    return out

rng = np.random.default_rng(7)
dt, samples = 0.05, 300
for name, count in (("train", 24), ("val", 8), ("test", 8)):
    x0 = np.column_stack([rng.uniform(-2, 2, count), rng.uniform(-1, 1, count)])
    with h5py.File(f"{sys.argv[1]}/{name}.h5", "w") as f:
        f["states"] = integrate(x0, dt, samples)
        f["time"] = dt * np.arange(samples)
