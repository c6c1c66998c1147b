"""Prints, as JSON, what h5py and numpy see in a DeepRom dataset file (the interop tests compare it)."""
import json
import sys
import zipfile

import h5py
import numpy as np

ARRAYS = ["fields", "params", "time", "states", "aux/permeability", "aux/mask"]


def text(x):
    if isinstance(x, bytes):
        return x.decode("utf-8")
    if isinstance(x, np.ndarray):
        return [text(v) for v in x.tolist()]
    return str(x)


def describe(a):
    flat = a.reshape(-1)
    return {"dtype": str(a.dtype), "shape": list(a.shape), "sum": float(a.astype(np.float64).sum()),
            "first": float(flat[0]), "last": float(flat[-1]), "c_contiguous": bool(a.flags["C_CONTIGUOUS"])}


def from_h5(path):
    out = {}
    with h5py.File(path, "r") as f:
        for key in ["deeprom_format", "channels", "generator", "generator_config"]:
            if key in f.attrs:
                out[key] = text(f.attrs[key])
        for name in ARRAYS:
            if name in f:
                out[name] = describe(f[name][()])
        if "params" in f:
            out["params_names"] = text(f["params"].attrs["names"])
    return out


def from_npz(path):
    out = {"members": sorted(zipfile.ZipFile(path).namelist())}
    with np.load(path) as z:  # allow_pickle stays False: text must be plain unicode arrays
        for key in ["deeprom_format", "channels", "generator", "generator_config", "params_names"]:
            if key in z:
                a = z[key]
                assert a.dtype.kind == "U", (key, a.dtype)
                out[key] = str(a) if a.ndim == 0 else [str(v) for v in a]
        for name in ARRAYS:
            if name in z:
                out[name] = describe(z[name])
    return out


path = sys.argv[1]
print(json.dumps(from_h5(path) if path.endswith(".h5") else from_npz(path)))
