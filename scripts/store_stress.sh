#!/bin/sh
# The store's crash and concurrency tests at full size: a saving reader
# killed with SIGKILL at 300 random moments (no torn file, no saved bookmark
# lost), and 4 readers adding 50 bookmarks each to one data directory at
# once (all 200 kept). `cargo test` runs the same tests small (12 kills, 2
# readers); see tests/store_processes.rs.
#
# Usage: scripts/store_stress.sh [KILLS [READERS]]   (default 300 4)
# Exits non-zero if a test fails.
set -eu
cd "$(dirname "$0")/.."
kills=${1:-300}
readers=${2:-4}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "store stress: $kills kills, $readers readers ($(nproc) cores)"
start=$(date +%s)
status=0
NEWSREADER_STORE_KILLS=$kills NEWSREADER_STORE_READERS=$readers \
    cargo test --quiet --test store_processes -- --nocapture --test-threads=1 \
    >"$log" 2>&1 || status=$?
grep -oE '[0-9]+ (kills|readers) .*|test result.*|panicked.*' "$log" || true
[ "$status" -eq 0 ] || tail -n 40 "$log"
echo "took $(($(date +%s) - start)) s"
exit "$status"
