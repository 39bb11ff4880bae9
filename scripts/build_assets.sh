#!/usr/bin/env bash
# Build front-end assets into static/dist/ (git-ignored; Django serves it at
# /static/ through STATICFILES_DIRS).
#
#   npm ci            # once, from package-lock.json
#   npm run build     # everything
#   npm run build:css # only static/dist/css/main.css
#
# Needs only node_modules, so it works offline. Safe to run repeatedly, even
# while a server reads static/dist (another test run, say): each output folder
# this script owns is built beside the old one and swapped in by renaming, so no
# reader finds a file missing or half written.
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

fresh() {  # fresh NAME: an empty folder to build NAME in
  local folder="$DIST/.$1.new.$$"
  rm -rf "$folder"
  mkdir -p "$folder"
  echo "$folder"
}

swap_in() {  # swap_in NAME FOLDER: FOLDER becomes $DIST/NAME
  local target="$DIST/$1" old="$DIST/$1.old.$$"
  mkdir -p "$(dirname "$target")"
  if [[ -e "$target" ]]; then mv "$target" "$old"; fi
  mv "$2" "$target"
  rm -rf "$old"
}

build_css() {
  local out
  out="$(fresh css)"
  # --quiet-deps hides deprecation warnings from govuk-frontend's own Sass;
  # --silence-deprecation=import because govuk-frontend 5 only supports
  # @import (our entry point has to @import it to pass settings in).
  "$SASS" \
    --load-path=node_modules \
    --style=compressed \
    --no-source-map \
    --quiet-deps \
    --silence-deprecation=import \
    "$SRC/scss/main.scss" "$out/main.css"
  swap_in css "$out"
}

build_js() {
  local out
  out="$(fresh js)"
  cp "$GOVUK/govuk-frontend.min.js" "$GOVUK/govuk-frontend.min.js.map" "$out/"
  cp "$SRC/js/"*.js "$out/"
  swap_in js "$out"
}

build_assets() {
  # GOV.UK Frontend's images and manifest. Never its fonts: GDS Transport is
  # licensed for GOV.UK only.
  local out
  out="$(fresh assets)"
  cp -R "$GOVUK/assets/images" "$out/images"
  if [[ -f "$GOVUK/assets/manifest.json" ]]; then
    cp "$GOVUK/assets/manifest.json" "$out/manifest.json"
  fi
  swap_in assets "$out"

  # Our own images (favicon etc.), served at /static/images/.
  if [[ -d "$SRC/images" ]]; then
    out="$(fresh images)"
    cp -R "$SRC/images/." "$out/"
    swap_in images "$out"
  else
    rm -rf "$DIST/images"
  fi
}

build_vendor() {
  local out
  out="$(fresh leaflet)"
  cp "$LEAFLET/leaflet.js" "$LEAFLET/leaflet.js.map" "$LEAFLET/leaflet.css" "$out/"
  cp -R "$LEAFLET/images" "$out/images"
  swap_in vendor/leaflet "$out"
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
