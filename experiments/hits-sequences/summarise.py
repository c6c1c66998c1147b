"""Writes summary.md from the benchmark results (results/*.json) made by run.sh."""
import json
import os

os.chdir(os.path.dirname(os.path.abspath(__file__)))  # results/ and summary.md live beside this script

MODELS = ["hits", "lstm", "esn", "cwrnn"]
NAMES = {"hits": "HiTS", "lstm": "LSTM", "esn": "ESN", "cwrnn": "CW-RNN"}
DATA = {"ks": "Kuramoto-Sivashinsky (512 x 4001, dt 0.25)", "cylinder-pod22": "cylinder wake, 22 POD coefficients (Re 100, 2048 x 22, dt 0.25 D/U)"}
# The reference's figures (reproduce protocol, 10,000 epochs; shared/reference-notes.md section 3).
REFERENCE = {"ks": {"hits": 1.04e-3, "lstm": 3.50, "esn": 3.51, "cwrnn": 3.60},
             "cylinder-pod22": {"hits": 1.23e-7, "lstm": 9.20e-8, "esn": 2.22e-8, "cwrnn": 6.79e-7}}


def g(x):
    return f"{x:.3g}" if isinstance(x, (int, float)) else "" if x is None else str(x)


lines = ["# Sequence benchmark: HiTS against LSTM, echo-state network and clockwork RNN", "",
         "Made by `./run.sh` (then `/usr/bin/python3 summarise.py`); every model trained for `--minutes 3` of wall time, one seed (0).", ""]
for data in ["ks", "cylinder-pod22"]:
    for protocol in ["forecast", "reproduce"]:
        path = f"results/{data}-{protocol}.json"
        if not os.path.exists(path) or os.path.getsize(path) == 0:
            continue
        j = json.load(open(path))
        lines += [f"## {DATA[data]}, protocol {protocol}", "",
                  f"{j['train_samples']} training samples, {j['generated_samples']} generated; HiTS levels {j['hits_levels']}.", "",
                  "| model | MSE | valid time | train s | generate s | epochs | optimiser steps | final training loss | reference MSE (reproduce, 10k epochs) |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for m in MODELS:
            vt = j.get("valid_time", {}).get(m) if protocol == "forecast" else None
            ref = REFERENCE[data][m] if protocol == "reproduce" else None
            lines.append(f"| {NAMES[m]} | {g(j['mse'][m])} | {'' if vt is None else f'{vt:g}'} | {j['train_seconds'][m]:.1f} | {g(j['generate_seconds'][m])} | "
                         f"{j['epochs'][m]} | {j['optimizer_steps'][m]} | {g(j['final_loss'][m])} | {g(ref)} |")
        lines.append("")
open("summary.md", "w").write("\n".join(lines))
