#!/usr/bin/env bash
# Where a DenseVAE training step spends its CPU time, by shared object: a sampling profile (Linux perf) of the
# reference network at batch 64, taken in steady state (after 9 s of warm-up) for 10 s. The managed side
# (TorchSharp marshalling, the .NET runtime and JIT, DeepRom's loop) is everything outside libtorch, libgomp and
# libc; its share bounds what a raw-libtorch program could save per step.
# Usage: bench/profile-vae-step.sh [reference|fast]   (needs perf: apt-get install linux-perf)
set -euo pipefail
cd "$(dirname "$0")/.."
network="${1:-reference}"
command -v perf >/dev/null || { echo "perf not found (apt-get install linux-perf)" >&2; exit 2; }
dotnet build bench/DeepRom.Bench -c Release -v q -nologo >/dev/null
bench=bench/DeepRom.Bench/bin/Release/net10.0/linux-x64/DeepRom.Bench
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The .NET perf map names managed code, so JIT-compiled C# is told apart from oneDNN's run-time generated kernels.
DOTNET_PerfMapEnabled=1 "$bench" vae-step 60 --only "$network" --json "$out/step.json" > "$out/step.txt" &
pid=$!
sleep 9
perf record -q -F 499 -p "$pid" -o "$out/perf.data" -- sleep 10 2>/dev/null
wait "$pid"
grep "batch 64" "$out/step.txt"
echo "CPU samples by shared object (steady state):"
perf report -i "$out/perf.data" --sort dso --stdio --no-children -g none 2>/dev/null | grep "%" | head -12
managed=$(perf report -i "$out/perf.data" --sort sym --stdio --no-children -g none --dsos "[JIT] tid $pid" 2>/dev/null \
  | { grep "%" || true; } | { grep -v "\] 0x0000" || true; } | awk '{ s += $1 } END { printf "%.2f", s + 0 }')
echo "of the [JIT] samples, JIT-compiled .NET code: ${managed}% (the rest is oneDNN's generated convolution kernels)"
rm -f "/tmp/perf-$pid.map"
