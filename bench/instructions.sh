#!/usr/bin/env bash
# Counts the instructions one iteration of a Go benchmark executes, with
# valgrind's callgrind. Unlike ns/op, the count does not move with the
# load on a shared or virtual machine, so it shows whether a change made
# the code do less work.
#
#   bash bench/instructions.sh ./extract BenchmarkExtract
#
# The benchmark runs once with 1 iteration and once with 11; the
# difference divided by 10 leaves out set-up such as loading dictionaries.
set -euo pipefail
pkg=${1:?package, e.g. ./extract}
name=${2:?benchmark name, e.g. BenchmarkExtract}
iters=${3:-10}
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is not installed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go test -c -o "$work/bench.test" "$pkg"
count() {
	# Go preempts goroutines with signals, which callgrind cannot follow.
	(cd "$pkg" && GOGC=${GOGC:-off} GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 valgrind --tool=callgrind --callgrind-out-file="$work/out.$1" \
		"$work/bench.test" -test.run='^$' -test.bench="^$name\$" -test.benchtime="${1}x" >"$work/log.$1" 2>&1)
	grep -m1 '^summary:' "$work/out.$1" | awk '{print $2}'
}
one=$(count 1)
many=$(count $((iters + 1)))
per=$(( (many - one) / iters ))
# Benchmarks over text report how much they read as text-bytes/op.
bytes=$(awk '{ for (i = 1; i < NF; i++) if ($(i+1) == "text-bytes/op") printf "%d", $i }' "$work/log.1")
bytes=${bytes:-0}
echo "$name: $per instructions per iteration"
if [ "$bytes" -gt 0 ]; then
	awk -v p="$per" -v b="$bytes" 'BEGIN { printf "%s: %.1f instructions per byte (%d bytes per iteration)\n", "'"$name"'", p / b, b }'
fi
