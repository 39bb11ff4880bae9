#!/usr/bin/env bash
# Build front-end assets into static/dist/ (git-ignored; Django serves it at
# /static/ through STATICFILES_DIRS).
#
#   npm ci            # once, from package-lock.json
#   npm run build     # everything
#   npm run build:css # only static/dist/css/main.css
#
# Needs only node_modules, so it works offline. Safe to run repeatedly: each
# output folder this script owns is replaced as a whole.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SRC="static/src"
DIST="static/dist"
GOVUK="node_modules/govuk-frontend/dist/govuk"
LEAFLET="node_modules/leaflet/dist"
SASS="node_modules/.bin/sass"

if [[ ! -x "$SASS" || ! -d "$GOVUK" || ! -d "$LEAFLET" ]]; then
  echo "build_assets: node_modules is missing or incomplete; run 'npm ci' first." >&2
  exit 1
fi

build_css() {
  rm -rf "$DIST/css"
  mkdir -p "$DIST/css"
  # --quiet-deps hides deprecation warnings from govuk-frontend's own Sass;
  # --silence-deprecation=import because govuk-frontend 5 only supports
  # @import (our entry point has to @import it to pass settings in).
  "$SASS" \
    --load-path=node_modules \
    --style=compressed \
    --no-source-map \
    --quiet-deps \
    --silence-deprecation=import \
    "$SRC/scss/main.scss" "$DIST/css/main.css"
}

build_js() {
  rm -rf "$DIST/js"
  mkdir -p "$DIST/js"
  cp "$GOVUK/govuk-frontend.min.js" "$GOVUK/govuk-frontend.min.js.map" "$DIST/js/"
  cp "$SRC/js/"*.js "$DIST/js/"
}

build_assets() {
  # GOV.UK Frontend's images and manifest. Never its fonts: GDS Transport is
  # licensed for GOV.UK only.
  rm -rf "$DIST/assets"
  mkdir -p "$DIST/assets"
  cp -R "$GOVUK/assets/images" "$DIST/assets/images"
  if [[ -f "$GOVUK/assets/manifest.json" ]]; then
    cp "$GOVUK/assets/manifest.json" "$DIST/assets/manifest.json"
  fi

  # Our own images (favicon etc.), served at /static/images/.
  rm -rf "$DIST/images"
  if [[ -d "$SRC/images" ]]; then
    cp -R "$SRC/images" "$DIST/images"
  fi
}

build_vendor() {
  rm -rf "$DIST/vendor/leaflet"
  mkdir -p "$DIST/vendor/leaflet"
  cp "$LEAFLET/leaflet.js" "$LEAFLET/leaflet.js.map" "$LEAFLET/leaflet.css" "$DIST/vendor/leaflet/"
  cp -R "$LEAFLET/images" "$DIST/vendor/leaflet/images"
}

case "${1:-all}" in
  css) build_css ;;
  js) build_js ;;
  all)
    build_css
    build_js
    build_assets
    build_vendor
    ;;
  *)
    echo "usage: $0 [all|css|js]" >&2
    exit 2
    ;;
esac

echo "build_assets: built ${1:-all} into $DIST/"
