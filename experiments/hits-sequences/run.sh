#!/bin/bash
# The sequence benchmark of seed 002 (HiTS against LSTM, echo-state network and clockwork RNN) on the Kuramoto-Sivashinsky
# sequence and on the POD coefficients of a cylinder wake, under both protocols. Run from this folder with deeprom on the
# PATH (or DEEPROM=/path/to/deeprom); data go to data/, run folders to results/ (both ignored by git but for the metrics).
set -euo pipefail
DEEPROM=${DEEPROM:-deeprom}
MINUTES=${MINUTES:-3}
mkdir -p data results
[ -f data/ks.h5 ] || $DEEPROM data ks --out data/ks.h5
[ -f data/wake-re100.h5 ] || $DEEPROM data cylinder --re 100 --snapshots 2048 --interval 0.25 --out data/wake-re100.h5
[ -f data/cylinder-pod22.h5 ] || $DEEPROM data pod-coefficients --data data/wake-re100.h5 --modes 22 --channels vorticity --out data/cylinder-pod22.h5
for data in cylinder-pod22 ks; do
  for protocol in forecast reproduce; do
    [ -f results/$data-$protocol/metrics.json ] && continue
    $DEEPROM hits benchmark --data data/$data.h5 --protocol $protocol --minutes $MINUTES --out results/$data-$protocol --force --json > results/$data-$protocol.json
  done
done
