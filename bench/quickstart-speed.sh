#!/usr/bin/env bash
# Whole-process wall time and peak memory of the quickstart, before and after the speed work, side by side:
#   before: the previous defaults (unsupervised, 240 epochs) with glibc's default allocator settings;
#   after:  today's defaults (16 labels, 120 epochs, heap thresholds raised).
# The previous code itself cannot be the "before" on every processor: on an AMD EPYC (Zen 5) its oneDNN
# convolutions gave wrong gradients and training diverged in epoch 1, so both sides run today's kernels.
# Usage: bench/quickstart-speed.sh [SEED]   (about 10 minutes on 2 cores; run it on an otherwise idle machine)
set -euo pipefail
cd "$(dirname "$0")/.."
seed="${1:-0}"
dotnet build src/DeepRom.Cli -c Release -v q -nologo >/dev/null
deeprom=src/DeepRom.Cli/bin/Release/net10.0/linux-x64/deeprom
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
grep -m1 "model name" /proc/cpuinfo
run() {
  local name="$1"; shift
  /usr/bin/time -f "$name: %e s wall, %M KB peak resident" "$@" --seed "$seed" --out "$out/$name" --json > "$out/$name.json" 2> "$out/$name.err" || true
  tail -1 "$out/$name.err"
  grep -o '"sd_mean": [0-9.]*' "$out/$name.json" || true
}
run before env DEEPROM_DEFAULT_MALLOC=1 "$deeprom" quickstart --labels 0 --epochs 240
run after "$deeprom" quickstart
