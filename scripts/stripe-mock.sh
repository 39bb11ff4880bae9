#!/usr/bin/env bash
# Build stripe-mock, Stripe's own mock of its API (it answers every documented endpoint and rejects any request that
# does not validate against Stripe's OpenAPI description), for the payments tests; print the binary's path on stdout.
# Idempotent: the pinned version is built once, with Go from the module proxy, into var/tools/ (git-ignored).
# Where Go is missing or older than the pinned version needs, installs Debian's golang (from the release's backports
# when the release's own is too old: Debian 12 ships Go 1.19).
set -euo pipefail
STRIPE_MOCK=v0.203.0
NEEDS_GO=go1.22.1 # the `go` line of stripe-mock's go.mod at that version
log() { echo "$@" >&2; }

go_is_new_enough() {
  command -v go >/dev/null && printf '%s\n' "$NEEDS_GO" "$(go env GOVERSION)" | sort --version-sort --check=quiet
}

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

install_go() {
  log "Installing Go (Debian's golang)..."
  apt-get update -qq >&2
  apt_install golang-go ca-certificates
  export PATH="/usr/lib/go/bin:$PATH"
  hash -r
  go_is_new_enough && return
  local codename mirror
  codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
  mirror=$(apt-get indextargets --format '$(REPO_URI)' "Codename: $codename" "Identifier: Packages" | head -1)
  log "Debian's Go is $(go env GOVERSION); installing ${codename}-backports' golang..."
  echo "deb $mirror ${codename}-backports main" >"/etc/apt/sources.list.d/${codename}-backports.list"
  apt-get update -qq >&2
  apt_install -t "${codename}-backports" golang-go
  hash -r
  go_is_new_enough || { log "No Go at least $NEEDS_GO could be installed"; exit 1; }
}

cd "$(dirname "$0")/.."
tools="$PWD/var/tools"
binary="$tools/stripe-mock-$STRIPE_MOCK/stripe-mock"
mkdir -p "$tools"
exec 9>"$tools/stripe-mock.lock"
flock 9 # two test runs starting at once build it once

if [[ ! -x $binary ]]; then
  go_is_new_enough || install_go
  log "Building stripe-mock $STRIPE_MOCK with $(go env GOVERSION)..."
  build=$(mktemp -d "$tools/stripe-mock-build.XXXXXX")
  trap 'rm -rf "$build"' EXIT
  # A static binary (no C compiler needed), built aside and moved in whole so a broken build never counts as present.
  GOBIN="$build" CGO_ENABLED=0 go install "github.com/stripe/stripe-mock@$STRIPE_MOCK" >&2
  mkdir -p "$(dirname "$binary")"
  mv "$build/stripe-mock" "$binary"
fi
echo "$binary"
