#!/usr/bin/env bash
# Renders an incident report (HTML) in a real browser engine (headless Chromium) and cuts it into PNGs for the docs.
# Not part of the product. Needs: apt-get install -y chromium imagemagick
#   scripts/report_screenshot.sh report.html docs/screenshots/incident-report
set -euo pipefail
html=$(realpath "$1")
out=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,6000 \
    --screenshot="$tmp/full.png" "file://$html" 2>/dev/null
# the page is white below its end: trim it, then cut in two readable halves
convert "$tmp/full.png" -trim +repage "$tmp/page.png"
height=$(identify -format %h "$tmp/page.png")
convert "$tmp/page.png" -crop 1000x1450+0+0 +repage "$out-1.png"
convert "$tmp/page.png" -crop 1000x1450+0+1450 +repage "$out-2.png"
echo "$height px page -> $out-1.png, $out-2.png"
