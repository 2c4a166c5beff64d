#!/usr/bin/env bash
# Checks that extraction memory stays flat as the corpus grows: runs
# "redline extract" over copies of the demo corpus at two sizes and prints
# the peak resident memory and the throughput of each run.
#
#   bash bench/memory.sh [COPIES]     (default 20; the second run uses 10×)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/redline" ./cmd/redline

# make writes n copies of the corpus, each edited so its hash differs.
make_corpus() {
	local dir=$1 n=$2
	mkdir -p "$dir"
	for i in $(seq 1 "$n"); do
		for f in examples/corpus/*.md; do
			{ cat "$f"; printf '\nCopy %d of this article.\n' "$i"; } >"$dir/$i-$(basename "$f")"
		done
	done
}

for n in "$copies" $((copies * 10)); do
	dir="$tmp/c$n"
	make_corpus "$dir" "$n"
	bytes=$(cat "$dir"/*.md | wc -c)
	start=$(date +%s.%N)
	/usr/bin/time -f "%M" -o "$tmp/rss" "$tmp/redline" extract --json "$dir" >/dev/null
	end=$(date +%s.%N)
	rss=$(cat "$tmp/rss")
	awk -v n="$(ls "$dir" | wc -l)" -v b="$bytes" -v r="$rss" -v s="$start" -v e="$end" 'BEGIN {
		printf "%6d documents  %7.1f MB  peak RSS %6.1f MB  %6.1f MB/s (all cores)\n", n, b/1e6, r/1024, b/1e6/(e-s)
	}'
done
