#!/bin/sh
# bench serve, side by side with the study's kind of service (Flask + PyTorch) on the same model, in one run.
# Needs python3-flask, python3-torch, python3-h5py, python3-pandas (Debian) and ../shared/data/seed-model.
# Usage: scripts/peers/bench_serve.sh [features.csv]    (run from the repository root after mvn package)
set -e
SEED=${SEED:-../shared/data/seed-model}
DATA=${1:-../shared/data/ims-test2/features_truth.csv}
JAR=target/bearing-workbench.jar
TMP=$(mktemp -d)
trap 'kill $PEER 2>/dev/null; rm -rf "$TMP"' EXIT
java -jar $JAR score "$DATA" --keras-model "$SEED/Cloud_model.h5" --scaler "$SEED/scaler_params.json" \
  --save-model "$TMP/study.bwm" -o "$TMP/report.csv" --json > "$TMP/summary.json"
THRESHOLD=$(sed 's/.*"threshold":\([0-9.eE-]*\).*/\1/' "$TMP/summary.json")
/usr/bin/python3 scripts/peers/serve_flask_torch.py --h5 "$SEED/Cloud_model.h5" --scaler "$SEED/scaler_params.json" \
  --threshold "$THRESHOLD" --port 5077 > "$TMP/peer.log" 2>&1 &
PEER=$!
for i in $(seq 1 60); do curl -s -o /dev/null http://127.0.0.1:5077/ && break; sleep 0.5; done
/usr/bin/python3 -c "import torch, flask; print('peer: Flask', flask.__version__, '+ PyTorch', torch.__version__, '(', torch.get_num_threads(), 'threads )')"
scripts/bench.sh serve "$DATA" --model "$TMP/study.bwm" --peer http://127.0.0.1:5077/score
