#!/usr/bin/env bash
# Load test of the API: a million synthetic statements and a million
# events (made once and kept under $TMPDIR/redline-bench), served on a
# loopback port, 200 requests a second over a mix of endpoints for 30
# seconds; prints p50/p95/p99 per endpoint and overall, and the errors.
#
#   bash bench/load.sh [-records N] [-rate R] [-duration 30s]
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./bench/loadtest "$@"
