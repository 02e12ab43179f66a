#!/usr/bin/env bash
# Smoke test of a built app image: the CLI launcher runs the whole job on the bundled sample data and writes a
# report; the GUI launcher starts (under Xvfb when there is no display), loads the sample data and exits.
set -euo pipefail
image="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cli="$image/bin/bearing-workbench"
gui="$image/bin/BearingWorkbench"
sample="$image/lib/app/sample-data/ims-synthetic"

"$cli" --help | grep -q "Usage: bearing-workbench" || { echo "smoke: CLI launcher did not print help"; exit 1; }
"$cli" run "$sample" --epochs 5 -o "$work/out" --json > "$work/run.json"
grep -q '"rows":160' "$work/run.json" || { echo "smoke: run printed $(cat "$work/run.json")"; exit 1; }
test -s "$work/out/report.csv" || { echo "smoke: no report written"; exit 1; }
echo "smoke: CLI launcher ran the sample data and wrote $(wc -l < "$work/out/report.csv") report lines"

if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "smoke: xvfb-run missing (apt-get install xvfb)"; exit 1; }
  runner=(xvfb-run -a)
else
  runner=()
fi
timeout 120 "${runner[@]}" "$gui" gui --exit-after-load "$sample" > "$work/gui.log" 2>&1 || {
  echo "smoke: GUI launcher failed"; cat "$work/gui.log"; exit 1; }
echo "smoke: GUI launcher started, loaded the sample data and exited cleanly"
