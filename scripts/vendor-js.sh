#!/bin/sh
# Builds the browser assets the web app ships, from web-vendor/package-lock.json (pinned; nothing from a CDN):
# vega, vega-lite, vega-embed and vega-interpreter bundled with web-vendor/charts.js into one file (esbuild),
# world-atlas's TopoJSON (ISC, Natural Earth data) and the licences of everything shipped. Run by `make`; without
# npm it says so and the web app shows the static SVG charts the server draws.
set -eu
cd "$(dirname "$0")/../web-vendor"
OUT=../src/bilateral/web/static/vendor
if ! command -v npm >/dev/null 2>&1; then
    echo "vendor-js: npm is not installed; the web app's charts stay static (install nodejs and npm for interactive ones)" >&2
    exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
mkdir -p "$OUT"
node_modules/.bin/esbuild charts.js --bundle --minify --format=iife --legal-comments=none --log-level=warning \
    --outfile="$OUT/charts.js"
cp node_modules/world-atlas/countries-110m.json "$OUT/countries-110m.json"
node licences.js > "$OUT/THIRD-PARTY-LICENSES.txt"
