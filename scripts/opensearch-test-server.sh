#!/usr/bin/env bash
# A single-node OpenSearch 2.19 for the tests, assembled from Maven Central (no Docker, no distribution download).
#
#   scripts/opensearch-test-server.sh build
#       Install Java 17 and Maven with apt if missing, then build the launcher in scripts/opensearch/ and record a
#       class-data archive that makes the node start several times faster. Does nothing when the pom, the sources
#       and the JDK are unchanged since the last build.
#   scripts/opensearch-test-server.sh start [--home DIR] [--port N] [--no-stdin-watch]
#       Build if needed, then run the node in the foreground on 127.0.0.1 (port 0: any free port). Its address
#       (http://127.0.0.1:PORT) is printed on standard output once it answers; logs go to standard error. It stops
#       when standard input closes, unless --no-stdin-watch. Data goes to DIR (default: a new temporary folder).
#
# OPENSEARCH_JAVA_OPTS adds JVM options after the defaults (later ones win), e.g. "-Xms2g -Xmx2g -XX:TieredStopAtLevel=4"
# for a benchmark: the defaults suit a short test run on a small machine (512 MB heap, quick JIT, serial GC).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$here/opensearch"
target="$project/target"
jar="$target/opensearch-test-server-1.jar"
archive="$target/classes.jsa"

say() { echo "opensearch-test-server: $*" >&2; }

java17_home() {
    local candidate
    for candidate in /usr/lib/jvm/java-17-openjdk-*; do
        if [[ -x "$candidate/bin/javac" ]]; then
            echo "$candidate"
            return
        fi
    done
}

ensure_tools() {
    if [[ -z "$(java17_home)" ]] || ! command -v mvn >/dev/null; then
        say "installing Java 17 and Maven with apt"
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless maven >&2
    fi
    JAVA_HOME="$(java17_home)"
    export JAVA_HOME
}

fingerprint() {
    (cd "$project" && cat pom.xml $(find src -type f | sort) "$JAVA_HOME/release") | sha256sum | cut -c1-16
}

classpath_present() {
    local entry
    [[ -f "$jar" && -f "$target/classpath.txt" ]] || return 1
    IFS=: read -r -a entries <"$target/classpath.txt"
    for entry in "${entries[@]}"; do
        [[ -f "$entry" ]] || return 1
    done
}

jvm_options() {
    local options=(
        -Xms512m -Xmx512m -Xss1m
        -XX:+UseSerialGC -XX:TieredStopAtLevel=1
        -Djava.awt.headless=true -Dfile.encoding=UTF-8
        -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0
        -Dlog4j2.disable.jmx=true -Dlog4j.shutdownHookEnabled=false
        # The JVM's own messages go to standard error: standard output carries only the node's address.
        -Xlog:disable -Xlog:all=warning:stderr
    )
    printf '%s\n' "${options[@]}"
}

build() {
    ensure_tools
    mkdir -p "$target"
    local stamp
    stamp="$target/built-$(fingerprint)"
    if [[ -f "$stamp" ]] && classpath_present; then
        return
    fi
    exec 9>"$target/build.lock"
    flock 9  # two test runs starting at once build once
    if [[ -f "$stamp" ]] && classpath_present; then
        return
    fi
    say "building the launcher (the first time, Maven fetches about 50 MB of jars into ~/.m2)"
    rm -f "$target"/built-* "$archive"
    mvn -q -B -Dstyle.color=never -f "$project/pom.xml" package >&2
    say "recording the class-data archive"
    local home options
    home="$(mktemp -d)"
    mapfile -t options < <(jvm_options)
    if ! "$JAVA_HOME/bin/java" "${options[@]}" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off \
        -cp "$jar:$(cat "$target/classpath.txt")" org.sdshub.search.TestServer --home "$home" --warm-up >&2; then
        say "no class-data archive (the node still starts, more slowly)"
        rm -f "$archive"
    fi
    rm -rf "$home"
    touch "$stamp"
}

start() {
    build
    local arguments=("$@") options
    if [[ " $* " != *" --home "* ]]; then
        arguments+=(--home "$(mktemp -d)")
    fi
    mapfile -t options < <(jvm_options)
    if [[ -f "$archive" ]]; then
        options+=(-XX:SharedArchiveFile="$archive")
    fi
    # shellcheck disable=SC2206 # word splitting of the extra options is wanted
    options+=(${OPENSEARCH_JAVA_OPTS:-})
    exec "$JAVA_HOME/bin/java" "${options[@]}" -cp "$jar:$(cat "$target/classpath.txt")" \
        org.sdshub.search.TestServer "${arguments[@]}"
}

case "${1:-}" in
    build) build ;;
    start) shift && start "$@" ;;
    *)
        echo "usage: $0 build | start [--home DIR] [--port N] [--no-stdin-watch]" >&2
        exit 2
        ;;
esac
